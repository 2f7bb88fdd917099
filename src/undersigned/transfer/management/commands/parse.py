import json

from django.core.management.base import BaseCommand, CommandParser

from undersigned.textformat import explain, format_report

from ._source import read_document, read_text


class Command(BaseCommand):
    help = (
        "Parse a statement in the plain-text statement format and print its structure as JSON "
        "(kind, title, subtitle, issuer, date, signatories_as_of, further_signatories_possible, "
        "body, signatories with a confidence each). Writes nothing to the database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE", help='The text file, or "-" for standard input.'
        )
        parser.add_argument(
            "--explain",
            action="store_true",
            dest="show_roles",
            help="Print each line with what it was taken for (title, body, heading, group, "
            "entry, continuation, decoy, footer) and why, instead of the JSON.",
        )

    def handle(self, *args, file: str, show_roles: bool = False, **options) -> None:
        if show_roles:
            self.stdout.write(format_report(explain(read_text(file))), ending="")
            return
        document = read_document(file)
        self.stdout.write(
            json.dumps(document.to_dict(confidence=True), ensure_ascii=False, indent=1)
        )
