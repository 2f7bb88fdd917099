"""Nothing acknowledged is lost: a 201 for an endorsement survives a SIGKILL of the server.

The real server (`undersigned demo` + `undersigned serve`, gunicorn and the task worker) runs on
a database of its own: a SQLite file in a temporary var dir, or, when DATABASE_URL points at
PostgreSQL, a separate database created and dropped here. The benchmark (`make bench`) runs the
same check with more requests and several kills.
"""

import os
import socket
import sys
from pathlib import Path

import pytest

from bench.durability import fresh_database, maintenance_url, run_durability


def _can_bind() -> bool:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen()
    except OSError:
        return False
    return True


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.mark.skipif(not _can_bind(), reason="cannot bind a port on 127.0.0.1 here")
@pytest.mark.skipif(
    not (Path(sys.executable).parent / "undersigned").exists(),
    reason="the `undersigned` command is not installed beside this Python",
)
def test_acknowledged_endorsements_survive_sigkill(tmp_path):
    postgres = _postgres_url()
    if postgres:
        psycopg = pytest.importorskip("psycopg")
        try:
            psycopg.connect(maintenance_url(postgres), connect_timeout=5).close()
        except psycopg.OperationalError as error:
            pytest.skip(f"PostgreSQL at DATABASE_URL is unreachable: {error}")
    with fresh_database(tmp_path / "var", postgres, os.environ.get("REDIS_URL")) as db:
        report = run_durability(db, tmp_path, kills=1, per_round=60, kill_after=20, timeout=10)

    assert report["acknowledged"] >= 20, report
    assert report["lost_after_any_kill"] == [], report
    assert report["lost"] == [], report
    assert report["duplicated"] == [], report
    # A 201 is sent after the confirmation mail was queued, so each has its mail too.
    assert report["mail_missing"] == [], report
    assert all(check.startswith("ok") for check in report["integrity_every_check"]), report
