"""GET load with wrk (Debian's `wrk` package) where it is installed.

A Python client spends more CPU per request than the cheapest paths of the server do, so on a
2-core machine it caps them; wrk (C, one thread) does not. POSTs stay with bench/load.py: every
endorsement needs a body of its own. The Lua script tallies the answers by status, so that only
200s count as throughput, as with load.py.
"""

import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

_SCRIPT = """
counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do
      io.write(string.format("STATUS %d %d\\n", status, n))
    end
  end
  io.write(string.format("LATENCY %.1f %.1f\\n", latency:percentile(50), latency:percentile(99)))
  local e = summary.errors
  io.write(string.format("ERRORS %d %d %d %d\\n", e.connect, e.read, e.write, e.timeout))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def run(
    port: int,
    path: str,
    *,
    concurrency: int,
    duration: float,
    headers: dict[str, str] | None = None,
    threads: int = 1,
) -> dict:
    """wrk against http://127.0.0.1:port/path; a summary with the keys of LoadResult.summary()
    plus "seconds"."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_SCRIPT)
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(duration))}s"]
    command += ["--timeout", "30s", "-s", script.name]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    finally:
        Path(script.name).unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
    statuses = {
        int(code): int(n) for code, n in re.findall(r"^STATUS (\d+) (\d+)$", done.stdout, re.M)
    }
    p50, p99 = (
        float(x) / 1000 for x in re.search(r"^LATENCY (\S+) (\S+)$", done.stdout, re.M).groups()
    )
    connect, read, write, timeout = (
        int(x) for x in re.search(r"^ERRORS (\d+) (\d+) (\d+) (\d+)$", done.stdout, re.M).groups()
    )
    # wrk's own duration is what it divides by; ours includes its start-up.
    measured = float(re.search(r"requests in ([\d.]+)(m?s)", done.stdout).group(1))
    unit = re.search(r"requests in [\d.]+(m?s)", done.stdout).group(1)
    wrk_seconds = measured / 1000 if unit == "ms" else measured
    requests = sum(statuses.values())
    errors = {k: v for k, v in {"connect": connect, "read": read, "write": write}.items() if v}
    if timeout:
        errors["timeout"] = timeout
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "rps": round(requests / wrk_seconds, 1),
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "requests": requests,
        "statuses": dict(sorted(statuses.items())),
        "errors": errors,
        "client_cpu": round(cpu / seconds, 2),
        "client": "wrk",
        "seconds": round(wrk_seconds, 2),
    }
