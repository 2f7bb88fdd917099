import json
import os
import socket
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.core.l10n import prepare_locales
from undersigned.core.runtime import ensure_secret_key, ensure_var_dir, make_database_private
from undersigned.core.staticfiles import NOT_COLLECTED


class Command(BaseCommand):
    help = (
        "Serve undersigned with gunicorn or granian, production HTTP servers, and one background "
        "worker (`undersigned worker`, which sends mail). Applies pending migrations and collects "
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
            "--server",
            choices=settings.WEB_SERVERS,
            default=settings.WEB_SERVER,
            help="The HTTP server (default gunicorn, env WEB_SERVER): gunicorn's sync workers, or "
            "granian, a server written in Rust running the same application (see BENCHMARKS.md).",
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
        server: str,
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
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=NOT_COLLECTED)
        # The small CLDR tables each process reads instead of babel's locales (core/cldr.py).
        prepare_locales()
        # We hold the listening socket and hand it to gunicorn: when gunicorn dies and is started
        # again, connections wait in the queue meanwhile instead of being refused. granian binds
        # its own (one SO_REUSEPORT socket per worker): ours only checks that the port is free.
        try:
            listener = socket.create_server(
                (host.strip("[]"), port),
                family=socket.AF_INET6 if ":" in host else socket.AF_INET,
                backlog=2048,
            )
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error}") from None
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Serving on http://{bind}/ with {workers} {server} workers.")
        sys.stdout.flush()
        if server == "granian":
            listener.close()
            web = {"name": "web", "command": granian_command(host.strip("[]"), port, workers)}
        else:
            listener.set_inheritable(True)
            web = {
                "name": "web",
                "command": gunicorn_command(listener.fileno(), workers),
                "pass_fds": [listener.fileno()],
            }
        task_worker = {
            "name": "worker",
            # serve has run the system checks: the worker would import every view for them
            # again (~3.5 MB it never gives back).
            "command": [
                sys.executable,
                "-m",
                "undersigned.cli",
                "worker",
                "--no-reload",
                "--skip-checks",
            ],
            # Below the web workers: in a surge a signature is taken first, its mail after.
            "nice": settings.TASK_NICE,
        }
        children = [web] + ([] if no_worker else [task_worker] * task_workers)
        # glibc gives each thread that allocates its own malloc arena (up to 8 per core), and
        # freed memory stays in them: granian's workers (Rust threads beside the Python one) and
        # the task worker's threads held ~5-10 MB more each for it. Python's GIL serializes most
        # allocations anyway, so two arenas cost no speed. The children inherit it; an
        # operator's own value stands.
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        # Become the supervisor, which imports no Django: what this process loaded to prepare
        # is given back. Same process, so the socket and a signal sent to serve's pid stay valid.
        sys.stderr.flush()
        os.execv(
            sys.executable,
            [sys.executable, "-m", "undersigned.core.supervisor", json.dumps(children)],
        )


def gunicorn_command(fd: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "undersigned.wsgi:application",
        # No `Server: gunicorn` header (the module says how).
        "--config",
        "python:undersigned.core.gunicorn_config",
        "--bind",
        f"fd://{fd}",
        "--workers",
        str(workers),
        "--timeout",
        str(settings.WEB_TIMEOUT),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        settings.FORWARDED_ALLOW_IPS,
        # gunicorn 27's control socket is one path per user (~/.gunicorn): two sites on one
        # machine, or a master started again beside its dying predecessor, would share it. We
        # do not use it.
        *(["--no-control-socket"] if gunicorn_version() >= (27,) else []),
    ]


def granian_command(host: str, port: int, workers: int) -> list[str]:
    """granian running the site as gunicorn's sync workers do: one request at a time per worker
    process (Django's database connections are per thread; one thread per process keeps them
    as few), with what gunicorn does by itself made explicit."""
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        # The site with a request time limit and no Server header (undersigned/wsgi.py).
        "--factory",
        "undersigned.wsgi:granian_application",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        "1",
        "--backlog",
        "2048",
        "--no-ws",
        # A worker that died (or ended a request past WEB_TIMEOUT) is started again.
        "--respawn-failed-workers",
        "--respawn-interval",
        "1",
        # On SIGTERM requests in progress finish, for as long as gunicorn would give them.
        "--workers-kill-timeout",
        "30",
        "--access-log",
    ]


def gunicorn_version() -> tuple[int, ...]:
    import gunicorn

    return tuple(gunicorn.version_info)
