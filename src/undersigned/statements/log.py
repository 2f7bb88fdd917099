"""What statements write into their transparency log: each public version of a text.

A draft's words change in place and are nobody's business yet; from the opening on, every
version and translation is an entry with the SHA-256 of its words, so that a reader holding a
text can tell which logged version it is.
"""

import hashlib

from undersigned.statements.models import Statement, Text
from undersigned.transparency.services import append, now


def words_sha256(text: Text) -> str:
    return hashlib.sha256(f"{text.title}\n{text.subtitle}\n{text.body}".encode()).hexdigest()


def log_version(text: Text) -> None:
    append(
        text.statement_id,
        {
            "kind": "version",
            "at": now(),
            "version": text.version,
            "language": text.language,
            "translates": text.translation_of.version if text.translation_of_id else None,
            "sha256": words_sha256(text),
        },
    )


def log_opening(statement: Statement) -> None:
    """At the first opening: the versions the public reads from now on."""
    texts = [statement.current_text()]
    texts += [t for t in statement.texts.exclude(language=statement.original_language)]
    for text in texts:
        if text is not None and text == statement.current_text(text.language):
            log_version(text)
