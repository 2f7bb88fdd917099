import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from undersigned.coalitions.models import Coalition, Organization
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement

from .conftest import SEEDS, seed_expected

UNDERSIGNED = Path(sys.executable).with_name("undersigned")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNDERSIGNED_VAR_DIR": str(cwd / "var")}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [str(UNDERSIGNED), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.mark.parametrize("seed", ["icor-afghanistan-2021", "cipoml-afghanistan-2021"])
def test_parse_prints_the_expected_structure(seed, tmp_path):
    expected = seed_expected(seed)
    result = run("parse", str(SEEDS / f"{seed}.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert list(parsed) == [
        "kind",
        "title",
        "subtitle",
        "issuer",
        "date",
        "signatories_as_of",
        "further_signatories_possible",
        "body",
        "signatories",
    ]
    # Each signatory also says how sure the parser is; the rest is the expected structure.
    for signatory in parsed["signatories"]:
        assert 0 <= signatory.pop("confidence") <= 1
        assert all(0 <= c <= 1 for c in signatory.pop("field_confidence").values())
    for key, value in expected.items():
        assert parsed[key] == value, key


def test_parse_explains_what_each_line_was_taken_for(tmp_path):
    result = run("parse", "--explain", str(SEEDS / "icor-afghanistan-2021.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "heading" in result.stdout and "entry (" in result.stdout and "why: " in result.stdout


def test_parse_says_what_is_wrong_with_a_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\n\xff\xfe oops")
    result = run("parse", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "Line 3" in result.stderr and "UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_explains_itself(tmp_path):
    for command in ("serve", "demo", "parse", "import", "export"):
        result = run(command, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "usage: undersigned " + command in result.stdout
    listing = run(cwd=tmp_path).stdout
    assert "import" in listing and "migrate" in listing


def test_demo_loads_both_statements_once(db, capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo")
    call_command("demo")
    out = capsys.readouterr().out
    assert "Logins (user password)" in out and "  admin " in out
    assert Coalition.objects.count() == 2
    assert Statement.objects.count() == 2
    assert Organization.objects.count() == 35  # the 34 signatories, and one reminded (DEMO)
    assert Signature.objects.count() == 34
    assert Coalition.objects.get(abbreviation="ICOR").members.count() == 35
