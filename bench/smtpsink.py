"""An SMTP server on 127.0.0.1 that accepts every message and keeps none, for the benchmark's
mail figures (the worker sends real SMTP, over a connection it keeps).

    python -m bench.smtpsink --port 2525
"""

import argparse
import asyncio
import signal


class Sink:
    received = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        Sink.received += 1
        return "250 Message accepted for delivery"


def main(argv: list[str] | None = None) -> None:
    from aiosmtpd.controller import Controller

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    controller = Controller(Sink(), hostname="127.0.0.1", port=args.port)
    controller.start()

    async def wait() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()

    try:
        asyncio.run(wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
