"""The coordinators' daily summary, run by the worker once a day (it queues its next run)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

DIGEST_EVERY = timedelta(days=1)


@task()
def send_digests_task() -> str:
    from undersigned.signing.notices import send_daily_digests

    try:
        sent = send_daily_digests()
    finally:
        send_digests_task.using(run_after=timezone.now() + DIGEST_EVERY).enqueue()
    return f"queued {sent}"


def schedule_digests(**kwargs) -> None:
    """Queue the daily summaries unless they are queued already (called as a worker starts)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=send_digests_task.module_path, status=TaskResultStatus.READY
    )
    if not queued.exists():
        send_digests_task.using(run_after=timezone.now() + DIGEST_EVERY).enqueue()
