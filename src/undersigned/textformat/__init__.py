"""The plain-text statement format: parse it, render it as text or Markdown.

Pure Python (no Django), so that it can be fuzzed and reused by the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .model import Document, Signatory
from .source import FormatError, decode_source

if TYPE_CHECKING:
    from .confidence import unsure_fields
    from .countries import country_from_text, country_name_code, english_country_name
    from .explain import LineReport, explain, format_report
    from .parser import parse
    from .render import render_markdown, render_text
    from .signatories import parse_signatory

# The parser, its fitted model and its country names hold about 11 MB in each process that
# loads them; web and task processes need them only to import or export a text. So they load on
# first use: `textformat.parse(...)` (not `from textformat import parse` at a module's top) in
# code that every process imports.
_LAZY = {
    "country_from_text": "countries",
    "country_name_code": "countries",
    "english_country_name": "countries",
    "LineReport": "explain",
    "explain": "explain",
    "format_report": "explain",
    "parse": "parser",
    "render_markdown": "render",
    "render_text": "render",
    "parse_signatory": "signatories",
    "unsure_fields": "confidence",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "country_name_code",
    "decode_source",
    "english_country_name",
    "explain",
    "format_report",
    "parse",
    "parse_signatory",
    "render_markdown",
    "render_text",
    "unsure_fields",
]
