"""Load benchmarks of `undersigned serve` on SQLite and PostgreSQL, and of the at-scale shape
through nginx; writes bench/results.json and the figures in BENCHMARKS.md.

For each database: seed 1M endorsements (bench/seed.py); then for each web server of
BENCH_SERVERS (gunicorn and granian) try a few worker counts (recording the resident memory of
serve and its children), then with the best one measure (a) the bare request (GET /robots.txt:
the whole middleware stack, no database, no cache; every target is a share of it), (g) GET
/healthz (which reads and writes both), (f) a 404, (b) POST endorse with distinct e-mails and
client addresses as a surge (and the confirmation mail it queues, which the task worker, below
the web's priority, must send within 60 s after it), (c) the statement page, (d) stats.json,
each for --duration seconds at --concurrency connections; then (b') endorse again after --after
more endorsements (bench/fill.py); (e) the public CSV export on a freshly started server; the
durability check with several SIGKILLs; last, the new paths in-process (bench/paths.py). Then
docs/scale.md's shape: nginx with deploy/nginx.conf in front of two `serve --no-worker` and
two `undersigned worker`s on PostgreSQL and Redis, with and without the micro-cache, and its
durability check (one app server and one worker SIGKILLed mid-load). With --pytition PATH (or
PYTITION_SRC), last: issue 23's yardstick, Pytition set up from that checkout or git directory
and measured beside `serve` in alternating rounds (bench/pytition.py).

GETs go through wrk and the at-scale run through nginx, both from Debian's packages: `make
bench` installs them with apt-get when it can (`apt-get install nginx-light wrk`); without wrk
the GETs use bench/load.py, without nginx the at-scale run is left out. Mail goes by SMTP to a
local sink (bench/smtpsink.py). Needs 127.0.0.1 ports, PostgreSQL (and Redis for its cache, as
at scale); about 30 minutes with the defaults. On a shared machine run it under `nice -n 19`
and with smaller sizes while developing, e.g.
    python -m bench.run --only sqlite --rows 20000 --duration 3 --after 5000 --skip export
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench import durability, load, nginx, pytition, wrk
from bench.server import Server, free_port, memory_kb, tree_memory

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
DETAILS = ROOT / "bench" / "details.json"
REPORT = ROOT / "BENCHMARKS.md"
SERVERS = ("gunicorn", "granian")
# A surge's mail must all be sent within this many seconds after it ends.
MAIL_DRAIN_LIMIT_S = 60
# The desk serves a coalition's few coordinators: two at once, not a crowd. At 8 connections
# its p99 would measure the queue in front of the workers, not the page.
DESK_CONCURRENCY = 2
KEYS = [
    "bare_rps",
    "bare_p50_ms",
    "bare_p99_ms",
    "healthz_rps",
    "healthz_p50_ms",
    "healthz_p99_ms",
    "endorse_rps",
    "endorse_p50_ms",
    "endorse_p99_ms",
    "page_rps",
    "page_p50_ms",
    "page_p99_ms",
    "page_gzip_rps",
    "page_gzip_p50_ms",
    "page_gzip_p99_ms",
    "count_rps",
    "count_p50_ms",
    "count_p99_ms",
    "export_rows_per_s",
    "export_peak_mb",
    "notfound_rps",
    "notfound_p50_ms",
    "notfound_p99_ms",
    "endorse_after_rps",
    "endorse_after_p50_ms",
    "endorse_after_p99_ms",
    "signon_rps",
    "signon_p50_ms",
    "signon_p99_ms",
    "desk_rps",
    "desk_p50_ms",
    "desk_p99_ms",
    "mail_per_s",
    "mail_queue_left",
    "mail_drain_s",
    "serve_rss_mb",
    "serve_pss_mb",
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only",
        choices=["sqlite", "postgresql", "nginx", "pytition"],
        help="one database only, or only the at-scale run through nginx, or only the "
        "side-by-side with Pytition",
    )
    parser.add_argument(
        "--pytition",
        type=Path,
        default=os.environ.get("PYTITION_SRC") or None,
        help="a Pytition checkout or git directory (env PYTITION_SRC): measure it beside us, "
        "same run, as issue 23's yardstick (bench/pytition.py)",
    )
    parser.add_argument(
        "--pytition-rounds",
        type=int,
        default=4,
        help="alternating rounds of the side-by-side (4); medians are reported",
    )
    parser.add_argument(
        "--pytition-signatures",
        type=int,
        default=10_000,
        help="signatures on each side of the side-by-side (10,000)",
    )
    parser.add_argument("--duration", type=float, default=20, help="seconds per endpoint (20)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="endorsements to seed (1M)")
    parser.add_argument("--concurrency", type=int, default=8, help="client connections (8)")
    parser.add_argument(
        "--workers",
        default="2,3,4",
        help="gunicorn worker counts to try (2,3,4); the best on the page is used",
    )
    parser.add_argument("--sweep-duration", type=float, default=5, help="seconds per try (5)")
    parser.add_argument(
        "--servers",
        default=os.environ.get("BENCH_SERVERS", ",".join(SERVERS)),
        help="web servers to run every figure with (env BENCH_SERVERS; gunicorn,granian)",
    )
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs in the durability run")
    parser.add_argument(
        "--after",
        type=int,
        default=200_000,
        help="endorsements added before the endorse figure is measured again (200,000)",
    )
    parser.add_argument(
        "--skip",
        default="",
        help="parts to leave out while developing, comma-separated: sweep, after, export, "
        "durability, paths, nginx, pytition",
    )
    parser.add_argument(
        "--paths-scale",
        type=float,
        default=1.0,
        help="bench/paths.py's sizes as a share of the issue's (1.0: 100,000 log entries, "
        "10,000 signatures, 8,000 signatories, a 5 MB list)",
    )
    parser.add_argument(
        "--desk-members",
        type=int,
        default=500,
        help="ICOR's member organizations for the desk (500; bench/desk.py)",
    )
    parser.add_argument(
        "--desk-statements", type=int, default=50, help="ICOR's statements for the desk (50)"
    )
    parser.add_argument(
        "--no-wrk", action="store_true", help="measure GETs with bench/load.py, not wrk"
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="server to create the benchmark database on (env BENCH_POSTGRES_URL)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        help="cache for the PostgreSQL run, as at scale ('' for the file cache)",
    )
    args = parser.parse_args(argv)
    args.skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    args.servers = [part.strip() for part in args.servers.split(",") if part.strip()]
    if unknown := set(args.servers) - set(SERVERS):
        parser.error(f"unknown servers {sorted(unknown)}: choose among {', '.join(SERVERS)}")
    args.wrk = wrk.available() and not args.no_wrk
    args.paths_args = ["--scale", str(args.paths_scale)]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    results = _load(RESULTS)
    details = _load(DETAILS)
    say("client ceiling: our client against a trivial asyncio server…")
    ceiling = {
        "close_each": load.client_ceiling(args.concurrency, 5, close_each=True).summary(),
        "keep_alive": load.client_ceiling(args.concurrency, 5, close_each=False).summary(),
    }
    say(
        f"  {ceiling['close_each']['rps']} req/s connecting per request (as with gunicorn sync), "
        f"{ceiling['keep_alive']['rps']} req/s keep-alive"
    )
    results["machine"] = machine(args, ceiling)
    vendors = ["sqlite", "postgresql"] if not args.only else [args.only]
    for vendor in [v for v in vendors if v not in ("nginx", "pytition")]:
        figures, extra = bench_database(vendor, args)
        results[vendor] = figures
        details[vendor] = extra
        _save(results, details)  # a later failure keeps what was measured
    if "nginx" in args.skip or args.only in ("sqlite", "pytition"):
        pass
    elif not nginx.available():
        say("nginx is not installed (apt-get install nginx-light): no at-scale run")
    else:
        results["nginx"], details["nginx"] = bench_nginx(args)
        _save(results, details)
    if args.pytition and "pytition" not in args.skip and args.only in (None, "pytition"):
        say("== beside Pytition (issue 23's yardstick; bench/pytition.py) ==")
        if not args.wrk:
            say("  wrk is not installed (apt-get install wrk): no side-by-side")
        else:
            try:
                results["pytition"], details["pytition"] = pytition.side_by_side(
                    args, _seed_for_pytition(args), _paths, _warm, say
                )
                _save(results, details)
            except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                # Everything before is saved; Pytition's setup needs PyPI and its source.
                say(f"  Pytition could not be set up or served: {error}")
    elif args.only == "pytition":
        say("--only pytition needs --pytition PATH (or PYTITION_SRC)")
    say(f"done in {(time.monotonic() - started) / 60:.1f} min; wrote {RESULTS.name}, {REPORT.name}")
    return 0


def bench_database(vendor: str, args: argparse.Namespace) -> tuple[dict, dict]:
    """Every figure of one database, once per web server: ({server: figures}, details)."""
    say(f"== {vendor} ==")
    extra: dict = {"concurrency": args.concurrency, "duration_s": args.duration, "rows": args.rows}
    extra["get_client"] = "wrk" if args.wrk else "bench/load.py"
    postgres = args.postgres_url if vendor == "postgresql" else None
    redis = args.redis_url if vendor == "postgresql" else None
    by_server: dict[str, dict] = {}
    extra["servers"] = {}
    with tempfile.TemporaryDirectory(prefix=f"bench-{vendor}-") as tmp:
        tmp_path = Path(tmp)
        sink = SmtpSink(tmp_path / "smtp.log")
        sink.start()
        try:
            with durability.fresh_database(tmp_path / "var", postgres, redis) as db:
                db.env["EMAIL_URL"] = sink.url
                say(f"seeding {args.rows:,} endorsements…")
                t = time.monotonic()
                _bench_module("seed", ["--rows", str(args.rows)], db.env, timeout=900)
                extra["seed_s"] = round(time.monotonic() - t, 1)
                _statement_id, slug = durability.icor_statement(db)
                args.desk = seed_desk(db, tmp_path, args)
                extra["desk"] = {k: v for k, v in args.desk.items() if k != "cookie"}
                extra["cache"] = "redis" if redis else "diskcache (SQLite) under var/"
                extra["mail"] = "SMTP to a local sink (bench/smtpsink.py)"
                for server in args.servers:
                    db.env["WEB_SERVER"] = server
                    say(f"-- {vendor} · {server} --")
                    by_server[server], extra["servers"][server] = bench_server(
                        db, tmp_path / server, slug, args
                    )
            if "durability" not in args.skip:
                for server in args.servers:
                    say(f"durability ({server}): {args.kills} SIGKILLs under endorsements…")
                    with durability.fresh_database(
                        tmp_path / f"var-durability-{server}", postgres, redis
                    ) as db:
                        db.env["EMAIL_URL"] = sink.url
                        db.env["WEB_SERVER"] = server
                        extra["servers"][server]["durability"] = durability.run_durability(
                            db,
                            tmp_path,
                            kills=args.kills,
                            per_round=400,
                            kill_after=150,
                            concurrency=16,
                            workers=extra["servers"][server]["workers"],
                            progress=say,
                        )
        finally:
            sink.stop()
    if "paths" not in args.skip:
        say("the new paths, in-process (bench/paths.py)…")
        extra["paths"] = measure_paths(vendor, args)
    if vendor == "postgresql":
        extra["versions"] = {"postgresql": _postgres_version(args.postgres_url)}
    return {s: {key: f.get(key) for key in KEYS} for s, f in by_server.items()}, extra


def bench_server(db, tmp: Path, slug: str, args: argparse.Namespace) -> tuple[dict, dict]:
    """The sweep, the figures, the memory and the export with the server db.env names."""
    tmp.mkdir(exist_ok=True)
    extra: dict = {}
    if "sweep" in args.skip:
        workers = int(args.workers.split(",")[-1])
    else:
        extra["sweep"] = sweep(db, tmp, slug, args)
        workers = int(max(extra["sweep"], key=lambda w: extra["sweep"][w]["page"]["rps"]))
    extra["workers"] = workers
    figures, extra["runs"] = measure(db, tmp, slug, workers, args)
    memory = extra.get("sweep", {}).get("4", {}).get("memory")
    if memory:  # the yardstick: serve with 4 web workers, after load
        figures["serve_rss_mb"] = memory["rss_mb"]
        figures["serve_pss_mb"] = memory["pss_mb"]
    if "export" not in args.skip:
        export, extra["export"] = measure_export(db, tmp, slug, workers, args)
        figures.update(export)
    return figures, extra


def seed_desk(db, tmp: Path, args: argparse.Namespace) -> dict:
    """bench/desk.py: ICOR with 500 members and 50 statements; the desk's address, a
    coordinator's session cookie and the statement that takes sign-ons."""
    say(f"the desk: {args.desk_members} members, {args.desk_statements} statements…")
    out = tmp / "desk.json"
    sizes = ["--members", str(args.desk_members), "--statements", str(args.desk_statements)]
    _bench_module("desk", ["--json", str(out), *sizes], db.env, timeout=900)
    return json.loads(out.read_text())


