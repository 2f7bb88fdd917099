"""Settings that do not surprise. Each case imports the settings in a fresh Python
with a given environment, as a server process would."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

UNDERSIGNED = Path(sys.executable).with_name("undersigned")


def settings_in(tmp_path: Path, expression: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    environment.update(UNDERSIGNED_VAR_DIR=str(tmp_path / "var"), **env)
    code = f"from undersigned import settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=tmp_path
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SECURE_COOKIES", "ture"),
        ("DEBUG", "maybe"),
        ("HSTS_PRELOAD", "yes please"),
        ("PORT", "80a"),
        ("WEB_WORKERS", "three"),
        ("TRUSTED_PROXY_COUNT", "1.5"),
        ("ENDORSE_LIMIT_PER_IP", ""),
        ("PORT", "70000"),
    ],
)
def test_a_value_that_is_not_what_it_should_be_is_refused_by_name(tmp_path, variable, value):
    result = settings_in(tmp_path, "s.DEBUG", **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and variable in result.stderr


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("0", False), ("On", True)])
def test_booleans_read_as_booleans(tmp_path, value, expected):
    result = settings_in(tmp_path, "s.SESSION_COOKIE_SECURE", SECURE_COOKIES=value)
    assert result.stdout.strip() == str(expected), result.stderr


def test_importing_the_settings_creates_nothing(tmp_path):
    result = settings_in(tmp_path, "len(s.SECRET_KEY)")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 50  # a random key for this process
    assert not (tmp_path / "var").exists()


def test_migrate_creates_the_data_folder_and_a_private_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    env["UNDERSIGNED_VAR_DIR"] = str(tmp_path / "var")
    done = subprocess.run(
        [str(UNDERSIGNED), "migrate", "-v0"], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    var = tmp_path / "var"
    key = (var / "secret_key").read_text()
    # The key, the database and the folder are the owner's alone.
    for path in (var, var / "secret_key", var / "undersigned.sqlite3"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    # Every later process reads the same key.
    assert settings_in(tmp_path, "s.SECRET_KEY").stdout.strip() == key.strip()


def test_site_url_follows_port(tmp_path):
    assert settings_in(tmp_path, "s.SITE_URL", PORT="8123").stdout.strip().endswith(":8123")
    result = settings_in(
        tmp_path, "(s.HOST, s.PORT, s.WEB_WORKERS)", HOST="0.0.0.0", WEB_WORKERS="5"
    )
    assert result.stdout.strip() == "('0.0.0.0', 8000, 5)"


@pytest.mark.parametrize(
    ("env", "site_url"),
    [
        ({"HOST": "192.0.2.7", "PORT": "8117"}, "http://192.0.2.7:8117"),
        ({"HOST": "0.0.0.0"}, "http://127.0.0.1:8000"),
        ({"HOST": "::"}, "http://[::1]:8000"),
        ({"HOST": "2001:db8::5", "PORT": "9000"}, "http://[2001:db8::5]:9000"),
        ({"PORT": "8117", "SITE_URL": "https://example.org/"}, "https://example.org"),
    ],
)
def test_site_url_follows_host_and_port_unless_set(tmp_path, env, site_url):
    result = settings_in(tmp_path, "s.SITE_URL", **env)
    assert result.stdout.strip() == site_url, result.stderr


PRODUCTION = {
    "SECRET_KEY": "x" * 60 + "production-secret-key-from-the-readme",
    "ALLOWED_HOSTS": "undersigned.example.org",
    "SITE_URL": "https://undersigned.example.org",
    "SECURE_COOKIES": "true",
    "TRUSTED_PROXY_COUNT": "1",
}


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    # Not DJANGO_ALLOW_ASYNC_UNSAFE, which the browser tests set in this process.
    unwanted = ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env.update(UNDERSIGNED_VAR_DIR=str(tmp_path / "var"), **PRODUCTION)
    done = subprocess.run(
        [str(UNDERSIGNED), "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_the_readme_lists_every_variable():
    import re

    root = Path(__file__).resolve().parents[1]
    source = (root / "src" / "undersigned" / "settings.py").read_text()
    names = set(re.findall(r'(?:envbool|envint|envlist|os\.environ\.get)\("([A-Z_]+)"', source))
    readme = (root / "README.md").read_text()
    assert names and not [name for name in sorted(names) if f"`{name}`" not in readme]
