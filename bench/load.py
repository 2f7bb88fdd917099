"""A small, bounded HTTP/1.1 load generator on raw asyncio streams, for 127.0.0.1 only.

Each of N connections sends one request at a time, keeps the connection alive when the server
allows it and reconnects when it does not (gunicorn's sync workers close after every answer, so
the connect time is part of every latency, as for a real client). Bodies are read and discarded.
The benchmark measures GETs with wrk where it is installed (bench/wrk.py: a Python client caps
the cheapest paths) and POSTs with this client, because every endorsement needs its own body.
"""

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

HOST = "127.0.0.1"  # never anything else: this is a load generator


class ProtocolError(Exception):
    pass


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    statuses: Counter
    errors: Counter
    client_cpu: float  # CPU seconds of this process per wall second (1.0 = one full core)
    retried: int = 0  # requests sent again on a fresh connection (a silently closed keep-alive)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def summary(self) -> dict:
        return {
            "rps": round(self.rps, 1),
            "p50_ms": round(self.percentile(50), 2),
            "p99_ms": round(self.percentile(99), 2),
            "requests": self.requests,
            "statuses": dict(sorted(self.statuses.items())),
            "errors": dict(self.errors),
            "client_cpu": round(self.client_cpu, 2),
            "retried": self.retried,
        }


def build_request(
    method: str, path: str, port: int, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: keep-alive"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


async def read_response(
    reader: asyncio.StreamReader, on_data: Callable[[bytes], None] | None = None
) -> tuple[int, bool]:
    """Read one response; return (status, server keeps the connection open)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise ProtocolError(status_line[:80])
    status = int(parts[1])
    headers = {}
    for line in header_lines:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    keep = headers.get("connection") != "close" and parts[0] == "HTTP/1.1"
    sink = on_data or (lambda data: None)
    if "content-length" in headers:
        remaining = int(headers["content-length"])
        while remaining:
            data = await reader.read(min(remaining, 1 << 16))
            if not data:
                raise asyncio.IncompleteReadError(b"", remaining)
            sink(data)
            remaining -= len(data)
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")  # no trailers from our servers
                break
            sink((await reader.readexactly(size + 2))[:-2])
    else:  # the body runs to the end of the connection
        while data := await reader.read(1 << 16):
            sink(data)
        keep = False
    return status, keep


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes, timeout: float
) -> tuple[int, bool]:
    writer.write(request)
    await writer.drain()
    return await asyncio.wait_for(read_response(reader), timeout)


async def _connection(
    port: int,
    make_request: Callable[[int], bytes],
    counter: itertools.count,
    stop: Callable[[int], bool],
    timeout: float,
    result: LoadResult,
) -> None:
    reader = writer = None
    while not stop(index := next(counter)):
        request = make_request(index)
        started = time.perf_counter()
        try:
            reused = writer is not None
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, port), timeout
                )
            try:
                status, keep = await _exchange(reader, writer, request, timeout)
            except (ConnectionError, asyncio.IncompleteReadError) as e:
                if not reused or (isinstance(e, asyncio.IncompleteReadError) and e.partial):
                    raise
                # An HTTP/1.1 server may close an idle keep-alive connection without having
                # said `Connection: close` (uwsgi does). Not one byte of an answer came, so the
                # request was not handled: send it again on a fresh connection, as browsers do.
                writer.close()
                reader = writer = None
                result.retried += 1
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, port), timeout
                )
                status, keep = await _exchange(reader, writer, request, timeout)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ProtocolError, ValueError) as e:
            result.errors[type(e).__name__] += 1
            keep = False
            status = None
            await asyncio.sleep(0.01)  # a refused connect must not spin
        if status is not None:
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.statuses[status] += 1
            result.requests += 1
        if not keep and writer is not None:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run_load(
    port: int,
    make_request: Callable[[int], bytes],
    *,
    concurrency: int,
    duration: float | None = None,
    count: int | None = None,
    timeout: float = 30.0,
) -> LoadResult:
    """Send requests from `concurrency` connections until `duration` s pass or `count` are sent.

    make_request(i) gives the raw bytes of request number i (so each can be different). No new
    request starts after the deadline; the whole run is cut off at deadline + timeout anyway.
    """
    if duration is None and count is None:
        raise ValueError("give a duration or a count")
    result = LoadResult(0, 0.0, [], Counter(), Counter(), 0.0)
    started, cpu_started = time.perf_counter(), time.process_time()
    deadline = started + (duration if duration is not None else 3600.0)

    def stop(index: int) -> bool:
        return (count is not None and index >= count) or time.perf_counter() >= deadline

    counter = itertools.count()
    tasks = [
        asyncio.ensure_future(_connection(port, make_request, counter, stop, timeout, result))
        for _ in range(concurrency)
    ]
    cap = (duration if duration is not None else 3600.0) + timeout + 5
    _done, pending = await asyncio.wait(tasks, timeout=cap)
    for task in pending:  # the hard cap: whatever still runs is abandoned
        task.cancel()
        result.errors["cancelled"] += 1
    result.seconds = time.perf_counter() - started
    result.client_cpu = (time.process_time() - cpu_started) / result.seconds
    return result


async def fetch(
    port: int,
    path: str,
    headers: dict[str, str] | None = None,
    timeout: float = 60.0,
    on_data: Callable[[bytes], None] | None = None,
) -> int:
    """One GET; the body goes to on_data. Returns the status."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
    try:
        writer.write(build_request("GET", path, port, headers))
        status, _keep = await asyncio.wait_for(read_response(reader, on_data), timeout)
        return status
    finally:
        writer.close()


# The client's own ceiling: the same client against a server that does next to nothing.

_TRIVIAL_ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"


async def _trivial_server(port_holder: list[int], close_each: bool, ready: asyncio.Event) -> None:
    connection = b"Connection: close\r\n\r\nok\n" if close_each else b"\r\nok\n"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")  # our GETs carry no body
                writer.write(_TRIVIAL_ANSWER + connection)
                await writer.drain()
                if close_each:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, HOST, 0, backlog=1024)
    port_holder.append(server.sockets[0].getsockname()[1])
    ready.set()
    async with server:
        await server.serve_forever()


def _serve_trivial(port_queue, close_each: bool) -> None:  # runs in a child process
    holder: list[int] = []

    async def main() -> None:
        ready = asyncio.Event()
        task = asyncio.ensure_future(_trivial_server(holder, close_each, ready))
        await ready.wait()
        port_queue.put(holder[0])
        await task

    asyncio.run(main())


def client_ceiling(concurrency: int, duration: float, close_each: bool) -> LoadResult:
    """Our client against a trivial asyncio server in another process (the server has a core
    of its own, so this is what the client can do, not what the pair can)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ports = context.Queue()
    server = context.Process(target=_serve_trivial, args=(ports, close_each), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=20)
        request = build_request("GET", "/", port)
        return asyncio.run(
            run_load(port, lambda i: request, concurrency=concurrency, duration=duration)
        )
    finally:
        server.kill()
        server.join(5)
