"""Case- and accent-insensitive forms of text, for matching words in many languages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not take apart but that writers replace freely.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
    }
)

_WORD = re.compile(r"[^\W_]+")
# Combining marks left by NFKD: the common Latin block first, then a slower full check.
_LATIN_MARKS = re.compile("[\u0300-\u036f]")


# str.translate() of a text that is not all ASCII asks the table for every letter, and a
# letter the table lacks costs a raised and cleared KeyError: a dash in a name made folding
# it ten times as slow. So the table is used only where one of its letters occurs.
_HAS_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _SPECIAL))) + "]")


def _without_marks(text: str) -> str:
    """The text without combining marks, looking at each distinct letter once."""
    if any(unicodedata.combining(ch) for ch in set(text) if not ch.isascii()):
        return "".join(ch for ch in text if not unicodedata.combining(ch))
    return text


# Large caches: a long list asks for the same lines several times (when finding the list,
# then when reading each entry), and a 5 MB list has some 100,000 lines.
@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower-case, accent-free text: "Türkiye" -> "turkiye", "İran" -> "iran"."""
    if text.isascii():
        # The table's only ASCII letter is "`"; translate() would look up every other one.
        return (text.replace("`", "'") if "`" in text else text).lower()
    if _HAS_SPECIAL.search(text):
        text = text.translate(_SPECIAL)
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():
        text = _without_marks(text)
    return text.lower()


def words(text: str) -> list[str]:
    """Folded words; hyphens, apostrophes and slashes separate words."""
    return list(word_tuple(text))


@lru_cache(maxsize=1 << 18)
def word_tuple(text: str) -> tuple[str, ...]:
    """words() as a tuple, shared from the cache: for callers that only read it (most do,
    and copying it into a new list on every call cost a tenth of a 5 MB parse)."""
    return tuple(_WORD.findall(fold(text)))
