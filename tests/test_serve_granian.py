"""`undersigned serve --server granian`: the same promises as with gunicorn (tests/test_worker.py)
— it answers, names no server, runs the task worker below the web's priority, restarts what
dies, and stops everything on SIGTERM — and the request time limit granian lacks by itself."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from undersigned.core.timelimit import TimeLimited

from .mailserver import free_port
from .test_worker import UNDERSIGNED, alive, children, env_for, wait_for_child, wait_for_page


@pytest.fixture(scope="module")
def cwd(tmp_path_factory):
    return tmp_path_factory.mktemp("serve-granian")


def niceness(pid: int) -> int:
    return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[16])


def test_serve_with_granian_answers_restarts_and_stops_on_sigterm(cwd):
    port = free_port()
    log = cwd / "serve.log"
    with open(log, "w") as output:  # a file, not a pipe nobody reads while it runs
        serve = subprocess.Popen(
            [str(UNDERSIGNED), "serve", "--port", str(port), "--workers", "2", "--server",
             "granian"],
            cwd=cwd, env=env_for(cwd), stdout=output, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_page(f"{base}/robots.txt", serve)
        with urllib.request.urlopen(f"{base}/healthz", timeout=10) as answer:
            assert answer.status == 200
            assert answer.headers["Server"] == "", "granian's own name is not sent"
        processes = children(serve.pid)
        web = [pid for pid, command in processes.items() if "-m granian" in command]
        tasks = [pid for pid, command in processes.items() if "undersigned.cli worker" in command]
        assert len(web) == 1 and len(tasks) == 1, processes
        assert niceness(tasks[0]) == 10 and niceness(web[0]) == niceness(serve.pid)
        assert len(children(web[0])) == 2, "two granian workers"
        # Two malloc arenas, not one per thread (serve.py says why; bench/memory.py measures).
        for pid in [tasks[0], *children(web[0])]:
            assert b"MALLOC_ARENA_MAX=2\0" in Path(f"/proc/{pid}/environ").read_bytes()

        # A dead granian worker is started again by granian; a dead granian by serve.
        killed = min(children(web[0]))
        os.kill(killed, signal.SIGKILL)

        def respawned() -> bool:
            # Not merely two children: just after the kill, the killed one is still listed
            # (seen in CI: the loop ended at once, and the check after it found one).
            workers = children(web[0])
            return killed not in workers and len(workers) == 2

        deadline = time.monotonic() + 20
        while not respawned() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert respawned(), log.read_text()
        orphans = children(web[0])
        os.kill(web[0], signal.SIGKILL)
        new = wait_for_child(serve, "-m granian", not_pid=web[0], seconds=30)
        # Its workers go with it: left, they would hold the port beside the new ones.
        deadline = time.monotonic() + 20
        while [pid for pid in orphans if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in orphans if alive(pid)], "a killed granian's workers live on"
        wait_for_page(f"{base}/robots.txt", serve)
        everything = [*children(serve.pid), *children(new)]

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=45) == 0, log.read_text()
        deadline = time.monotonic() + 35
        while [pid for pid in everything if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in everything if alive(pid)], "a child is left behind"
        assert '"GET /healthz HTTP/1.1" 200' in log.read_text(), "the access log"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()


def test_a_request_over_the_time_limit_is_seen():
    limited = TimeLimited(lambda environ, start_response: [b""], seconds=30)
    limited.running[1] = (100.0, "GET /slow")
    limited.running[2] = (125.0, "GET /fast")
    assert limited.overdue(now=129.0) == []
    assert limited.overdue(now=131.0) == ["GET /slow"]


def test_a_worker_whose_request_runs_past_the_limit_exits():
    """What granian then restarts (--respawn-failed-workers), as gunicorn's master would."""
    script = textwrap.dedent(
        """
        import threading, time
        from undersigned.core.timelimit import TimeLimited

        def stuck(environ, start_response):
            time.sleep(60)

        app = TimeLimited(stuck, seconds=0.2, every=0.05)
        threading.Thread(target=app, args=({"REQUEST_METHOD": "GET", "PATH_INFO": "/x"}, None),
                         daemon=True).start()
        time.sleep(60)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=50
    )
    assert done.returncode == 1
    assert "GET /x" in done.stderr and "WEB_TIMEOUT" in done.stderr
