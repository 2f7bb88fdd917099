import os

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from undersigned.core.worker import BatchWorker, requeue_abandoned, worker_id


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
        requeue_abandoned(backend_name)
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
