"""Pytition, the peer Django petition platform, set up at run time as issue 23's yardstick.

None of Pytition's code is in this repository: give a checkout or a git directory of it (2.9 is
the version issue 23 compares against) and this module copies its tree into a temporary
directory, installs its dependencies (pyproject.toml, pinned by its pdm.lock, with psycopg for
PostgreSQL in place of mysqlclient) into a virtualenv of its own (cached under
~/.cache/undersigned-bench/, keyed by what it installs), writes its settings, creates its own
database on the PostgreSQL server, migrates, creates an admin, an organization, a published
petition and N confirmed signatures (Pytition's models, bulk_create), and serves it with uwsgi
(4 processes, as its docker image does; gunicorn if uwsgi does not build). The database is
dropped afterwards.

bench/run.py --pytition PATH measures it beside `undersigned serve` in the same run. Alone,
this module sets it up and measures Pytition's three figures, e.g.
    python -m bench.pytition /path/to/Pytition --duration 5

What is measured on Pytition: its petition page as shared (/petition/org/ORG/SLUG), its
signature count as it serves it to programs (GET /petition/ID/ with Accept: application/json:
the petition's JSON, whose "signatures" is the count of confirmed signatures) and a 404
(/wp-login.php).
"""

import argparse
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bench import wrk
from bench.server import descendants, free_port, tree_memory

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "undersigned-bench"
# Pytition's MySQL driver needs MySQL's headers to build; the yardstick runs on PostgreSQL.
LEFT_OUT = {"mysqlclient"}
# lxml 5.2 moved lxml[html_clean] out to a package of its own, which pip does not add for it.
ADDED = ["psycopg[binary]>=3.1", "lxml-html-clean"]
COUNT_HEADERS = {"Accept": "application/json"}

# Run with Pytition's own interpreter and settings: one admin, one organization, one published
# petition, N confirmed signatures. bulk_create skips Signature.save (its per-row duplicate
# check), as a seed should; the rows are what a confirmed signature leaves.
_POPULATE = """
import json, sys, uuid
import django
django.setup()
from django.contrib.auth.models import User
from petition.models import Organization, Permission, Petition, PytitionUser, Signature
count = int(sys.argv[1])
user = User.objects.create_superuser("admin", "admin@example.org", "bench-" + uuid.uuid4().hex)
owner = PytitionUser.objects.get(user=user)
org = Organization.objects.create(name="Bench Coalition")
permission = Permission.objects.create(organization=org, user=owner)
permission.set_all(True)
text = "<p>" + " ".join(["We call on every government to act now."] * 60) + "</p>"
petition = Petition.objects.create(
    org=org, title="A joint statement for the benchmark", text=text, published=True
)
batch = []
for i in range(count):
    batch.append(Signature(
        first_name=f"First{i}", last_name=f"Last{i}", email=f"person{i}@example.org",
        confirmation_hash=str(uuid.uuid4()), confirmed=True, petition=petition,
        ipaddress=f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}",
    ))
    if len(batch) == 2000:
        Signature.objects.bulk_create(batch)
        batch = []
Signature.objects.bulk_create(batch)
print(json.dumps({
    "id": petition.id, "org": org.slugname, "slug": petition.slugmodel_set.first().slug,
    "signatures": petition.get_signature_number(True),
}))
"""


