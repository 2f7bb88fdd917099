import json

from django.core.management.base import BaseCommand, CommandParser

from ._source import read_document


class Command(BaseCommand):
    help = (
        "Parse a statement in the plain-text statement format and print its structure as JSON "
        "(kind, title, subtitle, issuer, date, signatories_as_of, further_signatories_possible, "
        "body, signatories). Writes nothing to the database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE", help='The text file, or "-" for standard input.'
        )

    def handle(self, *args, file: str, **options) -> None:
        document = read_document(file)
        self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=1))