def measure_paths(vendor: str, args: argparse.Namespace) -> dict:
    """bench/paths.py on a database of its own; its JSON answer."""
    with tempfile.TemporaryDirectory(prefix=f"bench-paths-{vendor}-") as tmp:
        postgres = args.postgres_url if vendor == "postgresql" else None
        with durability.fresh_database(Path(tmp) / "var", postgres, None) as db:
            out = Path(tmp) / "paths.json"
            _bench_module("paths", ["--json", str(out), *args.paths_args], db.env, timeout=3600)
            return json.loads(out.read_text())


NGINX_KEYS = [
    "bare_rps",
    "endorse_rps",
    "endorse_p99_ms",
    "page_rps",
    "count_rps",
    "page_cached_rps",
    "count_cached_rps",
    "mail_per_s",
    "mail_queue_left",
    "mail_drain_s",
]


def bench_nginx(args: argparse.Namespace) -> tuple[dict, dict]:
    """docs/scale.md's shape: nginx, 2 × serve --no-worker, 2 workers, PostgreSQL, Redis."""
    say("== nginx in front of 2 app servers and 2 workers, PostgreSQL and Redis ==")
    extra: dict = {"concurrency": args.concurrency, "duration_s": args.duration, "rows": args.rows}
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as tmp:
        tmp_path = Path(tmp)
        sink = SmtpSink(tmp_path / "smtp.log")
        sink.start()
        try:
            with durability.fresh_database(
                tmp_path / "var", args.postgres_url, args.redis_url
            ) as db:
                db.env["EMAIL_URL"] = sink.url
                say(f"seeding {args.rows:,} endorsements…")
                _bench_module("seed", ["--rows", str(args.rows)], db.env, timeout=900)
                _statement_id, slug = durability.icor_statement(db)
                figures, extra["runs"] = nginx.measure(
                    db, tmp_path, slug, args, run_endpoint, endorse_run, say
                )
            if "durability" not in args.skip:
                with durability.fresh_database(
                    tmp_path / "var-durability", args.postgres_url, args.redis_url
                ) as db:
                    db.env["EMAIL_URL"] = sink.url
                    extra["durability"] = nginx.durability_at_scale(db, tmp_path, say=say)
        finally:
            sink.stop()
    return {key: figures.get(key) for key in NGINX_KEYS}, extra


