"""Names listed inside one parenthesis of a sentence: "… a group of organisations (A, B, C,
D, E) sent the minister …", "… سازمان‌ها (الف، ب، ج، د) …".

The list separators stand inside the parenthesis, so the sentence's own split (which keeps
a parenthesis whole, "X (Berlin, Germany)") never sees them. A parenthesis holding four
comma-separated pieces or more is a candidate; the words before it in its sentence lead into
it (and carry the cue about who signs), the closing bracket ends its last name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An innermost parenthesis long enough for four short names.
_PAREN = re.compile(r"[(（]([^()（）]{12,2500})[)）]")
_SEPARATOR = re.compile(r"\s*,\s+|\s*[،、，;；]\s*")
# Where the sentence before the parenthesis starts: after a sentence end.
_SENTENCE_END = re.compile(r"[.!?。؟।]\s+|[»”]\s+(?=[A-ZÀ-Ý])")
MIN_PIECES = 4


@dataclass(frozen=True)
class ParenRun:
    lead: str  # the words of the sentence before the parenthesis
    pieces: list[str]  # the pieces between its separators, stripped


def paren_runs(text: str) -> list[ParenRun]:
    """Every parenthesis of the text that holds MIN_PIECES separated pieces or more."""
    runs = []
    if "(" not in text and "（" not in text:
        return runs
    for match in _PAREN.finditer(text):
        inner = match.group(1)
        pieces = [piece.strip() for piece in _SEPARATOR.split(inner)]
        if len(pieces) < MIN_PIECES or not all(pieces):
            continue
        before = text[: match.start()]
        starts = [end.end() for end in _SENTENCE_END.finditer(before)]
        lead = before[starts[-1] if starts else 0 :]
        runs.append(ParenRun(lead.strip(), pieces))
    return runs
