from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_mail_task


def send_templated_mail(
    *, template: str, to: list[str], context: dict, language: str | None = None
) -> None:
    """Render templates/mail/<template>/{subject.txt,body.txt,body.html} and queue the mail.

    It is queued when the current transaction commits, so that a rolled-back write sends
    nothing; rendering happens now, in `language` (or the active one), so the worker needs no
    request and the text is what the caller saw.
    """
    context = {"site_name": settings.SITE_NAME, **context}
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"mail/{template}/subject.txt", context)
        body_text = render_to_string(f"mail/{template}/body.txt", context)
        body_html = render_to_string(f"mail/{template}/body.html", context)
    transaction.on_commit(
        partial(
            send_mail_task.enqueue,
            subject=" ".join(subject.split()),  # one line: a newline in a header is an error
            body_text=body_text,
            body_html=body_html,
            to=list(to),
        )
    )
