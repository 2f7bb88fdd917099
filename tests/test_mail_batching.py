"""The worker takes queued mail in batches and sends it over one kept SMTP connection per
thread."""

import socket

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from undersigned.core.worker import BatchWorker, drain
from undersigned.mail import tasks
from undersigned.mail.services import send_templated_mail

from .mailserver import _run_pending_on_commit_callbacks

pytestmark = pytest.mark.django_db


def queue_mails(count: int) -> None:
    for i in range(count):
        send_templated_mail(template="test", to=[f"p{i}@example.org"], context={"name": f"P{i}"})
    _run_pending_on_commit_callbacks()  # as if each request had committed


def worker(batch_size: int = 50, threads: int = 1) -> BatchWorker:
    return BatchWorker(
        batch_size=batch_size,
        threads=threads,
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )


def run_once(w: BatchWorker) -> list[DBTaskResult]:
    # Not w.run(): it installs signal handlers and closes the test's database connection.
    claimed, _ = w.claim_batch()
    w.run_batch(claimed)
    return claimed


def test_a_batch_is_claimed_at_once_and_sent_over_one_connection(smtp_server):
    queue_mails(6)
    with CaptureQueriesContext(connection) as queries:
        claimed, retrieved = worker().claim_batch()
    assert retrieved and len(claimed) == 6
    claims = [q for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    claims = [q for q in claims if "worker_ids" in q["sql"]]  # not the abandoned-task check
    assert len(claims) == 1
    worker().run_batch(claimed)
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}
    assert sorted(m["To"] for m in smtp_server.messages) == [f"p{i}@example.org" for i in range(6)]
    assert len(set(smtp_server.peers)) == 1, "one SMTP connection for the whole batch"
    tasks.close_shared_connection()


def test_batches_follow_each_other_until_the_queue_is_empty(smtp_server):
    queue_mails(5)
    w = worker(batch_size=2)
    sizes = [len(run_once(w)) for _ in range(4)]
    assert sizes == [2, 2, 1, 0]
    assert len(smtp_server.messages) == 5
    tasks.close_shared_connection()


def test_a_dropped_smtp_connection_is_replaced_without_losing_the_mail(smtp_server):
    queue_mails(1)
    drain()
    # The server (or a NAT on the way) drops the idle connection we keep.
    tasks.kept_connection().connection.sock.shutdown(socket.SHUT_RDWR)
    queue_mails(1)
    drain()
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}
    assert len(smtp_server.messages) == 2
    assert len(set(smtp_server.peers)) == 2
    tasks.close_shared_connection()


def test_a_stopping_worker_hands_back_the_tasks_it_did_not_start(smtp_server):
    queue_mails(3)
    w = worker()
    claimed, _ = w.claim_batch()
    w.running = False  # SIGTERM arrived
    w.run_batch(claimed)
    assert DBTaskResult.objects.filter(status="READY").count() == 3
    assert not smtp_server.messages


def test_tasks_left_running_by_a_dead_worker_are_handed_back(smtp_server, settings):
    from datetime import timedelta

    from django.utils import timezone

    queue_mails(2)
    dead = worker()
    dead.claim_batch()  # …and then it was SIGKILLed
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 2
    DBTaskResult.objects.update(started_at=timezone.now() - timedelta(minutes=11))
    sent = drain()
    assert len(sent) == 2 and len(smtp_server.messages) == 2
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}
    tasks.close_shared_connection()


def test_a_task_running_briefly_is_not_taken_from_its_worker(smtp_server):
    queue_mails(1)
    worker().claim_batch()
    assert drain() == []
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1


def test_threads_send_a_batch_over_a_connection_each_and_record_every_result(smtp_server):
    queue_mails(12)
    w = worker(threads=4)
    claimed = run_once(w)
    assert len(claimed) == 12
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(
        f"p{i}@example.org" for i in range(12)
    )
    assert 1 < len(set(smtp_server.peers)) <= 4, "a kept connection per thread"


def test_a_stopping_threaded_worker_hands_back_what_it_did_not_start(smtp_server):
    queue_mails(5)
    w = worker(threads=4)
    claimed, _ = w.claim_batch()
    w.running = False  # SIGTERM arrived
    w.run_batch(claimed)
    assert {r.status for r in DBTaskResult.objects.all()} == {"READY"}
    assert smtp_server.messages == []
