import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = (
        "Restore the SQLite database from a file written by `undersigned backup`. Stop the "
        "server first. The current database is kept beside it as *.before-restore."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file: str, yes: bool, **options) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("Restore PostgreSQL with pg_restore.")
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
                result = check.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise CommandError(f"{file} is not an SQLite database: {error}") from None
        if result != "ok":
            raise CommandError(f"{file} fails its integrity check: {result}")
        target = Path(settings.DATABASES["default"]["NAME"])
        if not yes and input(f"Replace {target} with {source}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        connection.close()
        if target.exists():
            shutil.copy2(target, target.with_suffix(".before-restore"))
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy2(source, target)
        self.stdout.write(self.style.SUCCESS(f"Restored {target}. Run `undersigned audit verify`."))
