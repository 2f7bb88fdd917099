"""Load benchmarks of `undersigned serve` on SQLite and PostgreSQL; writes bench/results.json
and the figures in BENCHMARKS.md.

For each database: seed 1M endorsements (bench/seed.py), try a few gunicorn worker counts, then
with the best one measure (a) GET /healthz, (b) POST endorse with distinct e-mails and client
addresses, (c) the statement page, (d) stats.json, each for --duration seconds at --concurrency
connections, then (e) the public CSV export of all rows on a freshly started server; last, the
durability check with several SIGKILLs. Needs 127.0.0.1 ports, PostgreSQL for --only postgresql
(and Redis for its cache, as at scale); takes about 10 minutes with the defaults.
"""

import argparse
import asyncio
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import durability, load
from bench.server import Server, memory_kb

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
DETAILS = ROOT / "bench" / "details.json"
REPORT = ROOT / "BENCHMARKS.md"
KEYS = [
    "trivial_rps",
    "trivial_p50_ms",
    "trivial_p99_ms",
    "endorse_rps",
    "endorse_p50_ms",
    "endorse_p99_ms",
    "page_rps",
    "page_p50_ms",
    "page_p99_ms",
    "count_rps",
    "count_p50_ms",
    "count_p99_ms",
    "export_rows_per_s",
    "export_peak_mb",
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
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one database only")
    parser.add_argument("--duration", type=float, default=20, help="seconds per endpoint (20)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="endorsements to seed (1M)")
    parser.add_argument("--concurrency", type=int, default=8, help="client connections (8)")
    parser.add_argument(
        "--workers",
        default="2,3,4",
        help="gunicorn worker counts to try (2,3,4); the best on the page is used",
    )
    parser.add_argument("--sweep-duration", type=float, default=5, help="seconds per try (5)")
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs in the durability run")
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
    return parser.parse_args(argv)


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
    for vendor in [args.only] if args.only else ["sqlite", "postgresql"]:
        figures, extra = bench_database(vendor, args)
        results[vendor] = figures
        details[vendor] = extra
        _save(results, details)  # a later failure keeps what was measured
    say(f"done in {(time.monotonic() - started) / 60:.1f} min; wrote {RESULTS.name}, {REPORT.name}")
    return 0


def bench_database(vendor: str, args: argparse.Namespace) -> tuple[dict, dict]:
    say(f"== {vendor} ==")
    extra: dict = {"concurrency": args.concurrency, "duration_s": args.duration, "rows": args.rows}
    postgres = args.postgres_url if vendor == "postgresql" else None
    redis = args.redis_url if vendor == "postgresql" else None
    with tempfile.TemporaryDirectory(prefix=f"bench-{vendor}-") as tmp:
        tmp_path = Path(tmp)
        with durability.fresh_database(tmp_path / "var", postgres, redis) as db:
            say(f"seeding {args.rows:,} endorsements…")
            t = time.monotonic()
            subprocess.run(
                [sys.executable, "-m", "bench.seed", "--rows", str(args.rows)],
                env={
                    **db.env,
                    "PYTHONPATH": os.pathsep.join(
                        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
                    ),
                },
                check=True,
                timeout=600,
            )
            extra["seed_s"] = round(time.monotonic() - t, 1)
            extra["cache"] = "redis" if redis else "files under var/"
            _statement_id, slug = durability.icor_statement(db)
            extra["sweep"] = sweep(db, tmp_path, slug, args)
            workers = max(extra["sweep"], key=lambda w: extra["sweep"][w]["page"]["rps"])
            extra["workers"] = int(workers)
            figures, extra["runs"] = measure(db, tmp_path, slug, int(workers), args)
            export, extra["export"] = measure_export(db, tmp_path, slug, int(workers), args)
            figures.update(export)
        say(f"durability: {args.kills} SIGKILLs under concurrent endorsements…")
        with durability.fresh_database(tmp_path / "var-durability", postgres, redis) as db:
            extra["durability"] = durability.run_durability(
                db,
                tmp_path,
                kills=args.kills,
                per_round=400,
                kill_after=150,
                concurrency=16,
                workers=extra["workers"],
                progress=say,
            )
    if vendor == "postgresql":
        extra["versions"] = {"postgresql": _postgres_version(args.postgres_url)}
    return {key: figures.get(key) for key in KEYS}, extra


def _endpoints(port: int, slug: str) -> dict:
    """Request makers by endpoint. Call it again for each run: the e-mails must be new."""
    csrf = durability.csrf_secret()
    tag = f"b{time.time_ns()}"
    get = {
        "trivial": load.build_request("GET", "/healthz", port),
        "page": load.build_request("GET", f"/s/{slug}/", port),
        "count": load.build_request("GET", f"/s/{slug}/stats.json", port),
    }
    return {
        "trivial": lambda i: get["trivial"],
        "endorse": lambda i: durability.endorse_request(port, slug, i, tag, csrf)[1],
        "page": lambda i: get["page"],
        "count": lambda i: get["count"],
    }


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
    return max(1, len(server.gunicorn_workers()))


def sweep(db: durability.Database, tmp: Path, slug: str, args) -> dict:
    found = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        server = Server(db.env, tmp / f"sweep-{workers}.log", workers=workers)
        try:
            server.start()
            _warm(server, slug)
            make = _endpoints(server.port, slug)
            found[str(workers)] = {
                name: _run(server.port, make[name], args.concurrency, args.sweep_duration).summary()
                for name in ("trivial", "page")
            }
        finally:
            server.stop()
        say(
            f"  workers={workers}: trivial {found[str(workers)]['trivial']['rps']} req/s, "
            f"page {found[str(workers)]['page']['rps']} req/s"
        )
    return found


def measure(db, tmp: Path, slug: str, workers: int, args) -> tuple[dict, dict]:
    figures, runs = {}, {}
    server = Server(db.env, tmp / "measure.log", workers=workers)
    try:
        server.start()
        _warm(server, slug)
        for name in ("trivial", "endorse", "page", "count"):
            _run(server.port, _endpoints(server.port, slug)[name], args.concurrency, 2)  # warm-up
            make = _endpoints(server.port, slug)
            say(f"  {name}: {args.duration:.0f} s at {args.concurrency} connections…")
            result = _run(server.port, make[name], args.concurrency, args.duration)
            summary = runs[name] = result.summary()
            say(
                f"    {summary['rps']} req/s, p50 {summary['p50_ms']} ms, p99 "
                f"{summary['p99_ms']} ms, statuses {summary['statuses']}, "
                f"errors {summary['errors']}, client CPU {summary['client_cpu']}"
            )
            ok = 201 if name == "endorse" else 200
            good = summary["statuses"].get(ok, 0)
            # Only successful answers count as throughput: a fast 404 or 429 is no success.
            figures[f"{name}_rps"] = round(good / result.seconds, 1)
            figures[f"{name}_p50_ms"] = summary["p50_ms"]
            figures[f"{name}_p99_ms"] = summary["p99_ms"]
    finally:
        server.stop()
    return figures, runs


def measure_export(db, tmp: Path, slug: str, workers: int, args) -> tuple[dict, dict]:
    """The whole public CSV on a fresh server, so the worker's peak memory is the export's."""
    server = Server(db.env, tmp / "export.log", workers=workers)
    try:
        server.start()
        before = {pid: memory_kb(pid) for pid in server.gunicorn_workers()}
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
        after = {pid: memory_kb(pid) for pid in server.gunicorn_workers()}
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
    import gunicorn

    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": model,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgres_version(args.postgres_url),
        "client_ceiling": ceiling,
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
    ordered = {k: results[k] for k in ("sqlite", "postgresql", "machine") if k in results}
    RESULTS.write_text(json.dumps(ordered, indent=2) + "\n")
    DETAILS.write_text(json.dumps(details, indent=2, default=str) + "\n")
    from bench.report import write_report

    write_report(REPORT, ordered, details)


if __name__ == "__main__":
    sys.exit(main())
