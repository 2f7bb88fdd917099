"""The at-scale shape of docs/scale.md on this machine: nginx (Debian's package, with the
configuration the repository ships in deploy/nginx.conf) balancing two
`undersigned serve --no-worker` processes, two `undersigned worker`s, PostgreSQL and Redis.

Measures /healthz, endorse, the statement page and stats.json through nginx, the page and the
count with and without the micro-cache; then the durability check of that shape: one app server
and one worker are SIGKILLed mid-load, and every acknowledged endorsement must be stored once
with its mail queued or sent.
"""

import asyncio
import contextlib
import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench import durability
from bench.load import HOST, read_response
from bench.server import Server, TaskWorker, free_port, tree_memory

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "nginx.conf"


def available() -> bool:
    return shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists()


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def site_config(upstreams: list[int], port: int, cache_dir: Path, micro_cache: bool) -> str:
    """deploy/nginx.conf with this run's addresses; without the micro-cache lines if asked."""
    text = SHIPPED.read_text()
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in upstreams)
    text, n = re.subn(
        r"(upstream undersigned \{\n)(?:    server [^\n]*\n)+", r"\g<1>" + servers, text
    )
    assert n == 1, "deploy/nginx.conf: no upstream block to fill in"
    text = text.replace("listen 80;", f"listen 127.0.0.1:{port};")
    text = text.replace("/var/cache/nginx/undersigned", str(cache_dir))
    if not micro_cache:
        start = text.index("        # The micro-cache")
        end = text.index("        add_header X-Cache-Status")
        text = text[:start] + "        proxy_cache off;\n" + text[end:]
    return text


class Nginx:
    def __init__(self, workdir: Path, upstreams: list[int], micro_cache: bool) -> None:
        self.dir = workdir
        self.port = free_port()
        self.upstreams = upstreams
        self.micro_cache = micro_cache
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        for sub in ("cache", "body", "proxy"):
            (self.dir / sub).mkdir(exist_ok=True)
        site = self.dir / "site.conf"
        site.write_text(
            site_config(self.upstreams, self.port, self.dir / "cache", self.micro_cache)
        )
        user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
        (self.dir / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {self.dir}/nginx.pid;\n"
            f"error_log {self.dir}/error.log warn;\n"
            "events { worker_connections 4096; }\n"
            "http {\n  access_log off;\n  sendfile on;\n  keepalive_requests 100000;\n"
            f"  client_body_temp_path {self.dir}/body;\n  proxy_temp_path {self.dir}/proxy;\n"
            f"  include {site};\n}}\n"
        )
        command = [nginx_binary(), "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t: {check.stderr}")
        self.process = subprocess.Popen(
            [*command, "-e", str(self.dir / "error.log")], start_new_session=True
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection((HOST, self.port), timeout=1),
            ):
                return
            time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


@contextlib.contextmanager
def at_scale(db, tmp: Path, web_workers: int) -> Iterator[tuple[list[Server], list[TaskWorker]]]:
    # The load generator plays the load balancer in front of nginx: it sends X-Forwarded-For,
    # nginx appends its client, so the app trusts two proxies.
    env = {**db.env, "TRUSTED_PROXY_COUNT": "2"}
    servers = [
        Server(env, tmp / f"scale-web-{i}.log", workers=web_workers, no_worker=True)
        for i in range(2)
    ]
    workers = [TaskWorker(env, tmp / f"scale-worker-{i}.log") for i in range(2)]
    try:
        for server in servers:
            server.start()
        for worker in workers:
            worker.start()
        yield servers, workers
    finally:
        for worker in workers:
            worker.stop()
        for server in servers:
            server.stop()


