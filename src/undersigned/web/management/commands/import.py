from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.coalitions.models import Coalition
from undersigned.statements.models import Statement
from undersigned.statements.translations import import_translation
from undersigned.textformat import FormatError
from undersigned.web.importing import import_document

from ._source import read_document


class Command(BaseCommand):
    help = (
        "Import a statement from a plain-text file: the statement, its text and its signatory "
        "organizations, in one transaction. Existing organizations are reused (same abbreviation "
        "and country or name); importing the same file again adds nothing, and a longer "
        "signatory list adds only the new signatures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE", help='The text file, or "-" for standard input.'
        )
        parser.add_argument(
            "--coalition",
            metavar="ABBR",
            help="Abbreviation of the issuing coalition (e.g. ICOR); leave out for an open letter.",
        )
        parser.add_argument("--title", help="Title to use when the text has none of its own.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help=f"Language code of the text (default {settings.LANGUAGE_CODE}).",
        )
        parser.add_argument(
            "--translation-of",
            metavar="SLUG",
            help="Add the file as a translation (in --language) of this existing statement.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created; write nothing."
        )

    def handle(
        self,
        *args,
        file: str,
        coalition: str | None,
        title: str | None,
        language: str,
        dry_run: bool,
        **options,
    ) -> None:
        if language not in LANG_INFO:
            raise CommandError(f"--language: unknown language code {language!r} (e.g. en, de, fa).")
        group = None
        if coalition:
            group = Coalition.objects.filter(abbreviation__iexact=coalition).first()
            if group is None:
                known = (
                    ", ".join(Coalition.objects.values_list("abbreviation", flat=True)) or "none"
                )
                raise CommandError(
                    f"--coalition: no coalition {coalition!r} (known: {known}). "
                    "Create it in the admin first."
                )
        document = read_document(file)
        if options.get("translation_of"):
            return self._translation(document, options["translation_of"], language, title, dry_run)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Read {file}: {len(document.body)} paragraphs, "
                f"{len(document.signatories)} signatories."
            )
        try:
            plan = import_document(
                document, coalition=group, title=title, language=language, dry_run=dry_run
            )
        except FormatError as error:
            raise CommandError(f"{file}: {error.message}") from None
        prefix = "Would import (dry run, nothing written): " if dry_run else ""
        for line in plan.summary():
            self.stdout.write(prefix + line)
        if dry_run:
            for match in plan.organizations:
                entry = match.entry
                state = "new" if match.organization is None else "existing"
                signed = " (already signed)" if match.already_signed else ""
                self.stdout.write(
                    f"  {entry.number or '-':>3}. [{state}] {entry.abbreviation or ''} "
                    f"{entry.name} {entry.country or '??'}{signed}"
                )
        elif plan.saved:
            self.stdout.write(self.style.SUCCESS(f"Done: /s/{plan.saved.slug}/"))

    def _translation(
        self, document, slug: str, language: str, title: str | None, dry_run: bool
    ) -> None:
        statement = Statement.objects.filter(slug=slug).first()
        if statement is None:
            raise CommandError(f"--translation-of: no statement with the slug {slug!r}.")
        if language == statement.original_language:
            raise CommandError(
                f"--language: {language!r} is the original language of {slug}; give the "
                "language of the translation, e.g. --language de."
            )
        words = {
            "title": (title or document.title or "").strip(),
            "subtitle": document.subtitle or "",
            "body": "\n\n".join(document.body),
        }
        if not words["title"]:
            raise CommandError("The translation has no title; give one with --title.")
        if dry_run:
            self.stdout.write(f"Would add a {language} translation of {slug}: {words['title']}")
            return
        text = import_translation(statement=statement, language=language, **words)
        if text is None:
            self.stdout.write(f"The {language} translation of {slug} is up to date; nothing to do.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added version {text.version} of the {language} translation of {slug}."
                )
            )
