"""`undersigned inbound`: one message on standard input (a mail server's pipe transport), or an
LMTP listener (--lmtp). The exit code is what the pipe transport expects (sysexits.h)."""

import signal
import sys
import threading
import traceback

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.collection.inbound import (
    EX_OK,
    EX_TEMPFAIL,
    NotAccepted,
    TryLater,
    receive_message,
)
from undersigned.collection.lmtp import lmtp_controller


class Command(BaseCommand):
    stealth_options = ("stdin",)  # tests hand the message in without a process of its own
    help = (
        "Read one e-mail message (RFC 5322) from standard input and take it as a reply to a "
        "statement's address (sign+SLUG@…, INBOUND_MAILBOX): recorded as a signature when DKIM "
        "proves the organization's verified domain and it says “we sign”, otherwise kept for "
        "the coordinators' desk. Exit codes: 0 accepted, 65 not accepted, 67 no such address, "
        "75 try again later. With --lmtp, listen for LMTP instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--recipient",
            default="",
            help="The envelope recipient (Postfix: ${original_recipient}); without it the "
            "Delivered-To, X-Original-To, To and Cc fields are read.",
        )
        parser.add_argument("--lmtp", action="store_true", help="Run an LMTP listener.")
        parser.add_argument("--host", default="127.0.0.1", help="LMTP: address to listen on.")
        parser.add_argument("--port", type=int, default=8024, help="LMTP: port to listen on.")

    def handle(self, *args, recipient: str, lmtp: bool, host: str, port: int, **options) -> None:
        if not settings.INBOUND_MAILBOX:
            if lmtp:
                raise CommandError("Set INBOUND_MAILBOX (e.g. sign@example.org) first.")
            # The mail server keeps the message and tries again once it is set.
            self.stderr.write("undersigned inbound: INBOUND_MAILBOX is not set")
            raise SystemExit(EX_TEMPFAIL)
        if lmtp:
            self._serve(host, port)
            return
        source = options.get("stdin") or sys.stdin.buffer
        raw = source.read(settings.INBOUND_MAX_BYTES + 1)
        code = self._deliver(raw, recipient)
        if code != EX_OK:
            raise SystemExit(code)

    def _deliver(self, raw: bytes, recipient: str) -> int:
        try:
            delivery = receive_message(raw=raw, recipient=recipient)
        except (NotAccepted, TryLater) as refusal:
            self.stderr.write(f"undersigned inbound: {refusal}")
            return refusal.exit_code
        except Exception:  # the database away, a bug: the mail server keeps the message
            self.stderr.write(traceback.format_exc())
            return EX_TEMPFAIL
        message = delivery.message
        state = message.state if delivery.created else f"received before ({message.state})"
        self.stdout.write(f"message {message.pk} for {message.statement.slug}: {state}")
        return EX_OK

    def _serve(self, host: str, port: int) -> None:
        controller = lmtp_controller(host, port)
        controller.start()
        self.stdout.write(f"Listening for LMTP on {host}:{port}.")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *a: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
