"""Resident memory of `undersigned serve` with 4 web workers and its task worker, per web server,
after a short load of every kind of request (issue 23: under 360 MiB resident on both engines).

    python -m bench.memory [--servers gunicorn,granian] [--databases sqlite,postgresql]
                           [--workers 4] [--seconds 2]

Runs on databases of its own, seeded with the demo and a few thousand endorsements by
bench/seed.py: SQLite under a temporary folder (cache on disk beside it), and a new PostgreSQL
database on --postgres-url (dropped afterwards) with the Redis cache of --redis-url, as
bench/run.py measures them. Per process and summed: RSS (pages shared between
forked processes are counted once in each) and PSS (shared pages divided among the processes
that share them: what the tree really holds). `make bench` measures the same after its sweep.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import durability, load
from bench.report import TARGET_MIB
from bench.server import Server, tree_memory


def warm_up(port: int, slug: str, seconds: float) -> dict:
    """What a public server answers most: the statement page, its count, a 404 and endorse,
    each for `seconds` at 8 connections (so every worker serves each kind)."""
    csrf, tag = durability.csrf_secret(), f"m{time.time_ns()}"
    kinds = {
        "page": lambda i: load.build_request("GET", f"/s/{slug}/", port),
        "count": lambda i: load.build_request("GET", f"/s/{slug}/stats.json", port),
        "notfound": lambda i: load.build_request("GET", "/wp-login.php", port),
        "endorse": lambda i: durability.endorse_request(port, slug, i, tag, csrf)[1],
    }
    for _ in range(2 * 4):  # the first page view of a fresh database computes its numbers
        asyncio.run(load.fetch(port, f"/s/{slug}/", timeout=120))
    statuses = {}
    for name, make in kinds.items():
        result = asyncio.run(load.run_load(port, make, concurrency=8, duration=seconds))
        statuses[name] = result.summary()["statuses"]
    return statuses


def measure(env: dict, tmp: Path, server: str, workers: int, seconds: float, slug: str) -> dict:
    serve = Server({**env, "WEB_SERVER": server}, tmp / f"serve-{server}.log", workers=workers)
    try:
        serve.start()
        statuses = warm_up(serve.port, slug, seconds)
        time.sleep(1)  # let a respawned worker (if any) settle
        return {**tree_memory(serve.process.pid), "statuses": statuses}
    finally:
        serve.stop()


def seed(env: dict, rows: int) -> None:
    root = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    subprocess.run(
        [sys.executable, "-m", "bench.seed", "--rows", str(rows)],
        env={**env, "PYTHONPATH": path},
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )


def verdict(memory: dict) -> str:
    met = "met" if memory["rss_mb"] < TARGET_MIB else "not met"
    return f"RSS {memory['rss_mb']} MiB, PSS {memory['pss_mb']} MiB: < {TARGET_MIB} MiB RSS {met}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", default="gunicorn,granian")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=2, help="per kind of request (2)")
    parser.add_argument("--rows", type=int, default=5000, help="endorsements to seed (5,000)")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    )
    parser.add_argument("--json", type=Path, help="write the figures there as well")
    args = parser.parse_args(argv)
    found: dict[str, dict] = {}
    for vendor in args.databases.split(","):
        postgres = args.postgres_url if vendor == "postgresql" else None
        redis = args.redis_url if vendor == "postgresql" else None
        found[vendor] = {}
        with tempfile.TemporaryDirectory(prefix=f"bench-memory-{vendor}-") as tmp:
            tmp_path = Path(tmp)
            with durability.fresh_database(tmp_path / "var", postgres, redis) as db:
                seed(db.env, args.rows)
                _id, slug = durability.icor_statement(db)
                for server in args.servers.split(","):
                    memory = measure(db.env, tmp_path, server, args.workers, args.seconds, slug)
                    found[vendor][server] = memory
                    print(f"{vendor} · {server} with {args.workers} workers: {verdict(memory)}")
                    for p in memory["processes"]:
                        line = f"{p['pid']:>7} {p['rss_mb']:>6} RSS {p['pss_mb']:>6} PSS"
                        print(f"  {line}  {p['command']}")
                    print(f"  answers during the warm-up: {memory['statuses']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(found, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
