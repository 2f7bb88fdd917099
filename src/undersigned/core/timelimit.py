"""A request time limit for web servers that have none (granian, under `serve --server granian`).

gunicorn's sync workers answer one request at a time, and its master kills a worker whose
request runs past `--timeout`; the worker is started again. granian has no such limit: a
request stuck in Python (a lock, a runaway loop) would hold its thread for ever. This wrapper
gives the same outcome: a watchdog thread in each worker process notices a request running
past the limit, says which, and ends the process; granian starts another
(`--respawn-failed-workers`). Like gunicorn's, the limit bounds the application's call; the
iteration of a streaming body after it returns is not timed.

Imports no Django: it wraps any WSGI application.
"""

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any


def die_with_parent(signum: int = signal.SIGKILL, parent_name: str = "") -> None:
    """Get signum when the parent process dies, even by SIGKILL (Linux; elsewhere nothing).
    SIGKILL by default: a granian worker's graceful stop can wait for ever without its parent
    (seen: a respawned worker outlived its killed granian by SIGTERM).

    `parent_name`: a word of the parent's command line. A worker still importing the site when
    its parent was killed finds itself already adopted (by init): no change of parent to notice
    then, but a parent that is not the server it was started by."""
    parent = os.getppid()
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signum)  # PR_SET_PDEATHSIG
    adopted = parent_name and parent_name not in (_command_line(parent) or parent_name)
    if os.getppid() != parent or adopted:
        os.kill(os.getpid(), signum)  # it died before we asked


def _command_line(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None  # not Linux, or gone: nothing to tell


WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class TimeLimited:
    """`application` with at most `seconds` per request, checked every `every` seconds."""

    def __init__(self, application: WSGIApp, seconds: float, every: float = 1.0) -> None:
        self.application = application
        self.seconds = seconds
        self.every = every
        self.running: dict[int, tuple[float, str]] = {}  # thread → (start, "METHOD path")
        self._watchdog: threading.Thread | None = None
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        if self._watchdog is None:
            self._start_watchdog()  # in the worker process, after any fork
        key = threading.get_ident()
        self.running[key] = (
            time.monotonic(),
            f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')}",
        )
        try:
            return self.application(environ, start_response)
        finally:
            self.running.pop(key, None)

    def _start_watchdog(self) -> None:
        with self._lock:
            if self._watchdog is None:
                self._watchdog = threading.Thread(
                    target=self._watch, name="request-time-limit", daemon=True
                )
                self._watchdog.start()

    def overdue(self, now: float | None = None) -> list[str]:
        now = time.monotonic() if now is None else now
        return [
            what for started, what in list(self.running.values()) if now - started > self.seconds
        ]

    def _watch(self) -> None:
        while True:
            time.sleep(self.every)
            if late := self.overdue():
                print(
                    f"[CRITICAL] request over the {self.seconds:.0f} s limit (WEB_TIMEOUT): "
                    f"{', '.join(late)}; this worker (pid {os.getpid()}) exits and is started "
                    "again.",
                    file=sys.stderr,
                    flush=True,
                )
                os._exit(1)  # the stuck thread cannot be stopped from outside
