"""Sending mail in the background, retrying what a later attempt may fix."""

import logging
import smtplib
import ssl
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Wait before attempt 2, 3, 4, 5; after the fifth failure we give up (about 2.6 hours in all).
RETRY_DELAYS = tuple(timedelta(minutes=m) for m in (1, 5, 30, 120))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


@task()
def send_mail_task(
    subject: str, body_text: str, body_html: str, to: list[str], attempt: int = 1
) -> str:
    """Send one mail; re-enqueue itself on a temporary failure. Returns what happened."""
    message = EmailMultiAlternatives(subject=subject, body=body_text, to=to)
    if body_html:
        message.attach_alternative(body_html, "text/html")
    try:
        message.send()
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
        send_mail_task.using(run_after=timezone.now() + delay).enqueue(
            subject=subject, body_text=body_text, body_html=body_html, to=to, attempt=attempt + 1
        )
        return "retrying"
    return "sent"


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
