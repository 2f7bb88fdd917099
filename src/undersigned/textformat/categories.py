"""A category line in capitals inside a list: "ORGANIZACIONES CAMPESINAS" above
"Asociación de Trabajadores del Campo (ATC), Managua, Nicaragua." and the lines after it.

Written in capitals over entries in mixed case, the line stands apart from them as much as
a blank line before it would: it opens a group of the list even with no blank line around.
"""

from __future__ import annotations

import re

# An entry's parts: a short form or a description in parentheses, a place, a country.
_PARTS = re.compile(r"[(,]")
_MAX_WORDS = 6


def _capitals(text: str) -> bool:
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    return len(cased) >= 4 and all(ch.isupper() for ch in cased)


def capitals_over_entries(text: str, following: str) -> bool:
    """Whether a line in capitals heads a line in mixed case (a category over its entries)."""
    return _capitals(text) and not _capitals(following) and any(ch.islower() for ch in following)


def capitals_category(text: str, following: str) -> bool:
    """A category by its shape alone ("PUEBLOS ORIGINARIOS"): several words in capitals,
    without the parts the entry below it has ("Name (ABBR), place, Country"). One word in
    capitals may be an entry's short form ("WWF"), so it needs a word naming a kind."""
    words = text.split()
    return (
        2 <= len(words) <= _MAX_WORDS
        and len(text) <= 60
        and all(ch.isalpha() or ch in " '’-" for ch in text)
        and _PARTS.search(following) is not None
        and capitals_over_entries(text, following)
    )
