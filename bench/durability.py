""" "Nothing acknowledged is lost": endorse concurrently, SIGKILL the server midway, restart, and
check that every e-mail answered 201 is stored exactly once and the database is intact.

Used by tests/test_durability.py (small) and by the benchmark (more requests, several kills).
"""

import asyncio
import contextlib
import json
import os
import secrets
import sqlite3
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import HOST, build_request, read_response
from bench.server import Server, run_command


@dataclass
class Database:
    """A database of its own for one server: a SQLite file, or a fresh PostgreSQL database."""

    env: dict[str, str]
    var_dir: Path
    postgres_url: str | None = None  # set for PostgreSQL

    @property
    def vendor(self) -> str:
        return "postgresql" if self.postgres_url else "sqlite"

    def connect(self):
        if self.postgres_url:
            import psycopg

            return psycopg.connect(self.postgres_url, autocommit=True)
        return sqlite3.connect(self.var_dir / "undersigned.sqlite3", timeout=30)

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            cursor = connection.execute(sql)
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            connection.close()


def base_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        UNDERSIGNED_VAR_DIR=str(var_dir),
        TRUSTED_PROXY_COUNT="1",  # as behind a load balancer: the client is X-Forwarded-For
        DJANGO_SETTINGS_MODULE="undersigned.settings",
        LOG_LEVEL="ERROR",
    )
    env.pop("EMAIL_URL", None)  # the database outbox
    return env


def maintenance_url(postgres_url: str) -> str:
    """The same server's `postgres` database, from which databases are created and dropped."""
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(postgres_url)._replace(path="/postgres"))


@contextlib.contextmanager
def fresh_database(
    var_dir: Path, postgres_server_url: str | None = None, redis_url: str | None = None
) -> Iterator[Database]:
    """SQLite under var_dir; or, given a postgres:// URL, a new database on that server, dropped
    afterwards."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = base_env(var_dir)
    if redis_url:
        env["REDIS_URL"] = redis_url
    if not postgres_server_url:
        yield Database(env, var_dir)
        return
    import psycopg

    name = f"undersigned_bench_{secrets.token_hex(4)}"
    admin_url = maintenance_url(postgres_server_url)
    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(admin_url)._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Database({**env, "DATABASE_URL": url}, var_dir, url)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_ADDRESS_OFFSET = secrets.randbelow(1 << 24)


def icor_statement(db: Database) -> tuple[int, str]:
    rows = db.query(
        "SELECT s.id, s.slug FROM statements_statement s "
        "JOIN coalitions_coalition c ON c.id = s.coalition_id WHERE c.abbreviation = 'ICOR' "
        "ORDER BY s.id"  # the demo's resolution, before bench/desk.py's statements
    )
    return rows[0]


def endorse_request(port: int, slug: str, index: int, tag: str, csrf: str) -> tuple[str, bytes]:
    """The form POST of person number `index`, from an address of its own.

    Addresses start at a random point of 10.0.0.0/8 so that runs within the hour, which share
    the rate-limit counters when the cache is Redis, do not count against each other.
    """
    address = (index + _ADDRESS_OFFSET) % (1 << 24)
    email = f"person{index}.{tag}@example.org"
    body = urllib.parse.urlencode(
        {
            "name": f"Person {index}",
            "email": email,
            "country": "DE",
            "affiliation": "",
            "listed": "on",
            "csrfmiddlewaretoken": csrf,
        }
    ).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        # One simulated client per request, as a load balancer would report it; the rate limit
        # per address stays on.
        "X-Forwarded-For": f"10.{address >> 16}.{address >> 8 & 255}.{address & 255}",
    }
    return email, build_request("POST", f"/s/{slug}/endorse/", port, headers, body)


def csrf_secret() -> str:
    """A CSRF secret as Django makes one. Django accepts the bare secret as cookie and form
    field alike, so no page has to be fetched (the statement page can be slow at 1M rows)."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(secrets.choice(alphabet) for _ in range(32))


@dataclass
class Outcomes:
    acknowledged: set[str] = field(default_factory=set)  # answered 201
    statuses: Counter = field(default_factory=Counter)


async def _submit(
    server: Server,
    slug: str,
    tag: str,
    start: int,
    outcomes: Outcomes,
    *,
    concurrency: int,
    kill_after: int | None,
    total: int,
    timeout: float,
) -> None:
    """Submit up to `total` endorsements; with kill_after, SIGKILL the server once that many were
    acknowledged, with requests still in flight, and stop."""
    csrf = csrf_secret()
    counter = iter(range(start, start + total))
    stop = asyncio.Event()
    acked_here = 0

    async def one_client() -> None:
        nonlocal acked_here
        for index in counter:
            if stop.is_set():
                return
            email, request = endorse_request(server.port, slug, index, tag, csrf)
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, server.port), timeout
                )
                try:
                    writer.write(request)
                    status, _keep = await asyncio.wait_for(read_response(reader), timeout)
                finally:
                    writer.close()
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                outcomes.statuses["no answer"] += 1  # in flight at the kill: either way is fine
                continue
            outcomes.statuses[status] += 1
            if status == 201:
                outcomes.acknowledged.add(email)
                acked_here += 1
                if kill_after is not None and acked_here >= kill_after and not stop.is_set():
                    stop.set()
                    await asyncio.to_thread(server.kill)

    await asyncio.gather(*(one_client() for _ in range(concurrency)))


