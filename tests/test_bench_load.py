"""The load generator must survive a server that closes idle keep-alive connections silently.

An HTTP/1.1 server may close a connection after an answer without having said
`Connection: close` (uwsgi does). A client that reuses it sees the next request fail before any
byte of an answer; it must send that request again on a fresh connection rather than count an
error for every other request.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.load import HOST, build_request, run_load

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"


async def _load_against_silent_closer(requests: int):
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(ANSWER)  # keep-alive by HTTP/1.1 default…
            await writer.drain()
        finally:
            writer.close()  # …but closed all the same

    server = await asyncio.start_server(handle, HOST, 0)
    port = server.sockets[0].getsockname()[1]
    request = build_request("GET", "/", port)
    async with server:
        return await run_load(port, lambda i: request, concurrency=2, count=requests, timeout=10)


def test_silently_closed_keep_alive_connection_is_not_an_error():
    # In a thread of its own: Playwright's sync API leaves an event loop in pytest's main thread.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(asyncio.run, _load_against_silent_closer(40)).result()
    assert dict(result.errors) == {}
    assert result.statuses == {200: 40}
    assert result.retried > 0  # the case did happen: requests went out on a closed connection