def source_tree(src: Path, dest: Path, ref: str = "HEAD") -> str:
    """Pytition's files from a checkout or a git directory into dest; a description of them."""
    dest.mkdir(parents=True, exist_ok=True)
    if (src / "pytition" / "manage.py").is_file():
        shutil.copytree(src, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
        return f"checkout {src}"
    git = ["git", f"--git-dir={src}"]
    if not (src / "HEAD").is_file() and (src / ".git").exists():
        git = ["git", f"--git-dir={src / '.git'}"]
    archive = subprocess.run([*git, "archive", ref], capture_output=True, check=True).stdout
    with tempfile.TemporaryFile() as tar:
        tar.write(archive)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as files:
            files.extractall(dest, filter="data")
    described = subprocess.run(
        [*git, "describe", "--tags", "--always", ref], capture_output=True, text=True
    ).stdout.strip()
    return f"git {src} at {described or ref}"


def requirements(tree: Path) -> tuple[list[str], list[str]]:
    """(requirements, constraints): pyproject.toml's dependencies, pinned by pdm.lock."""
    project = tomllib.loads((tree / "pyproject.toml").read_text())["project"]
    wanted = [
        d
        for d in project["dependencies"]
        if d.split("[")[0].split("=")[0].split("~")[0].strip() not in LEFT_OUT
    ]
    pins = []
    with contextlib.suppress(OSError):
        lock = tomllib.loads((tree / "pdm.lock").read_text())
        pins = sorted(
            {f"{p['name']}=={p['version']}" for p in lock.get("package", [])}
            - {
                f"{p['name']}=={p['version']}"
                for p in lock.get("package", [])
                if p["name"] in LEFT_OUT
            }
        )
    return wanted + ADDED, pins


def virtualenv(tree: Path, say: Callable[[str], None], fresh: bool = False) -> tuple[Path, str]:
    """A virtualenv with Pytition's dependencies and uwsgi (or gunicorn): (its python, server)."""
    wanted, pins = requirements(tree)
    key = hashlib.sha256(f"{sys.version}\n{wanted}\n{pins}".encode()).hexdigest()[:12]
    venv = CACHE / f"pytition-venv-{key}"
    python = venv / "bin" / "python"
    if fresh and venv.exists():
        shutil.rmtree(venv)
    if not (venv / ".installed").exists():
        say(f"  installing Pytition's dependencies into {venv} (first run only)…")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        constraints = venv / "constraints.txt"
        constraints.write_text("\n".join(pins) + "\n")
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        without_uwsgi = [w for w in wanted if not w.startswith("uwsgi")]
        subprocess.run([*pip, "-c", str(constraints), *without_uwsgi], check=True)
        built = subprocess.run([*pip, "-c", str(constraints), "uwsgi"], capture_output=True)
        if built.returncode:
            say("  uwsgi did not build; serving Pytition with gunicorn instead")
            (venv / "uwsgi-failed.log").write_bytes(built.stdout + built.stderr)
            subprocess.run([*pip, "gunicorn"], check=True)
        (venv / ".installed").touch()
    server = "uwsgi" if (venv / "bin" / "uwsgi").exists() else "gunicorn"
    return python, server


def write_settings(tree: Path, database: str, postgres_url: str, var: Path) -> None:
    """Pytition's settings module for the benchmark, as its config_example.py asks for."""
    url = urllib.parse.urlsplit(postgres_url)
    db = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": database,
        "USER": urllib.parse.unquote(url.username or "postgres"),
        "PASSWORD": urllib.parse.unquote(url.password or ""),
        "HOST": url.hostname or "127.0.0.1",
        "PORT": url.port or 5432,
    }
    (tree / "pytition" / "pytition" / "settings" / "bench.py").write_text(
        "from pytition.settings.base import *  # noqa\n"
        f"SECRET_KEY = {secrets.token_urlsafe(40)!r}\n"
        "DEBUG = False\n"
        "ALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
        f"DATABASES = {{'default': {db!r}}}\n"
        f"STATIC_ROOT = {str(var / 'static')!r}\n"
        f"MEDIA_ROOT = {str(var / 'media')!r}\n"
        "EMAIL_BACKEND = 'django.core.mail.backends.dummy.EmailBackend'\n"
    )


