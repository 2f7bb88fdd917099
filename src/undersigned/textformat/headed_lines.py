"""A signatories heading and its whole list on one line: "Signed by: A; B; C; D.",
"Signataires : A · B · C", "Signatories: A | B | C".

Lists joined by commas go through the sentence list; these separators say "list" by themselves
once the line opens with a heading, in any language the headings know.
"""

from __future__ import annotations

import re

from .headings import list_heading
from .leadins import strip_separator

_COLON = re.compile(r"\s*[:：]\s+")
_SEPARATORS = (";", "·", "•", "|", "；")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_MIN_ITEMS = 3
_MAX_WORDS = 12


def heading_line_entries(line: str) -> list[str]:
    """The names listed after a signatories heading on the same line, else []."""
    colon = _COLON.search(line, 0, 80)
    if colon is None:
        return []
    head, rest = line[: colon.start()], line[colon.end() :].strip()
    separator = max(_SEPARATORS, key=rest.count)
    if rest.count(separator) < _MIN_ITEMS - 1 or list_heading(head + ":") is None:
        return []
    items = [strip_separator(item.strip()) for item in rest.split(separator)]
    items = [item for item in items if item]
    if len(items) < _MIN_ITEMS:
        return []
    for item in items:
        if len(item.split()) > _MAX_WORDS or _SENTENCE_INSIDE.search(item):
            return []
        if item[0].islower():
            return []
    return items
