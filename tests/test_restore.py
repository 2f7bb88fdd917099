"""Restore refuses what is not our database and keeps every safety copy; the
database, backups and key are the owner's alone."""

import os
import sqlite3
import stat
import time
from contextlib import closing
from unittest import mock

import pytest

from tests.test_cli import run


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A demo site and a good backup of it, made by commands started with the usual umask
    (files world-readable unless the commands see to it)."""
    cwd = tmp_path_factory.mktemp("ops")
    before = os.umask(0o022)
    try:
        # On another port than the default, as `make run PORT=8117` serves it.
        with mock.patch.dict(os.environ, {"PORT": "8117"}):
            demo = run("demo", cwd=cwd)
        assert demo.returncode == 0, demo.stderr
        (cwd / "demo.out").write_text(demo.stdout)
        assert run("backup", "-o", str(cwd / "good.sqlite3"), cwd=cwd).returncode == 0
        assert run("backup", cwd=cwd).returncode == 0
    finally:
        os.umask(before)
    return cwd


def test_the_demo_says_to_log_in_on_the_port_it_is_served_on(site):
    """`make run PORT=8117` said "Log in at http://127.0.0.1:8000/…"."""
    assert "Log in at http://127.0.0.1:8117/accounts/login/" in (site / "demo.out").read_text()


def private(path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_the_database_backups_and_key_are_private(site):
    """They were 0644 and hold addresses, password hashes and session keys."""
    var = site / "var"
    for path in (
        var,
        var / "secret_key",
        var / "transparency_ed25519.pem",  # made by the demo: it signs the logs' checkpoints
        var / "undersigned.sqlite3",
        var / "cache",
        var / "limits",
        site / "good.sqlite3",
    ):
        assert private(path), path
    for path in (var / "backups").iterdir():
        assert private(path), path


@pytest.mark.parametrize("kind", ["empty file", "empty database", "another application"])
def test_restore_refuses_what_is_not_our_database(site, kind):
    """A 0-byte file, an empty SQLite file and another application's database all printed
    "Restored" and left no tables."""
    bad = site / f"{kind}.sqlite3"
    bad.unlink(missing_ok=True)
    if kind == "empty file":
        bad.write_bytes(b"")
    else:
        with closing(sqlite3.connect(bad)) as db:
            if kind == "another application":
                db.execute("create table django_migrations (id, app, name, applied)")
                db.execute("insert into django_migrations values (1, 'blog', '0001_initial', '')")
            else:
                db.execute("create table t (x)")
                db.execute("drop table t")
            db.commit()
    result = run("restore", str(bad), "--yes", cwd=site)
    assert result.returncode == 1, result.stdout
    assert "Restored" not in result.stdout
    with closing(sqlite3.connect(site / "var" / "undersigned.sqlite3")) as db:
        assert db.execute("select count(*) from signing_signature").fetchone()[0] == 34


def test_every_restore_keeps_its_own_safety_copy_with_what_was_in_the_wal(site):
    """A second restore overwrote the first safety copy, which also missed data still in the
    WAL."""
    live = site / "var" / "undersigned.sqlite3"
    # A write left in the WAL: this connection stays open, so nothing checkpoints it.
    writer = sqlite3.connect(live)
    writer.execute("pragma journal_mode=wal")
    writer.execute("update statements_text set title = 'only in the wal'")
    writer.commit()
    try:
        assert run("restore", str(site / "good.sqlite3"), "--yes", cwd=site).returncode == 0
    finally:
        writer.close()
    time.sleep(0.01)
    assert run("restore", str(site / "good.sqlite3"), "--yes", cwd=site).returncode == 0
    copies = sorted((site / "var").glob("undersigned.sqlite3.before-restore-*"))
    assert len(copies) >= 2
    with closing(sqlite3.connect(copies[-2])) as db:
        titles = {row[0] for row in db.execute("select title from statements_text")}
    assert "only in the wal" in titles
    assert all(private(copy) for copy in copies)
