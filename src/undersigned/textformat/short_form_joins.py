"""A body whose name holds "and", split there by a sentence's list (issue 22):
"…, Union of Engineers and Architects (UEA), …" is one body, not "Union of Engineers" and
"Architects (UEA)". The short form tells: its letters are the initials of the whole name,
not of the part after "and". Any script with capitals, any language's "and".

Written for shapes, not for a text: no word list names a signatory.
"""

from __future__ import annotations

import re

from .short_forms import initials_score

_CLOSING_SHORT_FORM = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()\s]{2,12})\)$")
_SURE = 0.6


def rejoined(items: list[str], text: str) -> list[str]:
    """The items with a bare piece and the "Name (ABBR)" after it joined again where the
    text joins them by one word and the short form abbreviates the two together."""
    if len(items) < 2 or "(" not in text:
        return items
    out: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        after = items[index + 1] if index + 1 < len(items) else None
        joined = _joined(item, after, text) if after is not None else None
        if joined is None:
            out.append(item)
            index += 1
        else:
            out.append(joined)
            index += 2
    return out


def _joined(item: str, after: str, text: str) -> str | None:
    if "(" in item or not item[:1].isupper():
        return None
    found = _CLOSING_SHORT_FORM.match(after)
    if found is None:
        return None
    joint = re.search(rf"{re.escape(item)}\s+(\w{{1,4}})\s+{re.escape(after)}", text)
    if joint is None:
        return None
    short, name = found["short"], found["name"]
    whole = f"{item} {joint.group(1)} {name}"
    score = initials_score(short, whole)
    if score < _SURE or score <= initials_score(short, name):
        return None
    return f"{item} {joint.group(1)} {after}"


__all__ = ["rejoined"]
