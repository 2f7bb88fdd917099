from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.statements.models import Statement
from undersigned.transfer.exporting import FORMATS, export_pdf, export_statement, pdf_page_sizes


class Command(BaseCommand):
    help = (
        "Export a statement with its current signatory list as plain text (the format "
        "`undersigned parse` reads), Markdown, JSON or PDF."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", metavar="SLUG", help="The statement's slug, as in /s/SLUG/.")
        parser.add_argument(
            "--format", choices=[*sorted(FORMATS), "pdf"], default="txt", dest="fmt"
        )
        parser.add_argument("--page-size", choices=pdf_page_sizes() or None, default="a4")
        parser.add_argument("--language", help="Language of the text (default: the original).")
        parser.add_argument("--output", "-o", help="Write to this file instead of the screen.")

    def handle(
        self,
        *args,
        slug: str,
        fmt: str,
        language: str | None,
        output: str | None,
        page_size: str,
        **options,
    ) -> None:
        statement = Statement.objects.filter(slug=slug).first()
        if statement is None:
            raise CommandError(f"No statement with the slug {slug!r}.")
        if statement.current_text(language) is None:
            raise CommandError(f"{slug} has no text in the language {language!r}.")
        if fmt == "pdf":
            if not output:
                raise CommandError("A PDF goes to a file: give --output FILE.")
            Path(output).write_bytes(export_pdf(statement, language, page_size))
            self.stderr.write(f"Wrote {output}.")
            return
        content = export_statement(statement, fmt, language)
        if output:
            Path(output).write_text(content, encoding="utf-8")
            self.stderr.write(f"Wrote {output}.")
        else:
            self.stdout.write(content, ending="")
