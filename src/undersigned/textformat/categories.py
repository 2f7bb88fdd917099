"""A category line in capitals inside a list: "ORGANIZACIONES CAMPESINAS" above
"Asociación de Trabajadores del Campo (ATC), Managua, Nicaragua." and the lines after it.

Written in capitals over entries in mixed case, the line stands apart from them as much as
a blank line before it would: it opens a group of the list even with no blank line around.
"""

from __future__ import annotations


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    return len(cased) >= 4 and all(ch.isupper() for ch in cased)


def capitals_over_entries(text: str, following: str) -> bool:
    """Whether a line in capitals heads a line in mixed case (a category over its entries)."""
    return _capitals(text) and not _capitals(following) and any(ch.islower() for ch in following)
