"""Start and stop `undersigned serve` as the README runs it, and find its processes.

Shared by the benchmark and tests/test_durability.py. `serve` starts gunicorn and the task
worker in process groups of their own, so killing the group of `serve` does not reach them: we
kill every descendant we can find in /proc as well.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
UNDERSIGNED = str(BIN / "undersigned")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_command(args: list[str], env: dict[str, str], timeout: float = 180) -> str:
    """Run an `undersigned` command to completion; its output, or an error with it."""
    done = subprocess.run(
        [UNDERSIGNED, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode:
        raise RuntimeError(f"undersigned {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


class Server:
    """`undersigned serve` on a free port, in a session of its own."""

    def __init__(
        self, env: dict[str, str], log_path: Path, workers: int = 2, no_worker: bool = False
    ) -> None:
        self.env = {**env, "WEB_WORKERS": str(workers)}
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.no_worker = no_worker

    def start(self, timeout: float = 60) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps it open
        command = [UNDERSIGNED, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command + (["--no-worker"] if self.no_worker else []),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited with {self.process.returncode}: {self.tail()}")
            with contextlib.suppress(OSError):
                url = f"http://127.0.0.1:{self.port}/healthz"
                with urllib.request.urlopen(url, timeout=2) as answer:
                    if answer.status == 200:
                        return
            time.sleep(0.2)
        self.kill()
        raise TimeoutError(f"/healthz did not answer within {timeout} s: {self.tail()}")

    def tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def descendants(self) -> list[int]:
        return descendants(self.process.pid) if self.process else []

    def web_workers(self) -> list[int]:
        """Worker pids: the children of the web server's master (the child of serve running
        gunicorn or granian, as WEB_SERVER in its environment says)."""
        if not self.process:
            return []
        for pid in children_of(self.process.pid):
            if any(f"-m {name}" in cmdline(pid) for name in ("gunicorn", "granian")):
                return children_of(pid)
        return []

    def stop(self, timeout: float = 45) -> None:
        """SIGTERM, as an administrator would; SIGKILL whatever is left after timeout."""
        if not self.process or self.process.poll() is not None:
            self.kill()
            return
        self.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        self.kill()

    def kill(self) -> None:
        """SIGKILL serve, its process group and every descendant (in their own groups)."""
        if not self.process:
            return
        pids = [self.process.pid, *self.descendants()]
        for pid in pids:
            with contextlib.suppress(OSError):
                os.killpg(os.getpgid(pid), signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        deadline = time.monotonic() + 10  # the orphans are reaped by init, not by us
        while any(alive(pid) for pid in pids[1:]) and time.monotonic() < deadline:
            time.sleep(0.05)


class TaskWorker:
    """`undersigned worker`, as deployments at scale run it beside `serve --no-worker`."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env, self.log_path = env, log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps it open
        self.process = subprocess.Popen(
            [UNDERSIGNED, "worker", "--no-reload", "--no-startup-delay"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def stop(self, timeout: float = 30) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        self.kill()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def tree_memory(pid: int) -> dict:
    """Resident memory of a process and its descendants: per process (command, RSS, PSS in MB)
    and totals. RSS counts pages shared between forked workers once per process; PSS divides
    them among the processes sharing them, so its total is what the tree really holds."""
    processes = []
    for each in [pid, *descendants(pid)]:
        rss = memory_kb(each).get("VmRSS", 0) / 1024
        pss = _pss_kb(each) / 1024
        name = cmdline(each).split(" -m ", 1)[-1][:60]
        processes.append(
            {"pid": each, "command": name, "rss_mb": round(rss, 1), "pss_mb": round(pss, 1)}
        )
    return {
        "rss_mb": round(sum(p["rss_mb"] for p in processes), 1),
        "pss_mb": round(sum(p["pss_mb"] for p in processes), 1),
        "processes": processes,
    }


def _pss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def _proc_stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields after "pid (comm)"


def alive(pid: int) -> bool:
    stat = _proc_stat(pid)
    return stat is not None and stat[0] != "Z"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _proc_stat(int(entry))) and int(stat[1]) == pid:
            found.append(int(entry))
    return sorted(found)


def descendants(pid: int) -> list[int]:
    result, todo = [], [pid]
    while todo:
        for child in children_of(todo.pop()):
            result.append(child)
            todo.append(child)
    return result


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def memory_kb(pid: int) -> dict[str, int]:
    """VmHWM (peak resident set) and VmRSS of a process, in kB."""
    values = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0])
    return values
