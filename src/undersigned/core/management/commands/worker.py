from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    """django-tasks-db's `db_worker` under our name, so operators need to know one command."""

    help = (
        "Run background tasks (sending mail) from the database queue. `undersigned serve` "
        "already runs one worker beside the web server; run this yourself in deployments at "
        "scale, where web and worker processes run separately (`serve --no-worker`), as many "
        "as you like on the same database. --batch runs what is queued and exits. Stop it with "
        "Ctrl+C or SIGTERM: it finishes the task in hand first."
    )
