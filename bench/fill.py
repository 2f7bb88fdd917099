"""Make a seeded site look as if N more people had signed through the site: their rows, the
rate-limit entries their signatures left in the cache, and their finished mail tasks.

    python -m bench.fill --count 200000   (with the server's environment)

The benchmark measures the endorse figure again afterwards: a cost that grows with the number of
cache entries or task rows shows there. Going through HTTP would take the better part of an
hour at ~100 signatures a second, so the state is written directly, by the same functions the
endorse path uses for the cache (core.ratelimit).
"""

import argparse
import os
import sys
import time
import uuid

from bench.seed import _copy_postgresql, _icor, _insert_sqlite, progress


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--offset", type=int, default=10_000_000, help="first e-mail number")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    import django

    django.setup()
    from django.db import connection

    statement = _icor()
    t = time.monotonic()
    if connection.vendor == "postgresql":
        _copy_postgresql(statement.pk, args.count, args.offset)
    else:
        _insert_sqlite(statement.pk, args.count, args.offset)
    progress(f"{args.count:,} more endorsements in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    _rate_limit_entries(args.count, args.offset)
    progress(f"their rate-limit entries in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    _finished_mail_tasks(args.count)
    progress(f"their finished mail tasks in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    _settle(connection)
    progress(f"settled (as hours of signing would have left it) in {time.monotonic() - t:.1f} s")


def _settle(connection) -> None:
    """What the database does on its own over the hours 200,000 signatures take, done now, so
    that the figure measures a bigger site rather than this minute's bulk load: PostgreSQL's
    autovacuum and checkpoint, SQLite's WAL checkpoint; fresh statistics on both."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("endorsements_endorsement", "django_tasks_database_dbtaskresult"):
                cursor.execute(f"VACUUM ANALYZE {table}")
            cursor.execute("CHECKPOINT")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _rate_limit_entries(count: int, offset: int) -> None:
    from django.conf import settings

    from undersigned.core import ratelimit

    for i in range(offset, offset + count):
        a = i % (1 << 24)
        ratelimit.over_limit(
            f"endorse-ip:10.{a >> 16}.{a >> 8 & 255}.{a & 255}", settings.ENDORSE_LIMIT_PER_IP, 3600
        )
        ratelimit.over_limit(
            f"endorse-mail:fill.{i}@example.org", settings.ENDORSE_LIMIT_PER_EMAIL, 3600
        )
        if (i - offset + 1) % 50_000 == 0:
            progress(f"rate-limit entries for {i - offset + 1:,}")


def _finished_mail_tasks(count: int) -> None:
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from undersigned.mail.tasks import send_mail_task

    now = timezone.now()
    path = send_mail_task.module_path
    batch = []
    for i in range(count):
        batch.append(
            DBTaskResult(
                id=uuid.uuid4(),
                status="SUCCESSFUL",
                enqueued_at=now,
                started_at=now,
                finished_at=now,
                args_kwargs={"args": [], "kwargs": {"to": [f"fill.{i}@example.org"]}},
                priority=0,
                task_path=path,
                queue_name="default",
                backend_name="default",
                run_after=now,
                return_value="sent",
                exception_class_path="",
                traceback="",
            )
        )
        if len(batch) == 5_000 or i == count - 1:
            DBTaskResult.objects.bulk_create(batch)
            batch.clear()


if __name__ == "__main__":
    sys.exit(main())
