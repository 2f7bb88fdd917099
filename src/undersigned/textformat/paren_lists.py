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


# "Asian Network for Free Elections (ANFREL)," / "Capital Punishment Project (Australia)।":
# a name closed by a short parenthesis of one or two words (its short form or its place),
# then maybe a list separator or a full stop in any script.
_NAME_WITH_SHORT_FORM = re.compile(
    r"^\S.*\s[(（][^()（）\s]+(?:\s[^()（）\s]+)?[)）]\s*[,;.،؛।。、]?\s*$"
)
_MAX_NAME_WORDS = 12


def names_with_short_forms(texts: list[str]) -> bool:
    """Whether three entries or more, nearly all, are short names each closed by its short
    form or place in brackets: a list of bodies, not of demands (which are sentences)."""
    if len(texts) < 3:
        return False
    shaped = sum(
        1
        for text in texts
        if len(text.split()) <= _MAX_NAME_WORDS and _NAME_WITH_SHORT_FORM.match(text)
    )
    return 4 * shaped >= 3 * len(texts)
