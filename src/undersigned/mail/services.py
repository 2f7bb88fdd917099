from django.utils import translation

from .tasks import send_templated_mail_task


def send_templated_mail(
    *, template: str, to: list[str], context: dict, language: str | None = None
) -> None:
    """Queue templates/mail/<template>/{subject.txt,body.txt,body.html} for the worker, which
    renders it in `language` (or the active one) and sends it.

    The task row is written in the caller's transaction, in the same database: it commits with
    the write that caused the mail (one commit, not a second one after it, and no moment in
    which a crash leaves the write without its mail) and a rolled-back write queues nothing.
    The context must be plain data (strings, numbers, lists): it is stored as JSON.
    """
    send_templated_mail_task.enqueue(
        template=template,
        to=list(to),
        context=context,
        language=language or translation.get_language() or "en",
    )
