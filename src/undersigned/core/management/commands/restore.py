import sqlite3
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from undersigned.core.runtime import make_private


def _check(source: Path) -> None:
    """Refuse what is not a sound database of this application: an empty file, an empty SQLite
    file and another application's database all once printed "Restored"."""
    if source.stat().st_size == 0:
        raise CommandError(f"{source} is empty.")
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise CommandError(f"{source} fails its integrity check: {result}")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if "django_migrations" not in tables:
                raise CommandError(f"{source} is not a database of undersigned: no migrations.")
            applied = set(db.execute("SELECT app, name FROM django_migrations").fetchall())
    except sqlite3.DatabaseError as error:
        raise CommandError(f"{source} is not an SQLite database: {error}") from None
    ours = {
        config.label for config in apps.get_app_configs() if config.name.startswith("undersigned.")
    }
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    if not any(app in ours for app, _name in applied):
        raise CommandError(f"{source} is not a database of undersigned: none of its migrations.")
    # Older backups are fine (`migrate` brings them up to date); newer ones are not.
    unknown = sorted(
        f"{app}.{name}" for app, name in applied if app in ours and (app, name) not in known
    )
    if unknown:
        raise CommandError(
            f"{source} comes from a newer version of undersigned ({', '.join(unknown[:3])}); "
            "install that version first."
        )


def _copy(source: Path, target: Path) -> None:
    """Through SQLite's backup API: what is still in the source's WAL comes along, and the
    target is replaced page by page under its own lock."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if check != "ok":
        raise CommandError(f"The copy at {target} fails its integrity check: {check}")


class Command(BaseCommand):
    help = (
        "Restore the SQLite database from a file written by `undersigned backup`. Stop the "
        "server first. The file must pass SQLite's integrity check and hold undersigned's "
        "tables. The current database is kept first, with everything in its WAL, as "
        "*.before-restore-<time> beside it; every restore keeps its own."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file: str, yes: bool, **options) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("Restore PostgreSQL with pg_restore.")
        make_private()
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{file}: no such file.")
        _check(source)
        target = Path(settings.DATABASES["default"]["NAME"])
        if not yes and input(f"Replace {target} with {source}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        connection.close()
        if target.exists():
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            safety = target.with_name(f"{target.name}.before-restore-{stamp}")
            _copy(target, safety)
            self.stdout.write(f"Kept the database as it was in {safety}.")
        _copy(source, target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {target}. Run `undersigned migrate`, then `undersigned audit verify`."
            )
        )
