"""A worker killed mid-batch left its tasks RUNNING; they ran again and 49 confirmation mails
went out twice with the same Message-ID. A mail the SMTP server accepted is marked sent by its
Message-ID as it goes, and a task that runs again does not send it again."""

import subprocess

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from undersigned.core.worker import BatchWorker, drain, worker_id
from undersigned.mail import tasks
from undersigned.mail.services import send_templated_mail

from .mailserver import _run_pending_on_commit_callbacks

pytestmark = pytest.mark.django_db


def a_worker_that_dies_mid_batch(sent: int) -> None:
    """Claims the whole queue, sends `sent` of its mails, and is SIGKILLed before it records any."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    claimed_by = f"{worker_id().split(':')[0]}:{dead.pid}:gone"
    worker = BatchWorker(
        batch_size=50, queue_names=["*"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id=claimed_by, excluded_queue_names=[],
    )  # fmt: skip
    claimed, _ = worker.claim_batch()
    for result in claimed[:sent]:  # the task's own work, as the worker runs it
        result.task.call(*result.task_result.args, **result.task_result.kwargs)
    tasks.close_shared_connection()


def test_mails_sent_before_the_kill_are_not_sent_again(smtp_server):
    for i in range(5):
        send_templated_mail(template="test", to=[f"p{i}@example.org"], context={"name": f"P{i}"})
    _run_pending_on_commit_callbacks()
    a_worker_that_dies_mid_batch(sent=3)
    assert len(smtp_server.messages) == 3
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 5

    results = drain()  # the next worker hands the dead one's tasks back and runs them
    tasks.close_shared_connection()
    assert sorted(r.return_value for r in results) == ["sent", "sent"] + ["sent already"] * 3
    assert {r.status for r in DBTaskResult.objects.all()} == {TaskResultStatus.SUCCESSFUL}
    ids = [m["Message-ID"] for m in smtp_server.messages]
    assert sorted(m["To"] for m in smtp_server.messages) == [f"p{i}@example.org" for i in range(5)]
    assert len(set(ids)) == 5