def measure(
    db, tmp: Path, slug: str, args, run_endpoint: Callable, endorse_run: Callable, say
) -> tuple[dict, dict]:
    """The nginx figures: the bare request, endorse, page, count through nginx without the
    micro-cache, then page and count with it."""
    figures, runs = {}, {}
    with at_scale(db, tmp, web_workers=2) as (servers, workers):
        upstreams = [s.port for s in servers]
        for micro_cache in (False, True):
            nginx = Nginx(
                tmp / f"nginx-{'cache' if micro_cache else 'plain'}", upstreams, micro_cache
            )
            nginx.start()
            try:
                front = _Front(nginx.port)
                names = ("page", "count") if micro_cache else ("bare", "endorse", "page", "count")
                for name in names:
                    key = f"{name}_cached" if micro_cache else name
                    run_endpoint(front.port, slug, name, args, 2)  # warm-up
                    say(f"  nginx {key}: {args.duration:.0f} s at {args.concurrency} connections…")
                    if name == "endorse":
                        found, runs[key] = endorse_run(db, front, slug, args, "endorse")
                        figures.update(
                            {
                                k: v
                                for k, v in found.items()
                                if k.startswith(("endorse_rps", "endorse_p", "mail"))
                            }
                        )
                        continue
                    summary = runs[key] = run_endpoint(front.port, slug, name, args, args.duration)
                    status = 200
                    figures[f"{key}_rps"] = round(
                        summary["statuses"].get(status, 0) / summary["seconds"], 1
                    )
                    figures[f"{key}_p99_ms"] = summary["p99_ms"]
                    say(
                        f"    {summary['rps']} req/s, p50 {summary['p50_ms']} ms, "
                        f"p99 {summary['p99_ms']} ms, statuses {summary['statuses']}"
                    )
            finally:
                nginx.stop()
        runs["memory"] = {f"web-{i}": tree_memory(s.process.pid) for i, s in enumerate(servers)}
        runs["memory"].update(
            {f"worker-{i}": tree_memory(w.process.pid) for i, w in enumerate(workers)}
        )
    return figures, runs


class _Front:
    """What endorse_run needs of a server: a port."""

    def __init__(self, port: int) -> None:
        self.port = port


def durability_at_scale(
    db, tmp: Path, *, requests: int = 600, kill_after: int = 200, concurrency: int = 16, say=print
) -> dict:
    """Endorse through nginx; after kill_after acknowledgements SIGKILL one app server and one
    worker, go on with the rest; then let the surviving worker drain the queue and check."""
    durability.run_command(["demo"], db.env)
    statement_id, slug = durability.icor_statement(db)
    tag = f"s{time.time_ns()}"
    acknowledged: set[str] = set()
    statuses: dict = {}
    with at_scale(db, tmp, web_workers=2) as (servers, workers):
        nginx = Nginx(tmp / "nginx-durability", [s.port for s in servers], micro_cache=True)
        nginx.start()
        killed = {"done": False}
        try:
            csrf = durability.csrf_secret()
            counter = iter(range(requests))

            async def client() -> None:
                for index in counter:
                    email, request = durability.endorse_request(nginx.port, slug, index, tag, csrf)
                    try:
                        reader, writer = await asyncio.open_connection(HOST, nginx.port)
                        try:
                            writer.write(request)
                            status, _keep = await asyncio.wait_for(read_response(reader), 30)
                        finally:
                            writer.close()
                    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                        status = "no answer"
                    statuses[status] = statuses.get(status, 0) + 1
                    if status == 201:
                        acknowledged.add(email)
                        if len(acknowledged) >= kill_after and not killed["done"]:
                            killed["done"] = True
                            await asyncio.to_thread(servers[0].kill)
                            await asyncio.to_thread(workers[0].kill)

            async def main() -> None:
                await asyncio.gather(*(client() for _ in range(concurrency)))

            durability._run_async(main())
            # The surviving worker sends what is queued.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                (left,) = db.query(
                    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
                )[0]
                if not left:
                    break
                time.sleep(0.5)
        finally:
            nginx.stop()
    check = durability.check_database(db, statement_id, acknowledged)
    (stuck,) = db.query(
        "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
    )[0]
    report = {
        **check,
        "killed": "one app server and one worker (SIGKILL)",
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
        "mail_left_running": stuck,
    }
    say(
        f"  at-scale durability: {check['acknowledged']} acknowledged, lost {len(check['lost'])}, "
        f"duplicated {len(check['duplicated'])}, without mail {len(check['mail_missing'])}, "
        f"integrity {check['integrity']}, statuses {report['statuses']}, "
        f"mails claimed by the killed worker and left RUNNING: {stuck}"
    )
    return report
