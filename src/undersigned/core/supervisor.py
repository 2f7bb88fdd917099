"""`serve`'s supervisor, on its own: it runs the web server and the task workers and restarts
any that dies. `serve` prepares (migrations, static files, the listening socket) with all of
Django loaded, then replaces itself with this module (exec), which imports no Django: the
process that runs for months holds ~10 MB instead of ~90 MB.

    python -m undersigned.core.supervisor '[{"name": "web", "command": [...], "pass_fds": [5]}]'
"""

import contextlib
import ctypes
import functools
import json
import os
import signal
import subprocess
import sys
import time


def _die_with_parent() -> None:
    """In the child: get SIGTERM when serve dies, even by SIGKILL (Linux), so that no server
    keeps the port after its supervisor is gone."""
    # Not on Linux: the children outlive a killed serve, as any process would.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _prepare_child(nice: int) -> None:
    _die_with_parent()
    if nice:
        os.nice(nice)  # a lower priority: anyone may lower their own


class Child:
    # A plain class, not a dataclass: `dataclasses` imports `inspect` and its company, ~1.4 MB
    # resident in a process that otherwise holds ~11.
    def __init__(
        self, name: str, command: list[str], pass_fds: tuple[int, ...] = (), nice: int = 0
    ) -> None:
        self.name = name
        self.command = command
        self.pass_fds = pass_fds
        self.nice = nice  # added to the child's niceness (the task workers yield to the web's)
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0
        self.quick_failures = 0  # deaths in a row soon after starting
        self.restart_at: float | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.command,
            process_group=0,
            preexec_fn=functools.partial(_prepare_child, self.nice),
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


def main(argv: list[str]) -> int:
    children = [
        Child(
            item["name"],
            item["command"],
            tuple(item.get("pass_fds", ())),
            nice=item.get("nice", 0),
        )
        for item in argv
    ]
    return supervise(children)


if __name__ == "__main__":
    sys.exit(main(json.loads(sys.argv[1])))
