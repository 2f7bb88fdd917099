"""An LMTP listener (aiosmtpd) for mail servers that deliver that way: each recipient of each
message goes through collection.inbound.receive_message, and gets its own reply (RFC 2033).

The database is reached from worker threads (Django's ORM refuses the event loop's thread);
each call closes the connections it leaves stale, as a request would.
"""

from email.utils import parseaddr

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from undersigned.collection.inbound import (
    NotAccepted,
    TryLater,
    receive_message,
    statement_for_address,
)


def _with_fresh_connections(function):
    def call(*args, **kwargs):
        close_old_connections()
        try:
            return function(*args, **kwargs)
        finally:
            close_old_connections()

    return sync_to_async(call, thread_sensitive=False)


def _known(address: str) -> bool:
    return statement_for_address(address) is not None


def _deliver(raw: bytes, recipient: str) -> str:
    try:
        delivery = receive_message(raw=raw, recipient=recipient)
    except (NotAccepted, TryLater) as refusal:
        return refusal.smtp_reply
    except Exception:  # anything unforeseen (the database away): the server keeps the message
        return TryLater.smtp_reply
    if not delivery.created:
        return "250 2.0.0 Received before"
    return f"250 2.0.0 Received ({delivery.message.get_state_display()})"


class InboundHandler:
    async def handle_RCPT(self, server, session, envelope, address: str, rcpt_options: list):
        try:
            known = await _with_fresh_connections(_known)(parseaddr(address)[1])
        except Exception:
            return TryLater.smtp_reply
        if not known:
            return "550 5.1.1 No such statement address"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        deliver = _with_fresh_connections(_deliver)
        replies = [await deliver(raw, recipient) for recipient in envelope.rcpt_tos]
        # LMTP answers DATA once per accepted recipient, in their order.
        return "\r\n".join(replies) or "503 5.5.1 No recipients"


class LMTPController(Controller):
    def factory(self) -> LMTP:
        return LMTP(
            self.handler,
            data_size_limit=settings.INBOUND_MAX_BYTES,
            enable_SMTPUTF8=True,
            decode_data=False,
            ident="undersigned LMTP",
        )


def lmtp_controller(host: str, port: int) -> Controller:
    return LMTPController(InboundHandler(), hostname=host, port=port)
