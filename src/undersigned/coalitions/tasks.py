"""Background work of the coalitions app: checking verified domain proofs again."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

RECHECK_EVERY = timedelta(hours=1)


@task()
def recheck_domain_proofs_task() -> str:
    """Check the proofs that are due again (coalitions.domains); runs every hour and queues its
    next run itself."""
    from undersigned.coalitions.domains import recheck_domain_proofs

    try:
        counts = recheck_domain_proofs()
    finally:
        recheck_domain_proofs_task.using(run_after=timezone.now() + RECHECK_EVERY).enqueue()
    return ", ".join(f"{state} {count}" for state, count in sorted(counts.items())) or "none due"


def schedule_domain_rechecks(**kwargs) -> None:
    """Queue the hourly re-check unless it is queued already (called when a worker starts)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=recheck_domain_proofs_task.module_path, status=TaskResultStatus.READY
    )
    if not queued.exists():
        recheck_domain_proofs_task.enqueue()
