import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from undersigned.core.runtime import make_private


class Command(BaseCommand):
    help = (
        "Back up the database. SQLite: a consistent copy of the live file through SQLite's "
        "online backup API (safe while the server runs), by default into var/backups/. "
        "PostgreSQL: prints the pg_dump command for the configured database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", help="File to write (SQLite).")

    def handle(self, *args, output: str | None, **options) -> None:
        db = settings.DATABASES["default"]
        if connection.vendor == "postgresql":
            self.stdout.write(
                f"pg_dump -Fc -h {db['HOST'] or 'localhost'} -p {db['PORT'] or 5432} "
                f"-U {db['USER']} -f undersigned.dump {db['NAME']}"
            )
            return
        if connection.vendor != "sqlite":
            raise CommandError(f"No backup for the {connection.vendor} database; use its tools.")
        # A backup holds what the database holds (addresses, password hashes): owner only.
        make_private()
        target = (
            Path(output)
            if output
            else (
                settings.VAR_DIR / "backups" / f"undersigned-{timezone.now():%Y%m%d-%H%M%S}.sqlite3"
            )
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            raise CommandError(f"{target} exists; choose another --output.")
        source = sqlite3.connect(db["NAME"])
        destination = sqlite3.connect(target)
        try:

            def progress(status, remaining, total):
                if options["verbosity"] > 1:
                    self.stderr.write(f"  {total - remaining}/{total} pages")

            source.backup(destination, pages=1024, progress=progress)
            check = destination.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            destination.close()
            source.close()
        if check != "ok":
            raise CommandError(f"The copy fails its integrity check: {check}")
        size = target.stat().st_size / 1e6
        self.stdout.write(self.style.SUCCESS(f"Wrote {target} ({size:.1f} MB, integrity ok)."))
