"""The Makefile's targets: `make clean` keeps the data, `make clean-data` asks first, `make run`
says what is wrong with a PORT that is no port."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def make(*args: str, cwd: Path, answer: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "-s", *args], cwd=cwd, input=answer, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A checkout with a virtualenv, test leftovers and the data of the embedded mode."""
    shutil.copy(ROOT / "Makefile", tmp_path)
    for folder in (".venv", "test-artifacts", "var/backups"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "var" / "secret_key").write_text("the production key")
    return tmp_path


def test_make_clean_never_deletes_the_data(checkout):
    """In the embedded mode var/ is the production database, its key and its backups."""
    assert make("clean", cwd=checkout).returncode == 0
    assert not (checkout / ".venv").exists() and not (checkout / "test-artifacts").exists()
    assert (checkout / "var" / "secret_key").read_text() == "the production key"


def test_make_clean_data_deletes_the_data_only_when_told_so(checkout):
    refused = make("clean-data", cwd=checkout, answer="yes\n")
    assert refused.returncode != 0
    assert "Nothing deleted." in refused.stdout
    assert (checkout / "var" / "secret_key").exists()
    deleted = make("clean-data", cwd=checkout, answer="delete\n")
    assert deleted.returncode == 0, deleted.stderr
    assert not (checkout / "var").exists()
    assert (checkout / "Makefile").exists()


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_make_run_says_a_port_that_is_no_number_is_no_port(port):
    """`make run PORT=abc` said the port was taken by another program."""
    venv = Path(sys.executable).parent.parent
    # -o: take the virtualenv as it is, whatever the age of pyproject.toml.
    result = make("-o", f"{venv}/bin/.installed", "run", f"PORT={port}", f"VENV={venv}", cwd=ROOT)
    assert result.returncode != 0
    assert f"PORT={port} is not a port number: use a number from 1 to 65535" in result.stderr
    assert "taken" not in result.stderr
