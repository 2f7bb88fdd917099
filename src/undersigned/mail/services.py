from datetime import timedelta

from django.conf import settings
from django.core.mail import make_msgid
from django.db.models.fields.json import KT
from django.utils import timezone, translation

from .models import OutboxMessage
from .tasks import send_mail_task, send_templated_mail_task


def send_templated_mail(
    *, template: str, to: list[str], context: dict, language: str | None = None
) -> None:
    """Queue templates/mail/<template>/{subject.txt,body.txt,body.html} for the worker, which
    renders it in `language` (or the active one) and sends it.

    The task row is written in the caller's transaction, in the same database: it commits with
    the write that caused the mail (one commit, not a second one after it, and no moment in
    which a crash leaves the write without its mail) and a rolled-back write queues nothing.
    The context must be plain data (strings, numbers, lists): it is stored as JSON. Its
    Message-ID is fixed now, so that a mail sent again after a worker died is recognizably the
    same mail.
    """
    send_templated_mail_task.enqueue(
        template=template,
        to=list(to),
        context=context,
        language=language or translation.get_language() or "en",
        message_id=make_msgid(domain=_mail_domain()),
    )


def _mail_domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"


def _finished_mail_tasks():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path__in=[send_mail_task.module_path, send_templated_mail_task.module_path],
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
    )


def forget_recipients(addresses: list[str]) -> int:
    """Delete the sent mail to these addresses from the outbox and from the task results: a
    person who asks to be forgotten must not stay there. Mail not sent yet is left to go."""
    deleted = 0
    for address in {a.strip().lower() for a in addresses if a.strip()}:
        deleted += OutboxMessage.objects.filter(to__iexact=address).delete()[0]
        # "to" is a JSON list: ["ana@example.org"]; its text holds the address in quotes.
        deleted += (
            _finished_mail_tasks()
            .annotate(recipients=KT("args_kwargs__kwargs__to"))
            .filter(recipients__icontains=f'"{address}"')
            .delete()[0]
        )
    return deleted


def prune_sent_mail() -> int:
    """Delete outbox messages and finished mail tasks older than MAIL_KEEP_DAYS."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS)
    deleted = OutboxMessage.objects.filter(created_at__lt=cutoff).delete()[0]
    deleted += _finished_mail_tasks().filter(finished_at__lt=cutoff).delete()[0]
    return deleted