def _run(command: list[str], **kwargs) -> str:
    """Run a command of Pytition's to completion: its output, or an error with it."""
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise RuntimeError(
            f"{' '.join(command)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


class Pytition:
    """Pytition set up under tmp and served on a free port while the context is open."""

    def __init__(
        self,
        src: Path,
        tmp: Path,
        postgres_url: str,
        *,
        signatures: int = 10_000,
        workers: int = 4,
        say: Callable[[str], None] = print,
        fresh_venv: bool = False,
    ) -> None:
        self.src, self.tmp, self.postgres_url = Path(src), tmp, postgres_url
        self.signatures, self.workers, self.say = signatures, workers, say
        self.fresh_venv = fresh_venv
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.info: dict = {}

    @property
    def paths(self) -> dict[str, tuple[str, dict[str, str]]]:
        """What is measured, by figure: (path, request headers)."""
        petition = self.info["petition"]
        return {
            "page": (f"/petition/org/{petition['org']}/{petition['slug']}", {}),
            "count": (f"/petition/{petition['id']}/", COUNT_HEADERS),
            "notfound": ("/wp-login.php", {}),
        }

    def __enter__(self) -> "Pytition":
        import psycopg

        from bench.durability import maintenance_url

        tree = self.tmp / "pytition"
        self.info["source"] = source_tree(self.src, tree)
        self.say(f"Pytition: {self.info['source']}")
        python, server = virtualenv(tree, self.say, self.fresh_venv)
        self.info["server"] = server
        self.database = f"pytition_bench_{secrets.token_hex(4)}"
        self.admin_url = maintenance_url(self.postgres_url)
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.database}"')
        try:
            write_settings(tree, self.database, self.postgres_url, self.tmp)
            env = {
                **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DEBUG")},
                "DJANGO_SETTINGS_MODULE": "pytition.settings.bench",
                "PYTHONPATH": str(tree / "pytition"),
            }
            self.say("  migrating Pytition's database…")
            manage = [str(python), "manage.py"]
            cwd = tree / "pytition"
            run = {"cwd": cwd, "env": env}
            _run([*manage, "migrate", "--noinput"], **run)
            self.say(f"  an organization, a petition and {self.signatures:,} signatures…")
            script = self.tmp / "populate.py"
            script.write_text(_POPULATE)
            done = _run([str(python), str(script), str(self.signatures)], **run)
            self.info["petition"] = json.loads(done.strip().splitlines()[-1])
            self.info["version"] = _run(
                [str(python), "-c", "import django; print(django.get_version())"], **run
            ).strip()
            self._start(python, server, cwd, env)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self, python: Path, server: str, cwd: Path, env: dict) -> None:
        bind = f"127.0.0.1:{self.port}"
        if server == "uwsgi":
            command = [str(python.parent / "uwsgi"), "--http-socket", bind, "--master"]
            command += ["--processes", str(self.workers), "--home", str(python.parent.parent)]
            command += ["--chdir", str(cwd), "--pythonpath", str(cwd)]
            command += ["--wsgi-file", str(cwd / "pytition" / "wsgi.py")]
            # gunicorn's sync workers say "Connection: close"; uwsgi's http-socket closes
            # without saying so, which wrk counts as a read error.
            command += ["--die-on-term", "--need-app", "--add-header", "Connection: close"]
        else:
            command = [str(python.parent / "gunicorn"), "--bind", bind]
            command += ["--workers", str(self.workers), "pytition.wsgi:application"]
        self.log_path = self.tmp / f"{server}.log"
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://{bind}{self.paths['page'][0]}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Pytition's {server} exited: {self.log_path.read_text()[-2000:]}"
                )
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    self.say(f"  Pytition served by {server} ({self.workers} workers) on {bind}")
                    return
            time.sleep(0.3)
        raise TimeoutError(f"Pytition did not answer {url}: {self.log_path.read_text()[-2000:]}")

    def memory(self) -> dict:
        return tree_memory(self.process.pid) if self.process else {}

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            pids = [self.process.pid, *descendants(self.process.pid)]
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                for pid in pids:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                self.process.wait(10)
        if getattr(self, "database", None):
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self.database = None


def measure(pytition: Pytition, duration: float, concurrency: int) -> dict:
    """Pytition's three figures, one wrk run each: {figure: wrk summary}."""
    found = {}
    for name, (path, headers) in pytition.paths.items():
        wrk.run(pytition.port, path, concurrency=concurrency, duration=2, headers=headers)
        found[name] = wrk.run(
            pytition.port, path, concurrency=concurrency, duration=duration, headers=headers
        )
    return found


FIGURES = ("page", "count", "notfound")
EXPECTED = {"page": 200, "count": 200, "notfound": 404}


