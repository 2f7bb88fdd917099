"""Separators lost in a paragraph that lists names each with its parenthesis.

"Anna Roux (secrétaire, Union A), Paul Vidal (Syndicat B) Marie Lenoir (Fédération C), …":
typed in haste, one comma is missing between two entries. When most pieces of the paragraph
end with their parenthesis, a piece that holds two names each with a parenthesis is two
entries. And a one-letter piece that ends the paragraph ("…, Marie Lenoir, J") is a text
cut short, not a name.
"""

from __future__ import annotations

import re

# ") " then a capitalised word: where the second name of a piece starts.
_SECOND_NAME = re.compile(r"(?<=[)）])\s+(?=[^\W\d_])")
_LEAST_ENDED = 3  # pieces ending with ")" that make the paragraph a list of "Name (…)"


def _opens_name(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0][:1].isupper() and not text.startswith(("(", "（"))


def _split(piece: str) -> list[str]:
    """ "A (x) B (y)" -> ["A (x)", "B (y)"], when both open with a capital and each has
    its own parenthesis; else the piece whole."""
    if piece.count("(") + piece.count("（") < 2:
        return [piece]
    parts, start = [], 0
    for gap in _SECOND_NAME.finditer(piece):
        rest = piece[gap.end() :]
        head = rest.split("(", 1)[0].split("（", 1)[0]
        # The second name is short and closed by a parenthesis of its own.
        if ("(" in rest or "（" in rest) and _opens_name(rest) and len(head.split()) <= 5:
            parts.append(piece[start : gap.start()])
            start = gap.end()
    parts.append(piece[start:])
    if not all(_opens_name(part) for part in parts):
        return [piece]
    return parts


def split_lost(pieces: list[str]) -> list[str]:
    """The pieces of a paragraph with each lost separator restored (see above)."""
    ended = sum(piece.rstrip().endswith((")", "）")) for piece in pieces)
    if ended < _LEAST_ENDED:
        return pieces
    out: list[str] = []
    for piece in pieces:
        out.extend(_split(piece.strip()) if ")" in piece or "）" in piece else [piece])
    return out


def cut_short(items: list[str]) -> list[str]:
    """The items without a last one of a single letter: the text breaks off there."""
    if len(items) > 3 and len(items[-1].strip()) == 1 and items[-1].strip().isalpha():
        return items[:-1]
    return items


__all__ = ["cut_short", "split_lost"]
