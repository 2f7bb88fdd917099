"""The task worker's engine: claim ready tasks a batch at a time, run them, record their results
in one transaction; hand back the tasks of a worker that died. `undersigned worker` runs it in a
loop (core/management/commands/worker.py); `drain()` runs what is due now and returns, for the
tests and for one-off runs.
"""

import json
import logging
import os
import random
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker, logger
from django_tasks_db.models import DBTaskResult, TaskResultStatus
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

log = logging.getLogger(__name__)


def worker_id() -> str:
    """host:pid:random — so that a worker starting on the same host can tell whether the worker
    that claimed a task is still alive (django-tasks-db's default is only random)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"


def _is_dead_here(claimed_by: str) -> bool:
    host, _sep, rest = claimed_by.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def requeue_abandoned(backend_name: str = "default") -> int:
    """Hand back the tasks a worker claimed and never recorded (it was SIGKILLed, its machine was
    lost): those RUNNING for longer than TASK_STALE_SECONDS, whichever machine ran them (a mail
    takes seconds, the SMTP timeout is 10 s, and we cannot see whether a worker elsewhere is
    alive), and at once those of a worker on this machine whose process is gone. A batch is up
    to TASK_BATCH_SIZE mails; without this they would never be sent. Mail that was sent before
    the kill is not sent again (mail.tasks checks its Message-ID)."""
    stale = timezone.now() - timedelta(seconds=settings.TASK_STALE_SECONDS)
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    abandoned = [
        pk
        for pk, started_at, ids in running.values_list("pk", "started_at", "worker_ids")
        if (started_at and started_at < stale) or _is_dead_here(ids[-1] if ids else "")
    ]
    if not abandoned:
        return 0
    try:
        count = running.filter(pk__in=abandoned).update(
            status=TaskResultStatus.READY, started_at=None
        )
    except OperationalError as error:
        if is_locked_database_exception(error):  # SQLite busy: the next look takes them
            return 0
        raise
    if count:
        log.warning("Requeued %d task(s) left running by a worker that stopped.", count)
    return count


class BatchWorker(Worker):
    """django-tasks-db's worker, taking up to `batch_size` ready tasks at a time.

    The stock worker spends two write transactions per task (claim it, record its result) around
    the task's own work; on SQLite each commit is an fsync, and a confirmation mail per signature
    made the queue grow faster than it drained. Here one transaction claims a batch and one
    records the batch's results. Tasks still run one by one, outside any transaction (a slow
    SMTP server must not hold SQLite's write lock), and the mail tasks keep one SMTP connection
    open across them (mail.tasks).
    """

    def __init__(self, *, batch_size: int, threads: int = 1, **kwargs) -> None:
        super().__init__(**kwargs)
        self.batch_size = batch_size
        self._last_requeue = float("-inf")
        # Several threads run a batch's tasks: a mail's wait for the SMTP server (and for the
        # database) overlaps the next one's rendering, at the memory of one process.
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="task") if threads > 1 else None

    def run(self) -> None:
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, self.queue_names)
        if self.startup_delay and self.interval:
            time.sleep(random.random())
        while self.running:
            close_old_connections()
            claimed, retrieved = self.claim_batch()
            if claimed:
                self.run_batch(claimed)
            if self.batch and retrieved and not claimed:
                logger.info("No more tasks to run for worker_id=%s - exiting.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info("Ran the maximum of %d tasks - exiting.", self._run_tasks)
                return
            close_old_connections()
            if self.running and not claimed:
                time.sleep(self.interval)

    def requeue_abandoned(self) -> int:
        """requeue_abandoned() at most once a minute: a dead neighbour's batch waits no longer."""
        now = time.monotonic()
        if now - self._last_requeue < 60:
            return 0
        self._last_requeue = now
        return requeue_abandoned(self.backend_name)

    def claim_batch(self) -> tuple[list[DBTaskResult], bool]:
        """Lock and mark RUNNING up to batch_size ready tasks; (them, whether the query ran)."""
        self.requeue_abandoned()
        size = self.batch_size
        if self.max_tasks is not None:
            size = max(1, min(size, self.max_tasks - self._run_tasks))
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                claimed = list(tasks.select_for_update(skip_locked=True)[:size])
                now = timezone.now()
                for result in claimed:
                    result.status = TaskResultStatus.RUNNING
                    result.started_at = now
                    result.worker_ids = [*result.worker_ids, self.worker_id]
                # One UPDATE per distinct worker history (a new task has none): usually one
                # for the batch, where bulk_update built a CASE per row and field.
                _update_grouped(
                    claimed,
                    key=lambda r: tuple(r.worker_ids),
                    fields=lambda r: {
                        "status": TaskResultStatus.RUNNING,
                        "started_at": now,
                        "worker_ids": r.worker_ids,
                    },
                )
        except OperationalError as error:
            if is_locked_database_exception(error):  # SQLite busy: try again next round
                return [], False
            raise
        return claimed, True

    def run_batch(self, claimed: list[DBTaskResult]) -> None:
        outcomes = self._run_threaded(claimed) if self._pool else self._run_in_turn(claimed)
        now = timezone.now()
        with transaction.atomic():
            succeeded = []
            for db_result, ok, value in outcomes:
                if ok:
                    db_result.status, db_result.finished_at = TaskResultStatus.SUCCESSFUL, now
                    db_result.return_value = value
                    db_result.exception_class_path = db_result.traceback = ""
                    succeeded.append(db_result)
                else:
                    db_result.set_failed(value)
            # As set_successful() would, one UPDATE per distinct return value ("sent").
            _update_grouped(
                succeeded,
                key=lambda r: json.dumps(r.return_value, sort_keys=True, default=str),
                fields=lambda r: {
                    "status": TaskResultStatus.SUCCESSFUL,
                    "finished_at": now,
                    "return_value": r.return_value,
                    "exception_class_path": "",
                    "traceback": "",
                },
            )
        for db_result, _ok, _value in outcomes:
            try:
                sender = type(db_result.task.get_backend())
            except Exception:  # the task's module is gone: recorded as failed above
                continue
            task_finished.send(sender=sender, task_result=db_result.task_result)

    def _run_in_turn(self, claimed: list[DBTaskResult]) -> list[tuple]:
        outcomes = []
        for index, db_result in enumerate(claimed):
            if not self.running:  # stopping: hand back what was not started
                self.release(claimed[index:])
                break
            outcomes.append((db_result, *self.call(db_result)))
        return outcomes

    def _run_threaded(self, claimed: list[DBTaskResult]) -> list[tuple]:
        def run(db_result: DBTaskResult) -> tuple | None:
            if not self.running:  # stopping: not started, handed back below
                return None
            close_old_connections()  # this thread's own connection, as the loop does for its
            return (db_result, *self._invoke(db_result))

        self.running_task = True
        try:
            done = list(self._pool.map(run, claimed))
        finally:
            self.running_task = False
        outcomes = [outcome for outcome in done if outcome is not None]
        self._run_tasks += len(outcomes)
        if not_started := [r for r, outcome in zip(claimed, done, strict=True) if not outcome]:
            self.release(not_started)
        return outcomes

    def call(self, db_result: DBTaskResult) -> tuple[bool, object]:
        """Run one task: (True, its return value) or (False, the exception it raised)."""
        self.running_task = True
        try:
            return self._invoke(db_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _invoke(self, db_result: DBTaskResult) -> tuple[bool, object]:
        try:
            task = db_result.task
            task_result = db_result.task_result
            task_started.send(sender=type(task.get_backend()), task_result=task_result)
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                )
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            return True, value
        except BaseException as error:  # as the stock worker: a failure is recorded, not fatal
            return False, error

    def release(self, results: list[DBTaskResult]) -> None:
        DBTaskResult.objects.filter(
            pk__in=[r.pk for r in results], status=TaskResultStatus.RUNNING
        ).update(status=TaskResultStatus.READY, started_at=None)


def _update_grouped(results: list[DBTaskResult], *, key: Callable, fields: Callable) -> None:
    """Write `fields(result)` to the results, one UPDATE per group of equal `key(result)`."""
    groups: dict[object, list[DBTaskResult]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    for members in groups.values():
        DBTaskResult.objects.filter(pk__in=[r.pk for r in members]).update(**fields(members[0]))


def drain(*, batch_size: int | None = None, threads: int = 1, worker_id: str = "drain") -> list:
    """Run every task that is due now, batch by batch, in this process, and return their results
    (DBTaskResult, as recorded). What the loop of `undersigned worker` does, without its signal
    handlers and without closing the caller's database connection: for tests and one-off runs."""
    worker = BatchWorker(
        batch_size=batch_size or settings.TASK_BATCH_SIZE,
        threads=threads,
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    results: list[DBTaskResult] = []
    for _round in range(1000):  # tasks that keep queueing tasks due at once would never end
        claimed, _retrieved = worker.claim_batch()
        if not claimed:
            return results
        worker.run_batch(claimed)
        results += claimed
    raise RuntimeError("Tasks keep queueing tasks that are due at once.")
