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
from django.core.management.base import CommandError, CommandParser
from django.db import close_old_connections, transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker, logger
from django_tasks_db.models import DBTaskResult, TaskResultStatus
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

log = logging.getLogger(__name__)

# A task RUNNING this long was surely abandoned, whichever machine ran it: a mail takes seconds
# (the SMTP timeout is 10 s), and we cannot see whether a worker on another machine is alive.
ABANDONED_AFTER = timedelta(hours=1)


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


def requeue_abandoned_tasks() -> int:
    """Tasks left RUNNING by a worker that died (SIGKILL, a crash on a locked database) are made
    ready again, so that a mail in flight is sent at least once. It may be sent twice: the mail
    keeps its Message-ID, by which a receiving server can drop the duplicate."""
    cutoff = timezone.now() - ABANDONED_AFTER
    requeued = 0
    for pk, started_at, worker_ids in DBTaskResult.objects.running().values_list(
        "pk", "started_at", "worker_ids"
    ):
        last = worker_ids[-1] if worker_ids else ""
        if not (_is_dead_here(last) or (started_at and started_at < cutoff)):
            continue
        requeued += DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None, run_after=timezone.now()
        )
    if requeued:
        log.warning("Requeued %d task(s) left running by a worker that died.", requeued)
    return requeued


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
        """Hand back tasks claimed by a worker that died (SIGKILL, a lost machine) before it
        recorded them: RUNNING for longer than TASK_STALE_SECONDS. A batch is up to 50 mails;
        without this they would never be sent. A mail sent twice is better than none (it keeps
        its Message-ID)."""
        now = time.monotonic()
        if now - self._last_requeue < 60:
            return 0
        self._last_requeue = now
        stale = timezone.now() - timedelta(seconds=settings.TASK_STALE_SECONDS)
        try:
            count = DBTaskResult.objects.filter(
                backend_name=self.backend_name,
                status=TaskResultStatus.RUNNING,
                started_at__lt=stale,
            ).update(status=TaskResultStatus.READY, started_at=None)
        except OperationalError as error:
            if is_locked_database_exception(error):
                return 0
            raise
        if count:
            logger.warning("Requeued %d tasks abandoned by a worker that stopped.", count)
        # And at once those of a worker on this machine whose process is gone (killed with a
        # batch in hand, and not started again): they need not wait TASK_STALE_SECONDS.
        return count + requeue_abandoned_tasks()

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


class Command(DbWorkerCommand):
    """django-tasks-db's `db_worker` under our name, so operators need to know one command."""

    help = (
        "Run background tasks (sending mail) from the database queue. `undersigned serve` "
        "already runs one worker beside the web server; run this yourself in deployments at "
        "scale, where web and worker processes run separately (`serve --no-worker`), as many "
        "as you like on the same database. --batch runs what is queued and exits. Stop it with "
        "Ctrl+C or SIGTERM: it finishes the tasks in hand first. On start it runs again the tasks "
        "that a worker which died left unfinished."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--batch-size",
            type=int,
            default=settings.TASK_BATCH_SIZE,
            help="Tasks taken from the queue at a time (default %(default)s, env TASK_BATCH_SIZE).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=settings.TASK_THREADS,
            help="Threads that run a batch's tasks, each with its own SMTP connection (default "
            "%(default)s, env TASK_THREADS): one mail's wait for the server overlaps the next.",
        )
        # Both queues unless told: mail ("default") and PDF renders ("pdf"). At scale, run one
        # worker with --queue-name pdf and the others with --queue-name default.
        parser.set_defaults(worker_id=worker_id(), queue_name="default,pdf")

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        batch_size: int,
        threads: int,
        **options,
    ) -> None:
        # The stock handle() with our worker class in place of its own.
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if threads < 1:
            raise CommandError("--threads must be at least 1.")
        self.configure_logging(verbosity)
        requeue_abandoned_tasks()
        for hook in settings.WORKER_STARTUP_HOOKS:
            import_string(hook)()
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = BatchWorker(
            batch_size=batch_size,
            threads=threads,
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child the reloader runs
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
