"""Run a function in a child process with a wall-time and a memory limit.

For work whose cost the input decides and nobody can bound beforehand, such as laying out a PDF
with WeasyPrint: the child is a fresh interpreter (`python -m undersigned.core.sandbox`), not a
fork, so that no lock held by another thread of the worker comes along; it limits its own address
space (RLIMIT_AS) and CPU time before it imports anything, and lowers its priority so that web
requests come first. The parent kills it when the wall time is up. Bytes in on stdin, bytes out
on stdout. No Django here: the child does not set Django up.
"""

import errno
import importlib
import math
import os
import resource
import signal
import subprocess
import sys

MODULE = "undersigned.core.sandbox"
_MEMORY_EXIT = 3  # the child ran out of its memory


class LimitExceeded(Exception):
    """The work did not finish; `reason` says why: "time", "memory" or "error"."""

    reason = "error"


class TimeLimitExceeded(LimitExceeded):
    reason = "time"


class MemoryLimitExceeded(LimitExceeded):
    reason = "memory"


def run_limited(target: str, data: bytes, *, seconds: float, memory_mb: int) -> bytes:
    """`module:function`(data) in a child process, which gets `seconds` of wall time and
    `memory_mb` of address space; its return value (bytes). Raises a LimitExceeded."""
    command = [sys.executable, "-m", MODULE, target, str(memory_mb), str(seconds)]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:  # run() has killed the child
        raise TimeLimitExceeded(f"{target} took more than {seconds} s") from None
    if done.returncode == 0:
        return done.stdout
    detail = done.stderr.decode(errors="replace")[-2000:]
    if done.returncode == _MEMORY_EXIT:
        raise MemoryLimitExceeded(f"{target} needed more than {memory_mb} MB")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):  # RLIMIT_CPU, soft then hard
        raise TimeLimitExceeded(f"{target} used more than {seconds} s of CPU")
    raise LimitExceeded(f"{target} failed (exit status {done.returncode}): {detail}")


def _out_of_memory(error: BaseException) -> bool:
    """Python says MemoryError; a library that cannot map more says it in its own words."""
    if isinstance(error, MemoryError) or getattr(error, "errno", None) == errno.ENOMEM:
        return True
    return any(words in str(error) for words in ("failed to map segment", "out of memory"))


def _child(target: str, memory_mb: str, seconds: str) -> None:
    limit = int(memory_mb) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # A backstop should the parent die and leave nobody to kill us at the wall time.
    cpu = math.ceil(float(seconds)) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    os.nice(10)
    module, _sep, function = target.partition(":")
    data = sys.stdin.buffer.read()
    try:
        result = getattr(importlib.import_module(module), function)(data)
    except Exception as error:
        if not _out_of_memory(error):
            raise
        sys.stderr.write(f"out of memory: {error}\n")
        sys.stderr.flush()
        os._exit(_MEMORY_EXIT)  # no clean-up that might need memory
    sys.stdout.buffer.write(result)
    sys.stdout.flush()


if __name__ == "__main__":
    _child(*sys.argv[1:4])
