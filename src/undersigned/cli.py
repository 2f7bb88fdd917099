"""The `undersigned` command: Django's manage.py with our own commands (serve, demo, parse,
import, export) beside Django's."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)[1:]
    execute_from_command_line(["undersigned", *(args or ["help"])])


if __name__ == "__main__":
    main()
