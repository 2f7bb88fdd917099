from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from .models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    """Store mail in the database instead of sending it: the embedded and demo mode.

    Unlike Django's locmem backend this works across processes (the worker writes, the web
    process shows it) and survives restarts.
    """

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        rows = [_outbox_message(message) for message in email_messages if message.recipients()]
        OutboxMessage.objects.bulk_create(rows)
        return len(rows)


def _outbox_message(message: EmailMessage) -> OutboxMessage:
    text, html = "", ""
    if message.content_subtype == "html":
        html = message.body
    else:
        text = message.body
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html" and not html:
            html = content
    return OutboxMessage(
        to=", ".join(message.recipients()),
        subject=message.subject,
        body_text=text,
        body_html=html,
        message_id=message.message()["Message-ID"] or "",
    )
