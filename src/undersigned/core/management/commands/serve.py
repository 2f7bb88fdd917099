import contextlib
import ctypes
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.core.runtime import ensure_secret_key, ensure_var_dir, make_database_private


class Command(BaseCommand):
    help = (
        "Serve undersigned with gunicorn, a production WSGI server, and one background worker "
        "(`undersigned worker`, which sends mail). Applies pending migrations and collects "
        "static files first. It supervises both: a process that dies is started again (waiting "
        "longer after each quick failure) while the other keeps serving. Stop it with Ctrl+C or "
        "SIGTERM."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default=settings.HOST,
            help="Address to listen on (default 127.0.0.1, env HOST). 0.0.0.0 for all.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=settings.PORT,
            help="Port to listen on (default 8000, env PORT).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.WEB_WORKERS,
            help="Number of web worker processes (default 3, env WEB_WORKERS).",
        )
        parser.add_argument(
            "--task-workers",
            type=int,
            default=settings.TASK_WORKERS,
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
        ensure_var_dir()
        # Before the children start: they all read the same key at import.
        ensure_secret_key()
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        make_database_private()
        self.stdout.write("Collecting static files…")
        call_command("compiletranslations", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        # We hold the listening socket and hand it to gunicorn: when gunicorn dies and is started
        # again, connections wait in the queue meanwhile instead of being refused.
        try:
            listener = socket.create_server(
                (host.strip("[]"), port),
                family=socket.AF_INET6 if ":" in host else socket.AF_INET,
                backlog=2048,
            )
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error}") from None
        listener.set_inheritable(True)
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Serving on http://{bind}/ with {workers} workers.")
        sys.stdout.flush()
        web = Child(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "undersigned.wsgi:application",
                "--bind",
                f"fd://{listener.fileno()}",
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
                "--forwarded-allow-ips",
                settings.FORWARDED_ALLOW_IPS,
                # gunicorn 27's control socket is one path per user (~/.gunicorn): two sites on
                # one machine, or a master started again beside its dying predecessor, would
                # share it. We do not use it.
                *(["--no-control-socket"] if gunicorn_version() >= (27,) else []),
            ],
            pass_fds=(listener.fileno(),),
        )
        task_worker = [sys.executable, "-m", "undersigned.cli", "worker", "--no-reload"]
        workers_ = [] if no_worker else [Child("worker", task_worker) for _ in range(task_workers)]
        sys.exit(supervise([web, *workers_]))


def gunicorn_version() -> tuple[int, ...]:
    import gunicorn

    return tuple(gunicorn.version_info)


def _die_with_parent() -> None:
    """In the child: get SIGTERM when serve dies, even by SIGKILL (Linux), so that no server
    keeps the port after its supervisor is gone."""
    # Not on Linux: the children outlive a killed serve, as any process would.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Child:
    name: str
    command: list[str]
    pass_fds: tuple[int, ...] = ()
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    quick_failures: int = 0  # deaths in a row soon after starting
    restart_at: float | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.command,
            process_group=0,
            preexec_fn=_die_with_parent,
            pass_fds=self.pass_fds,
        )
        self.started_at = time.monotonic()
        self.restart_at = None


# A child that ran this long before dying is started again at once; one that dies sooner waits
# 1, 2, 4 … up to MAX_BACKOFF seconds, so that a broken configuration does not spin.
STABLE_AFTER = 30.0
MAX_BACKOFF = 30.0


def supervise(children: list[Child], stop_timeout: float = 40, poll: float = 0.2) -> int:
    """Run the children, restarting any that dies, until SIGINT or SIGTERM; then stop them all.

    The signal is passed on to the children. They get their own process group so that Ctrl+C in
    a terminal reaches them once, through us, rather than twice (a second signal makes the task
    worker abandon the task in hand).
    """
    stopping: list[int] = []

    def forward(signum: int, frame: object) -> None:
        stopping.append(signum)
        for child in children:
            if child.process and child.process.poll() is None:
                child.process.send_signal(signum)

    signal.signal(signal.SIGINT, forward)
    signal.signal(signal.SIGTERM, forward)
    for child in children:
        if not stopping:  # a signal while we start them must not leave a late one running
            child.start()

    while not stopping:
        now = time.monotonic()
        for child in children:
            if child.restart_at is not None:
                if now >= child.restart_at and not stopping:
                    print(f"serve: starting the {child.name} process again.", flush=True)
                    child.start()
                continue
            code = child.process.poll()
            if code is None:
                continue
            ran = now - child.started_at
            child.quick_failures = 0 if ran >= STABLE_AFTER else child.quick_failures + 1
            delay = (
                min(MAX_BACKOFF, 2.0 ** (child.quick_failures - 1)) if child.quick_failures else 0
            )
            print(
                f"serve: the {child.name} process exited ({_describe(code)}) after {ran:.0f} s; "
                f"starting it again in {delay:.0f} s.",
                file=sys.stderr,
                flush=True,
            )
            child.restart_at = now + delay
        time.sleep(poll)

    # gunicorn waits up to 30 s for requests in progress, so give it a little more.
    deadline = time.monotonic() + stop_timeout
    for child in children:
        if not child.process:
            continue
        try:
            child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()
    return 0


def _describe(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"code {code}"
