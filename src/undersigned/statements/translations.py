"""Translations of a statement, version by version.

A translation is a Text in another language whose translation_of is the version of the original
it translates. It is stale as soon as the original has a newer version; nothing is stored for
that, it is read off the versions.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.permissions import can_translate, require
from undersigned.statements.models import Statement, Text


@dataclass
class Translation:
    language: str
    text: Text  # the newest version in that language
    original: Text  # the current original

    @property
    def is_stale(self) -> bool:
        return self.text.translation_of_id != self.original.pk

    @property
    def translated_version(self) -> int | None:
        source = self.text.translation_of
        return source.version if source else None


def translations(statement: Statement) -> list[Translation]:
    """The newest text in every language besides the original, from the prefetched texts."""
    original = statement.current_text()
    if original is None:
        return []
    by_id = {t.pk: t for t in statement.texts.all()}
    result = []
    for code, _name in settings.LANGUAGES:
        text = statement.current_text(code) if code != statement.original_language else None
        if text is not None:
            text.translation_of = by_id.get(text.translation_of_id)  # no query per language
            result.append(Translation(code, text, original))
    return result


@dataclass
class Reading:
    text: Text  # what the page shows
    is_translation: bool
    stale: Translation | None  # an outdated translation into the reader's language, not shown


def text_for_reader(statement: Statement, language: str) -> Reading:
    """The reader's language when a current translation exists, the original otherwise."""
    original = statement.current_text()
    if language != statement.original_language:
        for translation in translations(statement):
            if translation.language == language:
                if translation.is_stale:
                    return Reading(original, False, translation)
                return Reading(translation.text, True, None)
    return Reading(original, False, None)


def save_translation(
    *, statement: Statement, user, language: str, title: str, subtitle: str, body: str
) -> Text:
    """A new version of the translation into `language`, of the current original."""
    require(can_translate(user, statement, language) and language != statement.original_language)
    return _write_translation(statement, user, language, title, subtitle, body)


def import_translation(
    *, statement: Statement, language: str, title: str, subtitle: str, body: str
) -> Text | None:
    """The CLI's import of a translation file (run by the server's operator). None when the
    newest translation already has these words and translates the current original."""
    if language == statement.original_language:
        raise ValueError("a translation needs a language other than the original's")
    current = statement.current_text(language)
    if (
        current
        and current.translation_of_id == statement.current_text().pk
        and (current.title, current.subtitle, current.body) == (title, subtitle, body)
    ):
        return None
    return _write_translation(statement, None, language, title, subtitle, body)


def _write_translation(statement, user, language, title, subtitle, body) -> Text:
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        original = statement.current_text()
        previous = statement.current_text(language)
        text = Text.objects.create(
            statement=statement,
            language=language,
            version=previous.version + 1 if previous else 1,
            title=title,
            subtitle=subtitle,
            body=body,
            translation_of=original,
        )
        statement.touch()  # the page lists its translations
        record_event(
            kind=Event.Kind.TEXT_VERSION_CREATED,
            actor=user,
            statement=statement,
            details={"version": text.version, "language": language, "translates": original.version},
        )
    return text
