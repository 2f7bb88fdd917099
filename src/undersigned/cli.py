"""The `undersigned` command: Django's manage.py with our own commands (serve, demo, parse,
import, export) beside Django's."""

import os
import sys

# Commands that write into the data folder (database, key, caches, backups). Their files are the
# owner's alone, from the first one on: Django's system checks already create the cache folders
# before a command's own code runs.
PRIVATE_COMMANDS = {"serve", "migrate", "demo", "backup", "restore", "worker"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)[1:]
    if args and args[0] in PRIVATE_COMMANDS:
        os.umask(0o077)
    execute_from_command_line(["undersigned", *(args or ["help"])])


if __name__ == "__main__":
    main()
