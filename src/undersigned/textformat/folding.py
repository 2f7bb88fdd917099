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


# Large caches: a long list asks for the same lines several times (when finding the list,
# then when reading each entry), and a 5 MB list has some 100,000 lines.
@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower-case, accent-free text: "Türkiye" -> "turkiye", "İran" -> "iran"."""
    if text.isascii():
        return text.translate(_SPECIAL).lower()
    text = text.translate(_SPECIAL)
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


def words(text: str) -> list[str]:
    """Folded words; hyphens, apostrophes and slashes separate words."""
    return list(_words(text))


@lru_cache(maxsize=1 << 18)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))
