import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Serve undersigned with gunicorn, a production WSGI server, and one background worker "
        "(`undersigned worker`, which sends mail). Applies pending migrations and collects "
        "static files first. Stop it with Ctrl+C or SIGTERM; if either process dies, the other "
        "is stopped too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default=os.environ.get("HOST", "127.0.0.1"),
            help="Address to listen on (default 127.0.0.1, env HOST). 0.0.0.0 for all.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="Port to listen on (default 8000, env PORT).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_WORKERS", "3")),
            help="Number of worker processes (default 3, env WEB_WORKERS).",
        )
        parser.add_argument(
            "--task-workers",
            type=int,
            default=int(os.environ.get("TASK_WORKERS", "1")),
            help="Number of `undersigned worker` processes beside the web server (default 1, env "
            "TASK_WORKERS). One sends a few hundred mails a second over a kept SMTP connection; "
            "add more when the mail server is slow to answer.",
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not apply pending migrations first."
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Serve the web only, for deployments that run `undersigned worker` separately.",
        )

    def handle(
        self,
        *args,
        host: str,
        port: int,
        workers: int,
        task_workers: int,
        no_migrate: bool,
        no_worker: bool,
        **options,
    ):
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if task_workers < 1:
            raise CommandError("--task-workers must be at least 1 (or use --no-worker).")
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Collecting static files…")
        call_command("compiletranslations", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Serving on http://{bind}/ with {workers} workers.")
        sys.stdout.flush()
        web = [
            sys.executable,
            "-m",
            "gunicorn",
            "undersigned.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        worker = [sys.executable, "-m", "undersigned.cli", "worker", "--no-reload"]
        sys.exit(run_together([web] if no_worker else [web, *[worker] * task_workers]))


def _die_with_parent() -> None:
    """In the child: get SIGTERM when serve dies, even by SIGKILL (Linux), so that no server
    keeps the port after its supervisor is gone."""
    # Not on Linux: the children outlive a killed serve, as any process would.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def run_together(commands: list[list[str]], stop_timeout: float = 40) -> int:
    """Run the commands as child processes until one exits; stop the others; return its code.

    SIGINT and SIGTERM are passed on to the children. The children get their own process group
    so that Ctrl+C in a terminal reaches them once, through us, rather than twice (a second
    signal makes the task worker abandon the task in hand).
    """
    children: list[subprocess.Popen] = []
    stopping = False

    def forward(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    signal.signal(signal.SIGINT, forward)
    signal.signal(signal.SIGTERM, forward)
    for command in commands:
        if not stopping:  # a signal while we start them must not leave a late one running
            children.append(subprocess.Popen(command, process_group=0, preexec_fn=_die_with_parent))

    while (first := next((c for c in children if c.poll() is not None), None)) is None:
        time.sleep(0.2)
    for child in children:
        if child.poll() is None:
            child.terminate()
    # gunicorn waits up to 30 s for requests in progress, so give it a little more.
    deadline = time.monotonic() + stop_timeout
    for child in children:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    code = first.returncode
    return 128 - code if code < 0 else code  # killed by signal N: exit 128+N, as shells do