def check_database(db: Database, statement_id: int, acknowledged: set[str]) -> dict:
    """What a restart found: lost or doubled acknowledged e-mails, and the integrity check."""
    rows = db.query(
        "SELECT email, COUNT(*) FROM endorsements_endorsement "
        f"WHERE statement_id = {int(statement_id)} GROUP BY email"
    )
    stored = dict(rows)
    report = {
        "acknowledged": len(acknowledged),
        "stored": sum(stored.values()),
        "lost": sorted(acknowledged - stored.keys())[:20],
        "duplicated": sorted(e for e, n in stored.items() if n > 1)[:20],
        "mail_missing": sorted(acknowledged - _mailed(db))[:20],
    }
    if db.vendor == "sqlite":
        report["integrity"] = db.query("PRAGMA integrity_check")[0][0]
    else:
        report["integrity"] = _postgres_integrity(db)
    return report


def _mailed(db: Database) -> set[str]:
    """Addresses with a confirmation mail queued (a task) or already in the outbox."""
    addresses = set()
    for (args,) in db.query("SELECT args_kwargs FROM django_tasks_database_dbtaskresult"):
        data = json.loads(args) if isinstance(args, str) else args
        addresses.update(data.get("kwargs", {}).get("to", []))
    for (to,) in db.query('SELECT "to" FROM mail_outboxmessage'):
        addresses.update(a.strip() for a in to.split(","))
    return addresses


def _postgres_integrity(db: Database) -> str:
    problems = []
    valid = db.query(
        "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = 'endorsements_endorsement'::regclass"
    )
    problems += [f"index {name} invalid" for name, ok in valid if not ok]
    doubled = db.query(
        "SELECT statement_id, email_canonical FROM endorsements_endorsement "
        "WHERE email_canonical <> '' GROUP BY 1, 2 HAVING COUNT(*) > 1"
    )
    problems += [f"unique index violated for {row}" for row in doubled]
    db.query("SELECT COUNT(*) FROM endorsements_endorsement")
    try:
        db.query("CREATE EXTENSION IF NOT EXISTS amcheck")
    except Exception:  # not installed on this server: the checks above must do
        return "; ".join(problems) or "ok (amcheck unavailable)"
    for name, _ok in valid:  # raises on a corrupt B-tree, heapallindexed: every row indexed
        db.query(f"SELECT bt_index_check('{name}'::regclass, true)")
    return "; ".join(problems) or "ok (amcheck)"


def run_durability(
    db: Database,
    log_dir: Path,
    *,
    kills: int = 1,
    per_round: int = 60,
    kill_after: int = 25,
    concurrency: int = 8,
    workers: int = 2,
    timeout: float = 15,
    progress=print,
) -> dict:
    """demo, then `kills` rounds of serve → endorse → SIGKILL, then a last clean round; checks the
    database after every kill and at the end. Returns the report of the last check."""
    run_command(["demo"], db.env)
    statement_id, slug = icor_statement(db)
    tag = secrets.token_hex(3)
    outcomes, started, checks = Outcomes(), time.monotonic(), []
    for round_number in range(kills + 1):
        last = round_number == kills
        server = Server(db.env, log_dir / f"durability-{round_number}.log", workers=workers)
        try:
            server.start()
            _run_async(
                _submit(
                    server,
                    slug,
                    tag,
                    round_number * per_round,
                    outcomes,
                    concurrency=concurrency,
                    kill_after=None if last else kill_after,
                    total=per_round if not last else max(10, per_round // 4),
                    timeout=timeout,
                )
            )
            if last:
                server.stop()
        finally:
            server.kill()
        check = check_database(db, statement_id, outcomes.acknowledged)
        checks.append(check)
        progress(
            f"  durability round {round_number + 1}/{kills + 1} "
            f"({'clean stop' if last else 'SIGKILL'}): {check['acknowledged']} acknowledged, "
            f"lost {len(check['lost'])}, duplicated {len(check['duplicated'])}, "
            f"integrity {check['integrity']}"
        )
    final = dict(checks[-1])
    final.update(
        kills=kills,
        statuses={str(k): v for k, v in sorted(outcomes.statuses.items(), key=str)},
        lost_after_any_kill=sorted({e for c in checks for e in c["lost"]})[:20],
        integrity_every_check=[c["integrity"] for c in checks],
        seconds=round(time.monotonic() - started, 1),
    )
    return final


def _run_async(coroutine) -> None:
    """asyncio.run in a thread of its own: the caller's thread may already run an event loop
    (Playwright's sync API leaves one in pytest's main thread)."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
