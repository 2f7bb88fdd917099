"""Sending mail in the background, retrying what a later attempt may fix; pruning what was sent."""

import logging
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger(__name__)

# Wait before attempt 2, 3, 4, 5; after the fifth failure we give up (about 2.6 hours in all).
RETRY_DELAYS = tuple(timedelta(minutes=m) for m in (1, 5, 30, 120))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
PRUNE_EVERY = timedelta(hours=1)
# How long a sent mail's Message-ID is remembered: far longer than a task that a dead worker left
# takes to run again (TASK_STALE_SECONDS at most). In the cache that is never evicted ("limits":
# entries only expire), which is shared by every machine when it is Redis.
SENT_MARK_SECONDS = 2 * 24 * 3600

# One SMTP connection per worker thread, kept open across messages: a new one costs a TCP
# handshake, EHLO, often STARTTLS and AUTH, several times the cost of sending a message. Closed
# and opened afresh after this long unused, before the server's own idle timeout (commonly 60 s
# or more) can leave us holding a dead one.
IDLE_SECONDS = 20
_CONNECTION_SETTINGS = (
    *("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT"),
    *("EMAIL_HOST_USER", "EMAIL_USE_TLS", "EMAIL_USE_SSL"),
)
# Per thread: the worker sends a batch's mails from several threads (TASK_THREADS), each over
# its own connection, so that one mail's wait for the server overlaps another's rendering.
_local = threading.local()


def _mail_settings() -> tuple:
    return tuple(getattr(settings, name, None) for name in _CONNECTION_SETTINGS)


def kept_connection() -> BaseEmailBackend | None:
    return getattr(_local, "connection", None)


def shared_connection() -> BaseEmailBackend:
    """The mail connection this thread keeps open (opened on first use; opened afresh when
    idle too long or when the mail settings changed, as tests change them)."""
    now, wanted = time.monotonic(), _mail_settings()
    connection = kept_connection()
    if connection is not None and (
        now - _local.last_used > IDLE_SECONDS or _local.settings != wanted
    ):
        close_shared_connection()
        connection = None
    if connection is None:
        connection = get_connection()
        connection.open()
        _local.connection, _local.settings = connection, wanted
    _local.last_used = now
    return connection


def close_shared_connection() -> None:
    connection, _local.connection = kept_connection(), None
    if connection is not None:
        try:
            connection.close()
        except Exception:  # it is gone either way
            logger.debug("Closing the mail connection failed", exc_info=True)


def _send(message: EmailMultiAlternatives) -> None:
    """Send on the shared connection; once more on a fresh one if the kept one was dead."""
    reused = kept_connection() is not None
    message.connection = shared_connection()
    try:
        message.send()
    except Exception as error:
        # After any error the state of the SMTP session is unknown: never reuse it.
        close_shared_connection()
        if not (reused and isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError)):
            raise
        message.connection = shared_connection()
        message.send()


@task()
def send_mail_task(
    subject: str,
    body_text: str,
    body_html: str,
    to: list[str],
    attempt: int = 1,
    message_id: str = "",
) -> str:
    """Send one mail rendered beforehand; re-enqueue itself on a temporary failure."""

    def again(run_after: datetime, attempt: int) -> None:
        send_mail_task.using(run_after=run_after).enqueue(
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            to=to,
            attempt=attempt,
            message_id=message_id,
        )

    return _deliver(subject, body_text, body_html, to, attempt, again, message_id)


@task()
def send_templated_mail_task(
    template: str,
    to: list[str],
    context: dict,
    language: str,
    attempt: int = 1,
    message_id: str = "",
) -> str:
    """Render templates/mail/<template>/ in `language` and send it (mail.services queues it):
    rendering three templates is work the request that queued the mail need not wait for."""
    subject, body_text, body_html = render_mail(template, context, language)

    def again(run_after: datetime, attempt: int) -> None:
        send_templated_mail_task.using(run_after=run_after).enqueue(
            template=template,
            to=to,
            context=context,
            language=language,
            attempt=attempt,
            message_id=message_id,
        )

    return _deliver(subject, body_text, body_html, to, attempt, again, message_id)