def side_by_side(
    args: argparse.Namespace,
    seed: Callable[[dict], None],
    our_paths: Callable[[str], dict[str, str]],
    warm: Callable,
    say: Callable[[str], None],
) -> tuple[dict, dict]:
    """Pytition and `undersigned serve` (once per web server of args.servers), all up at once,
    4 workers each, on PostgreSQL (ours with Redis): every figure in rounds, the order of the
    sides reversed every other round; medians. ({side: figures}, details)."""
    from bench.durability import fresh_database, icor_statement
    from bench.server import Server

    details: dict = {"rounds": args.pytition_rounds, "duration_s": args.duration}
    details["concurrency"] = args.concurrency
    details["signatures"] = args.pytition_signatures
    with tempfile.TemporaryDirectory(prefix="bench-pytition-") as tmp_name:
        tmp = Path(tmp_name)
        with (
            Pytition(
                args.pytition,
                tmp / "theirs",
                args.postgres_url,
                signatures=args.pytition_signatures,
                say=say,
            ) as theirs,
            fresh_database(tmp / "var", args.postgres_url, args.redis_url) as db,
            contextlib.ExitStack() as servers,
        ):
            details["pytition"] = theirs.info
            say(f"seeding undersigned with {args.pytition_signatures:,} endorsements…")
            seed(db.env)
            _statement_id, slug = icor_statement(db)
            sides = {"pytition": (theirs.port, theirs.paths)}
            ours = {}
            for name in args.servers:
                server = Server({**db.env, "WEB_SERVER": name}, tmp / f"{name}.log", workers=4)
                servers.callback(server.stop)
                server.start()
                warm(server, slug)
                ours[name] = server
                sides[name] = (server.port, {k: (v, {}) for k, v in our_paths(slug).items()})
            runs: dict = {side: {figure: [] for figure in FIGURES} for side in sides}
            for port, paths in sides.values():
                for figure in FIGURES:  # warm-up, not counted
                    path, headers = paths[figure]
                    wrk.run(port, path, concurrency=args.concurrency, duration=2, headers=headers)
            for round_ in range(args.pytition_rounds):
                order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
                for figure in FIGURES:
                    for side in order:
                        port, paths = sides[side]
                        path, headers = paths[figure]
                        runs[side][figure].append(
                            wrk.run(
                                port,
                                path,
                                concurrency=args.concurrency,
                                duration=args.duration,
                                headers=headers,
                            )
                        )
                say(
                    f"  round {round_ + 1}/{args.pytition_rounds}: "
                    + "; ".join(
                        f"{side} " + ", ".join(f"{f} {_rps(runs[side][f][-1], f)}" for f in FIGURES)
                        for side in sides
                    )
                )
            details["memory"] = {"pytition": theirs.memory()}
            details["memory"].update({n: tree_memory(s.process.pid) for n, s in ours.items()})
            details["paths"] = {
                side: {
                    f: paths[f][0] + (" (Accept: application/json)" if paths[f][1] else "")
                    for f in FIGURES
                }
                for side, (_port, paths) in sides.items()
            }
    details["runs"] = {
        side: {f: [_slim(r) for r in runs[side][f]] for f in FIGURES} for side in runs
    }
    figures = {side: _medians(runs[side]) for side in runs}
    for side in figures:
        memory = details["memory"].get(side, {})
        figures[side]["rss_mb"], figures[side]["pss_mb"] = (
            memory.get("rss_mb"),
            memory.get("pss_mb"),
        )
    figures["server"] = details["pytition"].get("server")
    return figures, details


def _rps(summary: dict, figure: str) -> float:
    """Only the expected answers count, as in bench/run.py: a fast 500 is no success."""
    return round(summary["statuses"].get(EXPECTED[figure], 0) / summary["seconds"], 1)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2, 2)


def _medians(by_figure: dict[str, list[dict]]) -> dict:
    found = {}
    for figure, summaries in by_figure.items():
        found[f"{figure}_rps"] = _median([_rps(s, figure) for s in summaries])
        found[f"{figure}_p50_ms"] = _median([s["p50_ms"] for s in summaries])
        found[f"{figure}_p99_ms"] = _median([s["p99_ms"] for s in summaries])
    return found


def _slim(summary: dict) -> dict:
    keys = ("rps", "p50_ms", "p99_ms", "statuses", "errors", "client_cpu", "seconds")
    return {k: summary[k] for k in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pytition",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("src", type=Path, help="Pytition checkout or git directory")
    parser.add_argument("--duration", type=float, default=20, help="seconds per figure (20)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections (8)")
    parser.add_argument("--signatures", type=int, default=10_000, help="signatures (10,000)")
    parser.add_argument("--workers", type=int, default=4, help="uwsgi processes (4)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="server to create Pytition's database on (env BENCH_POSTGRES_URL)",
    )
    parser.add_argument("--fresh-venv", action="store_true", help="reinstall the virtualenv")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if not wrk.available():
        parser.error("wrk is not installed (apt-get install wrk)")

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    with (
        tempfile.TemporaryDirectory(prefix="bench-pytition-") as tmp,
        Pytition(
            args.src,
            Path(tmp),
            args.postgres_url,
            signatures=args.signatures,
            workers=args.workers,
            say=say,
            fresh_venv=args.fresh_venv,
        ) as pytition,
    ):
        figures = measure(pytition, args.duration, args.concurrency)
        for name, summary in figures.items():
            say(
                f"  {name}: {summary['rps']} req/s, p99 {summary['p99_ms']} ms, "
                f"statuses {summary['statuses']}"
            )
        result = {"info": pytition.info, "figures": figures, "memory": pytition.memory()}
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
