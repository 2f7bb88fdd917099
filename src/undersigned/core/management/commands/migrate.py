from django.core.management.commands.migrate import Command as DjangoMigrateCommand

from undersigned.core.runtime import ensure_secret_key, ensure_var_dir, make_database_private


class Command(DjangoMigrateCommand):
    """Django's migrate, which first creates the data folder (var/, for the owner only) and the
    secret key there: importing the settings creates nothing."""

    def execute(self, *args, **options):
        # Before the system checks, which already open the database.
        ensure_var_dir()
        ensure_secret_key()
        return super().execute(*args, **options)

    def handle(self, *args, **options) -> None:
        super().handle(*args, **options)
        make_database_private()
