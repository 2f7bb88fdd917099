"""`undersigned worker`, and `undersigned serve` running the web and a worker side by side."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .mailserver import free_port

UNDERSIGNED = Path(sys.executable).with_name("undersigned")


@pytest.fixture(scope="module")
def cwd(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("serve")


def env_for(cwd: Path) -> dict:
    env = {**os.environ, "UNDERSIGNED_VAR_DIR": str(cwd / "var")}
    env.pop("DATABASE_URL", None)  # SQLite in a temporary directory
    return env


def undersigned(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(UNDERSIGNED), *args], capture_output=True, text=True, cwd=cwd, env=env_for(cwd),
        timeout=120,
    )  # fmt: skip


def children(pid: int) -> dict[int, str]:
    """The child processes of pid: {pid: command line}."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name in parentheses may contain spaces; the parent pid follows it.
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
            cmdline = (stat.parent / "cmdline").read_text().replace("\0", " ")
        except (OSError, IndexError):
            continue  # exited meanwhile
        if int(ppid) == pid and state != "Z":
            found[int(stat.parent.name)] = cmdline
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for_page(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_worker_explains_itself(cwd):
    result = undersigned("worker", "--help", cwd=cwd)
    assert result.returncode == 0
    assert "usage: undersigned worker" in result.stdout
    assert "at scale" in result.stdout and "--batch" in result.stdout


def test_worker_runs_what_is_queued_and_exits(cwd):
    assert undersigned("migrate", cwd=cwd).returncode == 0
    result = undersigned("worker", "--batch", "--no-startup-delay", cwd=cwd)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("options", "stop", "exit_code"),
    [
        ([], "sigterm to serve", 0),
        (["--no-worker"], "sigterm to serve", 0),
        (["--task-workers", "2"], "sigterm to serve", 0),
        ([], "serve is killed", -signal.SIGKILL),
    ],
)
def test_serve_runs_the_web_and_a_worker_and_stops_them_together(cwd, options, stop, exit_code):
    port = free_port()
    serve = subprocess.Popen(
        [str(UNDERSIGNED), "serve", "--port", str(port), "--workers", "1", *options],
        cwd=cwd, env=env_for(cwd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        wait_for_page(f"http://127.0.0.1:{port}/", serve)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            assert answer.headers["Server"] is None, "the server is not advertised"
        processes = children(serve.pid)
        web = [pid for pid, command in processes.items() if "gunicorn" in command]
        workers = [pid for pid, command in processes.items() if "undersigned.cli worker" in command]
        assert len(web) == 1, processes
        expected = 0 if "--no-worker" in options else 2 if "--task-workers" in options else 1
        assert len(workers) == expected, processes
        everything = [*processes, *children(web[0])]  # with gunicorn's own workers

        if stop == "sigterm to serve":
            serve.send_signal(signal.SIGTERM)
        elif stop == "serve is killed":  # its children are told by the kernel (PDEATHSIG)
            serve.kill()
        assert serve.wait(timeout=10) == exit_code, serve.communicate()[0]
        deadline = time.monotonic() + 35  # gunicorn finishes requests in progress first
        while [pid for pid in everything if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in everything if alive(pid)], "a child is left behind"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()


class Probe(threading.Thread):
    """Reads a page over and over from another thread, recording every answer (or error)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.answers, self.running = url, [], True

    def run(self) -> None:
        while self.running:
            try:
                with urllib.request.urlopen(self.url, timeout=20) as response:
                    self.answers.append(response.status)
            except urllib.error.HTTPError as error:
                self.answers.append(error.code)
            except OSError as error:
                self.answers.append(repr(error))
            time.sleep(0.05)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for_child(serve: subprocess.Popen, marker: str, not_pid: int, seconds: float = 20) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [pid for pid, command in children(serve.pid).items() if marker in command]
        if found and found[0] != not_pid:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no new {marker} process within {seconds} s")


def test_serve_keeps_the_site_up_through_kills_and_a_held_write_lock(cwd):
    """Once, `kill -9` of the task worker took the web server down with it, and so did a write
    lock held longer than the busy timeout (the worker died of "database is locked"). serve now
    restarts whichever child dies, readers are never blocked, and a write that cannot get the
    lock answers 503 in bounded time. The lock is held past a 1 s busy timeout rather than the
    25 s of the report: the same thing happens, sooner."""
    port = free_port()
    env = {**env_for(cwd), "SQLITE_BUSY_TIMEOUT": "1"}
    serve = subprocess.Popen(
        [str(UNDERSIGNED), "serve", "--port", str(port), "--workers", "1"],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    probe = Probe(f"{base}/search/?q=x")
    try:
        wait_for_page(f"{base}/", serve)
        probe.start()
        for marker in ("undersigned.cli worker", "gunicorn"):
            old = wait_for_child(serve, marker, not_pid=0)
            os.kill(old, signal.SIGKILL)
            wait_for_child(serve, marker, not_pid=old)
        assert status(f"{base}/healthz") == 200

        lock = sqlite3.connect(cwd / "var" / "undersigned.sqlite3", isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            # /healthz writes (and rolls back): it waits its bounded time, then says "busy".
            assert status(f"{base}/healthz") == 503
            assert time.monotonic() - started < 10
            time.sleep(2)  # past the busy timeout: the worker's polling meets the lock too
            assert status(f"{base}/search/?q=y") == 200  # readers are not blocked
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        deadline = time.monotonic() + 20
        while status(f"{base}/healthz") != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status(f"{base}/healthz") == 200
        assert serve.poll() is None
        # A worker that died of the lock is started again (after a short back-off).
        wait_for_child(serve, "undersigned.cli worker", not_pid=0)
        wait_for_child(serve, "gunicorn", not_pid=0)
        probe.running = False
        probe.join(30)
        assert probe.answers and set(probe.answers) == {200}, probe.answers
    finally:
        probe.running = False
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=45)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()


def test_a_task_left_running_by_a_dead_worker_runs_again(db):
    """Mail in flight when the worker was killed stayed RUNNING forever."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from undersigned.core.worker import requeue_abandoned, worker_id
    from undersigned.mail.tasks import send_mail_task

    dead = subprocess.Popen(["true"])
    dead.wait()
    mine = worker_id()
    host = mine.split(":")[0]
    for claimed_by in (f"{host}:{dead.pid}:gone", mine):
        result = send_mail_task.enqueue(subject="s", body_text="b", body_html="", to=["a@b.c"])
        DBTaskResult.objects.filter(pk=result.id).update(
            status=TaskResultStatus.RUNNING, worker_ids=[claimed_by]
        )
    assert requeue_abandoned() == 1
    statuses = {
        ids[0]: status for ids, status in DBTaskResult.objects.values_list("worker_ids", "status")
    }
    assert statuses == {
        f"{host}:{dead.pid}:gone": TaskResultStatus.READY,
        mine: TaskResultStatus.RUNNING,
    }


def test_a_running_worker_takes_back_a_dead_neighbours_tasks_within_a_minute(db):
    """The at-scale run killed one of two workers: the 18 mails of its batch stayed RUNNING
    until TASK_STALE_SECONDS (10 minutes) had passed. The survivor now looks once a minute."""
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from undersigned.core.worker import drain, worker_id
    from undersigned.mail.tasks import send_mail_task

    dead = subprocess.Popen(["true"])
    dead.wait()
    host = worker_id().split(":")[0]
    result = send_mail_task.enqueue(subject="s", body_text="b", body_html="", to=["a@b.c"])
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now(),  # just now: not stale by its age
        worker_ids=[f"{host}:{dead.pid}:gone"],
    )
    assert [str(r.pk) for r in drain(worker_id=worker_id())] == [result.id]
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
