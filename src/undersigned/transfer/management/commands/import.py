from pathlib import Path

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.audit.actors import SYSTEM
from undersigned.coalitions.models import Coalition
from undersigned.core.errors import ActionError
from undersigned.statements.models import Statement
from undersigned.statements.translations import import_translation
from undersigned.textformat import FormatError, decode_source
from undersigned.textformat.confidence import unsure_fields
from undersigned.transfer.importing import (
    LOW_CONFIDENCE,
    STATES,
    Status,
    document_from_json,
    import_document,
)

from ._source import read_document

_STATUS = {
    Status.NEW: "new",
    Status.EXISTING: "existing",
    Status.SIGNED: "signed already",
    Status.TWICE: "listed twice",
    Status.PERSON: "person",
    Status.PERSON_LISTED: "person, listed already",
}


class Command(BaseCommand):
    help = (
        "Import a statement from a plain-text file: the statement, its text and its signatory "
        "organizations, in one transaction. A new statement is a draft unless --state says "
        "otherwise; the import records signatures and never makes an organization a member of "
        "the coalition. Existing organizations are reused (same abbreviation and country or "
        "name). A statement imported before (same title and issuer, or the same text) is "
        "recognized: only new signatures are added."
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
            "--state",
            choices=[state.value for state in STATES],
            default="draft",
            help="State of a new statement: draft (the default; publish it later), open for "
            "signatures, or closed, as it was published. A statement imported before keeps its "
            "state.",
        )
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
            "--separate",
            action="store_true",
            help="Import the text as a statement of its own where the same text exists under "
            "another title (without it, the import stops and names that statement).",
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
        state: str,
        dry_run: bool,
        separate: bool,
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
        document = self._read(file)
        if options.get("translation_of"):
            return self._translation(document, options["translation_of"], language, title, dry_run)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Read {file}: {len(document.body)} paragraphs, "
                f"{len(document.signatories)} signatories."
            )
        try:
            plan = import_document(
                document,
                coalition=group,
                title=title,
                language=language,
                state=state,
                source="stdin" if file == "-" else Path(file).name,
                dry_run=dry_run,
                separate=separate,
                separate_option="--separate",
                user=SYSTEM,  # whoever runs the server: checked, and named in the trail
            )
        except (FormatError, ActionError) as error:
            raise CommandError(f"{file}: {error.message}") from None
        prefix = "Would import (dry run, nothing written): " if dry_run else ""
        for line in plan.summary():
            self.stdout.write(prefix + line)
        if dry_run:
            for match in plan.entries:
                entry = match.entry
                marks = " (unsure: check this line)" if match.low_confidence else ""
                doubted = unsure_fields(entry, LOW_CONFIDENCE)
                if doubted:
                    marks += f" (unsure: check {', '.join(doubted)})"
                marks += "".join(f" PROBLEM: {problem}" for problem in match.problems)
                self.stdout.write(
                    f"  {entry.number or '-':>3}. [{_STATUS[match.status]}] "
                    f"{entry.abbreviation or ''} {entry.name[:200]} {entry.country or '??'}{marks}"
                )
            for problem in plan.problems:
                self.stdout.write(f"Cannot be imported as it is: {problem}")
        elif plan.saved:
            self.stdout.write(self.style.SUCCESS(f"Done: /s/{plan.saved.slug}/"))

    def _read(self, file: str):
        """The statement in FILE: plain text, or a JSON export read back field for field."""
        if not file.endswith(".json"):
            return read_document(file)
        try:
            data = Path(file).read_bytes()[: settings.IMPORT_MAX_BYTES + 1]
            return document_from_json(decode_source(data, max_bytes=settings.IMPORT_MAX_BYTES))
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror}).") from None
        except (FormatError, ActionError) as error:
            raise CommandError(f"{file}: {error.message}") from None

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
        text = import_translation(statement=statement, user=SYSTEM, language=language, **words)
        if text is None:
            self.stdout.write(f"The {language} translation of {slug} is up to date; nothing to do.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added version {text.version} of the {language} translation of {slug}."
                )
            )