def _seed_for_pytition(args: argparse.Namespace):
    def seed(env: dict) -> None:
        _bench_module("seed", ["--rows", str(args.pytition_signatures)], env, timeout=900)

    return seed


class SmtpSink:
    """bench/smtpsink.py in a process of its own: the mail server the workers send to."""

    def __init__(self, log_path: Path) -> None:
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps it open
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.smtpsink", "--port", str(self.port)],
            env=_bench_env(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the SMTP sink did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _bench_env(env) -> dict:
    return {
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def _bench_module(name: str, arguments: list[str], env: dict, timeout: float) -> None:
    subprocess.run(
        [sys.executable, "-m", f"bench.{name}", *arguments],
        env=_bench_env(env),
        check=True,
        timeout=timeout,
    )


def _endpoints(port: int, slug: str, args) -> dict:
    """Request makers by endpoint. Call it again for each run: the e-mails must be new."""
    csrf = durability.csrf_secret()
    tag = f"b{time.time_ns()}"
    desk = getattr(args, "desk", None) or {}
    get = {name: load.build_request("GET", path, port) for name, path in _paths(slug, args).items()}
    return {
        "bare": lambda i: get["bare"],
        "healthz": lambda i: get["healthz"],
        "notfound": lambda i: get["notfound"],
        "endorse": lambda i: durability.endorse_request(port, slug, i, tag, csrf)[1],
        "page": lambda i: get["page"],
        "page_gzip": lambda i: load.build_request("GET", _paths(slug)["page"], port, GZIP),
        "count": lambda i: get["count"],
        "signon": lambda i: sign_on_request(port, desk, i, tag),
        "desk": lambda i: load.build_request("GET", desk["desk"], port, _headers("desk", desk)),
    }


def sign_on_request(port: int, desk: dict, index: int, tag: str) -> bytes:
    """An organization not in the directory asks to sign ICOR's resolution, from an address
    of its own (the rate limit per address stays on) with an e-mail of its own. The form takes
    no CSRF token: the statement page is cached for everyone (collection/views.py)."""
    address = (index + durability._ADDRESS_OFFSET + (1 << 23)) % (1 << 24)
    body = urllib.parse.urlencode(
        {
            "org_name": f"Bench Party {tag} {index}",
            "org_abbreviation": f"BP{index}",
            "org_country": "DE",
            "person_name": f"Person {index}",
            "email": f"signon{index}.{tag}@example.org",
            "language": "en",
            "listed": "on",
            "version": desk["sign_on_version"],
        }
    ).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": f"10.{address >> 16}.{address >> 8 & 255}.{address & 255}",
    }
    return load.build_request("POST", f"/s/{desk['sign_on_slug']}/sign-on/", port, headers, body)


# What every browser sends: (c') is the statement page as people fetch it, (c) as wrk asks by
# default (no Accept-Encoding: the whole HTML, 267 KB with 500 organizations listed).
GZIP = {"Accept-Encoding": "gzip"}


def _headers(name: str, desk: dict) -> dict[str, str]:
    if name == "page_gzip":
        return GZIP
    return {"Cookie": desk["cookie"]} if name == "desk" else {}


def _paths(slug: str, args=None) -> dict[str, str]:
    paths = {
        "bare": "/robots.txt",  # tests/test_bare_request.py: no database, no cache
        "healthz": "/healthz",
        "notfound": "/wp-login.php",  # what scanners ask for all day
        "page": f"/s/{slug}/",
        "page_gzip": f"/s/{slug}/",
        "count": f"/s/{slug}/stats.json",
    }
    if desk := getattr(args, "desk", None):  # bench/desk.py seeded it (seed_desk)
        paths["desk"] = desk["desk"]
    return paths


POSTS = ("endorse", "signon")


def _connections(name: str, args) -> int:
    return min(DESK_CONCURRENCY, args.concurrency) if name == "desk" else args.concurrency


def run_endpoint(port: int, slug: str, name: str, args, duration: float) -> dict:
    """One run of one endpoint: GETs with wrk where available, POSTs with load.py."""
    concurrency = _connections(name, args)
    desk = getattr(args, "desk", None) or {}
    if name not in POSTS and args.wrk:
        path = _paths(slug, args)[name]
        headers = _headers(name, desk)
        return wrk.run(port, path, concurrency=concurrency, duration=duration, headers=headers)
    make = _endpoints(port, slug, args)[name]
    result = _run(port, make, concurrency, duration)
    return {**result.summary(), "client": "bench/load.py", "seconds": round(result.seconds, 2)}


def _run(port: int, make, concurrency: int, duration: float) -> load.LoadResult:
    return asyncio.run(load.run_load(port, make, concurrency=concurrency, duration=duration))


def _warm(server: Server, slug: str) -> None:
    # The first page view computes the endorsement numbers (seconds at 1M rows); not measured.
    for path in ("/healthz", f"/s/{slug}/", f"/s/{slug}/stats.json"):
        for _ in range(server_workers(server)):
            try:
                asyncio.run(load.fetch(server.port, path, timeout=120))
            except (OSError, TimeoutError) as error:
                say(f"  warm-up {path}: {error!r}")


def server_workers(server: Server) -> int:
    return max(1, len(server.web_workers()))


def sweep(db: durability.Database, tmp: Path, slug: str, args) -> dict:
    found = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        server = Server(db.env, tmp / f"sweep-{workers}.log", workers=workers)
        try:
            server.start()
            _warm(server, slug)
            found[str(workers)] = {
                name: run_endpoint(server.port, slug, name, args, args.sweep_duration)
                for name in ("bare", "page")
            }
            found[str(workers)]["memory"] = tree_memory(server.process.pid)
        finally:
            server.stop()
        memory = found[str(workers)]["memory"]
        say(
            f"  workers={workers}: bare {found[str(workers)]['bare']['rps']} req/s, "
            f"page {found[str(workers)]['page']['rps']} req/s; serve and its children hold "
            f"{memory['rss_mb']} MB RSS, {memory['pss_mb']} MB PSS"
        )
    return found


def _summarize(name: str, summary: dict) -> None:
    say(
        f"    {summary['rps']} req/s, p50 {summary['p50_ms']} ms, p99 "
        f"{summary['p99_ms']} ms, statuses {summary['statuses']}, "
        f"errors {summary['errors']}, client CPU {summary['client_cpu']} ({summary['client']})"
    )


def _figures(prefix: str, name: str, summary: dict) -> dict:
    ok = {"endorse": 201, "signon": 201, "notfound": 404}.get(name, 200)
    good = summary["statuses"].get(ok, 0)
    # Only the expected answers count as throughput: a fast 429 or 500 is no success.
    return {
        f"{prefix}_rps": round(good / summary["seconds"], 1),
        f"{prefix}_p50_ms": summary["p50_ms"],
        f"{prefix}_p99_ms": summary["p99_ms"],
    }


def mail_queue(db: durability.Database) -> dict[str, int]:
    """Mail-sending tasks by status (not the endorsement numbers, not the outbox pruning)."""
    return dict(
        db.query(
            "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE 'undersigned.mail.tasks.send%' GROUP BY 1"
        )
    )


def task_queue(db: durability.Database) -> list[tuple]:
    return db.query(
        "SELECT task_path, status, COUNT(*) FROM django_tasks_database_dbtaskresult "
        "WHERE status IN ('READY', 'RUNNING') GROUP BY 1, 2"
    )


def wait_for_mail(db: durability.Database, limit: float) -> tuple[int, float | None]:
    """(mails still queued at the start, seconds until none was; None: not within limit)."""
    started = time.monotonic()
    queued = None
    while True:
        counts = mail_queue(db)
        left = counts.get("READY", 0) + counts.get("RUNNING", 0)
        queued = left if queued is None else queued
        if not left:
            return queued, round(time.monotonic() - started, 2)
        if time.monotonic() - started > limit:
            return queued, None
        time.sleep(0.2)


def endorse_run(db, server: Server, slug: str, args, prefix: str) -> tuple[dict, dict]:
    """The endorse run as a surge, and the mail it caused: the task worker yields the CPU to
    the web workers meanwhile (TASK_NICE) and must send every mail within MAIL_DRAIN_LIMIT_S
    after it. Sent per second counts from the run's start to the queue's end."""
    wait_for_mail(db, 30)  # the warm-up's mail is not this run's
    sent_before = mail_queue(db).get("SUCCESSFUL", 0)
    started = time.monotonic()
    summary = run_endpoint(server.port, slug, "endorse", args, args.duration)
    _summarize(prefix, summary)
    left, drain = wait_for_mail(db, MAIL_DRAIN_LIMIT_S)
    sent = mail_queue(db).get("SUCCESSFUL", 0) - sent_before
    mail = {
        "mail_sent": sent,
        "mail_queue_left": left,
        "mail_drain_s": drain,
        "mail_per_s": round(sent / (time.monotonic() - started), 1),
    }
    if drain is None:
        say(f"    tasks still queued: {task_queue(db)}")
    say(
        f"    mail: {sent} sent, {left} queued at the surge's end, "
        + (
            f"drained in {drain} s"
            if drain is not None
            else f"NOT drained within {MAIL_DRAIN_LIMIT_S} s"
        )
    )
    return {**_figures(prefix, "endorse", summary), **mail}, summary


def _new_paths(args) -> tuple[str, ...]:
    """The sign-on POST and the desk, where bench/desk.py seeded them (not through nginx)."""
    return ("signon", "desk") if getattr(args, "desk", None) else ()


def measure(db, tmp: Path, slug: str, workers: int, args) -> tuple[dict, dict]:
    figures, runs = {}, {}
    server = Server(db.env, tmp / "measure.log", workers=workers)
    try:
        server.start()
        _warm(server, slug)
        names = ("bare", "healthz", "notfound", "endorse", "page", "page_gzip", "count")
        for name in (*names, *_new_paths(args)):
            run_endpoint(server.port, slug, name, args, 2)  # warm-up
            say(f"  {name}: {args.duration:.0f} s at {_connections(name, args)} connections…")
            if name == "endorse":
                found, runs[name] = endorse_run(db, server, slug, args, "endorse")
                figures.update(found)
                continue
            summary = runs[name] = run_endpoint(server.port, slug, name, args, args.duration)
            _summarize(name, summary)
            figures.update(_figures(name, name, summary))
        if "after" not in args.skip:
            say(f"  adding {args.after:,} endorsements' rows, rate-limit entries and tasks…")
            # Both servers fill the same database: the second one's e-mails must be new too.
            (rows,) = db.query("SELECT COUNT(*) FROM endorsements_endorsement")[0]
            fill = ["--count", str(args.after), "--offset", str(10_000_000 + rows)]
            _bench_module("fill", fill, db.env, timeout=3600)
            say(f"  endorse after {args.after:,} more: {args.duration:.0f} s…")
            found, runs["endorse_after"] = endorse_run(db, server, slug, args, "endorse_after")
            figures["endorse_after_rps"] = found["endorse_after_rps"]
            figures["endorse_after_p50_ms"] = found["endorse_after_p50_ms"]
            figures["endorse_after_p99_ms"] = found["endorse_after_p99_ms"]
            runs["endorse_after"]["mail"] = {k: v for k, v in found.items() if "mail" in k}
    finally:
        server.stop()
    return figures, runs


def measure_export(db, tmp: Path, slug: str, workers: int, args) -> tuple[dict, dict]:
    """The whole public CSV on a fresh server, so the worker's peak memory is the export's."""
    server = Server(db.env, tmp / "export.log", workers=workers)
    try:
        server.start()
        before = {pid: memory_kb(pid) for pid in server.web_workers()}
        received = {"bytes": 0, "lines": 0}

        def count(data: bytes) -> None:
            received["bytes"] += len(data)
            received["lines"] += data.count(b"\n")

        say("  export: the public CSV…")
        t = time.perf_counter()
        status = asyncio.run(
            load.fetch(server.port, f"/s/{slug}/people/public.csv", timeout=300, on_data=count)
        )
        seconds = time.perf_counter() - t
        after = {pid: memory_kb(pid) for pid in server.web_workers()}
    finally:
        server.stop()
    rows = max(0, received["lines"] - 1)  # the header
    grown = max(
        after, key=lambda pid: after[pid].get("VmHWM", 0) - before.get(pid, {}).get("VmHWM", 0)
    )
    peak_mb = after[grown]["VmHWM"] / 1024
    extra = {
        "status": status,
        "rows": rows,
        "bytes": received["bytes"],
        "seconds": round(seconds, 2),
        "worker_hwm_before_mb": round(before.get(grown, {}).get("VmHWM", 0) / 1024, 1),
    }
    say(
        f"    {status}: {rows:,} rows, {received['bytes'] / 1e6:.1f} MB in {seconds:.1f} s, "
        f"worker peak {peak_mb:.1f} MB"
    )
    return {"export_rows_per_s": round(rows / seconds), "export_peak_mb": round(peak_mb, 1)}, extra


def machine(args, ceiling: dict) -> dict:
    versions = {}
    for name, command in (("nginx", [nginx.nginx_binary(), "-v"]), ("wrk", ["wrk", "-v"])):
        with contextlib.suppress(OSError):
            done = subprocess.run(command, capture_output=True, text=True, timeout=10)
            versions[name] = (done.stderr + done.stdout).strip().splitlines()[0][:60]
    import django

    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = int(
        next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    )
    import granian
    import gunicorn

    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": model,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "granian": granian.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgres_version(args.postgres_url),
        "client_ceiling": ceiling,
        **versions,
    }


def _postgres_version(url: str) -> str | None:
    try:
        import psycopg

        with psycopg.connect(durability.maintenance_url(url), connect_timeout=5) as c:
            return c.execute("SHOW server_version").fetchone()[0]
    except Exception:
        return None


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _save(results: dict, details: dict) -> None:
    ordered = {
        k: results[k]
        for k in ("sqlite", "postgresql", "nginx", "pytition", "machine")
        if k in results
    }
    RESULTS.write_text(json.dumps(ordered, indent=2) + "\n")
    DETAILS.write_text(json.dumps(details, indent=2, default=str) + "\n")
    from bench.report import write_report

    write_report(REPORT, ordered, details)


if __name__ == "__main__":
    sys.exit(main())
