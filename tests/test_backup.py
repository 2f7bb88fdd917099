"""The operator backs up the live SQLite database and restores it, through the real CLI."""

import sqlite3
from contextlib import closing

from tests.test_cli import run


def test_backup_and_restore_an_sqlite_database(tmp_path):
    assert run("demo", cwd=tmp_path).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    result = run("backup", "-o", str(copy), cwd=tmp_path)
    assert result.returncode == 0 and "integrity ok" in result.stdout
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("select count(*) from signing_signature").fetchone()[0] == 34
    live = tmp_path / "var" / "undersigned.sqlite3"
    with closing(sqlite3.connect(live)) as db, db:
        db.execute("update statements_text set title = 'damaged'")
    result = run("restore", str(copy), "--yes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(live)) as db:
        titles = {row[0] for row in db.execute("select title from statements_text")}
    assert "damaged" not in titles
    # The database as it was is kept, under a name of its own for each restore.
    [kept] = (tmp_path / "var").glob("undersigned.sqlite3.before-restore-*")
    with closing(sqlite3.connect(kept)) as db:
        assert "damaged" in {row[0] for row in db.execute("select title from statements_text")}


def test_restore_refuses_what_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    result = run("restore", str(bad), "--yes", cwd=tmp_path)
    assert result.returncode == 1 and "not an SQLite database" in result.stderr
    result = run("restore", str(tmp_path / "missing"), "--yes", cwd=tmp_path)
    assert result.returncode == 1 and "no such file" in result.stderr
