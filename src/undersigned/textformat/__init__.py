"""The plain-text statement format: parse it, render it as text or Markdown.

Pure Python (no Django), so that it can be fuzzed and reused by the command line.
"""

from __future__ import annotations

from .countries import country_from_text
from .explain import LineReport, explain, format_report
from .model import Document, Signatory
from .parser import parse
from .render import render_markdown, render_text
from .source import FormatError, decode_source


def check_recognizable(doc: Document) -> None:
    """Raise FormatError when nothing in the text looks like a statement: no title, paragraph
    or signatory, or none of them with a single letter in it (a page of punctuation)."""
    words = [doc.title or "", *doc.body, *(s.name for s in doc.signatories)]
    if not any(ch.isalpha() for text in words for ch in text):
        raise FormatError(
            "No statement found: the text has no title, no paragraph and no signatories. "
            "Check that the file is the statement itself."
        )


__all__ = [
    "Document",
    "FormatError",
    "LineReport",
    "Signatory",
    "check_recognizable",
    "country_from_text",
    "decode_source",
    "explain",
    "format_report",
    "parse",
    "render_markdown",
    "render_text",
]
