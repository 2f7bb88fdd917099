"""`undersigned worker`, and `undersigned serve` running the web and a worker side by side."""

import os
import signal
import subprocess
import sys
import time
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


def wait_for_page(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
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
        ([], "the worker is killed", 128 + signal.SIGKILL),
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
        else:
            os.kill(workers[0], signal.SIGKILL)
        assert serve.wait(timeout=10) == exit_code, serve.communicate()[0]
        deadline = time.monotonic() + 35  # gunicorn finishes requests in progress first
        while [pid for pid in everything if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in everything if alive(pid)], "a child is left behind"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