def render_mail(template: str, context: dict, language: str) -> tuple[str, str, str]:
    """(subject on one line, text, HTML) of templates/mail/<template>/ in `language`."""
    with translation.override(language):
        # The page's language and direction: a Persian mail reads right to left.
        context = {
            "site_name": settings.SITE_NAME,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            **context,
        }
        subject = render_to_string(f"mail/{template}/subject.txt", context)
        body_text = render_to_string(f"mail/{template}/body.txt", context)
        body_html = render_to_string(f"mail/{template}/body.html", context)
    return " ".join(subject.split()), body_text, body_html  # a newline in a header is an error


def _deliver(
    subject: str,
    body_text: str,
    body_html: str,
    to: list[str],
    attempt: int,
    again: Callable[[datetime, int], None],
    message_id: str = "",
) -> str:
    """Send; on a temporary failure queue `again` for later. Returns what happened.

    Sending is at least once: a worker records its tasks as done a batch at a time, and one that
    is killed mid-batch leaves them to run again. So each mail, once the SMTP server accepted
    it, marks its Message-ID (fixed when the mail was queued) as sent, and a mail marked sent is
    not sent again. What remains: a kill between the server's "250 accepted" and the mark (a
    moment), or a connection lost after the server accepted the data, sends it twice, with the
    same Message-ID, by which a receiving server can recognize the duplicate.
    """
    if message_id and _marked_sent(message_id):
        logger.info("Mail %s was sent already; not again.", message_id)
        return "sent already"
    headers = {"Message-ID": message_id} if message_id else None
    message = EmailMultiAlternatives(subject=subject, body=body_text, to=to, headers=headers)
    if body_html:
        message.attach_alternative(body_html, "text/html")
    try:
        _send(message)
    except Exception as error:
        if not is_temporary(error):
            # Raising records the failure (with traceback) on the task result for the admin.
            logger.error("Mail %r to %s failed permanently: %r", subject, to, error)
            raise
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Mail %r to %s failed %d times; giving up: %r", subject, to, attempt, error
            )
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning("Mail %r to %s failed (%r); retrying in %s.", subject, to, error, delay)
        again(timezone.now() + delay, attempt + 1)
        return "retrying"
    if message_id:
        _mark_sent(message_id)
    return "sent"


# A cache that cannot be reached neither stops a mail nor fails one that was sent: without the
# mark a mail is at least once, as before.
def _marked_sent(message_id: str) -> bool:
    try:
        return bool(caches["limits"].get(f"mail-sent:{message_id}"))
    except Exception:
        logger.warning("Could not read whether mail %s was sent", message_id, exc_info=True)
        return False


def _mark_sent(message_id: str) -> None:
    try:
        caches["limits"].set(f"mail-sent:{message_id}", 1, SENT_MARK_SECONDS)
    except Exception:
        logger.warning("Could not mark mail %s as sent", message_id, exc_info=True)


def is_temporary(error: Exception) -> bool:
    """Whether sending again later may succeed: network trouble or a 4xx answer."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # Raised only when every recipient was refused; retry if any refusal was temporary.
        return any(400 <= code < 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException | ssl.SSLError):
        # No STARTTLS, a bad certificate…: the configuration is wrong, retrying will not help.
        return False
    # Connection refused or reset, timeouts, DNS failures.
    return isinstance(error, OSError)


@task()
def prune_mail_task() -> str:
    """Delete sent mail (outbox) and finished task results past their keeping time: both hold
    addresses and links. Runs every hour: it queues its next run itself."""
    from undersigned.mail.services import prune_sent_mail

    try:
        deleted = prune_sent_mail()
    finally:
        prune_mail_task.using(run_after=timezone.now() + PRUNE_EVERY).enqueue()
    return f"deleted {deleted}"


def schedule_pruning(**kwargs) -> None:
    """Queue the hourly pruning unless it is queued already (called when a worker starts)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=prune_mail_task.module_path, status=TaskResultStatus.READY
    )
    if not queued.exists():
        prune_mail_task.enqueue()
