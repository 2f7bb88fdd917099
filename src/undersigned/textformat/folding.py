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
# Combining marks left by NFKD in the common Latin block.
_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def _fold_letter(letter: str) -> str:
    """One letter folded, before lower-casing: the table's replacement, then NFKD without
    combining marks ("é" -> "e", "ß" -> "ss", "ﬁ" -> "fi")."""
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", letter.translate(_SPECIAL)))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


class _Letters(dict[int, str]):
    """Code point -> the letter folded, filled as letters come up.

    Folding works letter by letter: NFKD decomposes each letter by itself and only reorders
    combining marks, which folding drops anyway; lower() alone looks at neighbours (a final
    sigma) and runs on the whole text. So one str.translate() with this table folds a text,
    where a normalization, two searches and a walk over its letters did before. A letter
    missing here is added by __missing__, without the KeyError that made a plain table slow.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_letter(chr(code))
        if len(self) < _MOST_LETTERS:  # a text of every code point must not fill memory
            self[code] = folded
        return folded


_MOST_LETTERS = 1 << 16


_LETTERS = _Letters()


def fold(text: str) -> str:
    """Lower-case, accent-free text: "Türkiye" -> "turkiye", "İran" -> "iran"."""
    if text.isascii():
        # The table's only ASCII letter is "`"; translate() would look up every other one.
        # Not cached: this costs less than a cache's lookup and insertion, and most texts
        # of a long list come once (a 5 MB list put 120,000 of them in the cache).
        return (text.replace("`", "'") if "`" in text else text).lower()
    return _fold_translated(text)


# Large cache: a long list asks for the same lines several times (when finding the list,
# then when reading each entry), and a 5 MB list has some 100,000 lines.
@lru_cache(maxsize=1 << 18)
def _fold_translated(text: str) -> str:
    return text.translate(_LETTERS).lower()


def fold_uncached(text: str) -> str:
    """fold() that leaves the cache alone: for thousands of names read once (a table)."""
    return fold(text) if text.isascii() else text.translate(_LETTERS).lower()


def words(text: str) -> list[str]:
    """Folded words; hyphens, apostrophes and slashes separate words."""
    return list(word_tuple(text))


@lru_cache(maxsize=1 << 18)
def word_tuple(text: str) -> tuple[str, ...]:
    """words() as a tuple, shared from the cache: for callers that only read it (most do,
    and copying it into a new list on every call cost a tenth of a 5 MB parse)."""
    return tuple(split_words(fold(text)))


def split_words(text: str) -> list[str]:
    """_WORD.findall(text): the runs of letters and digits.

    A letter or digit is what str.isalnum() says (the same for every code point), so a text
    of such runs between spaces, as most names are, is split by str.split(), some five times
    as fast as the pattern."""
    if text.replace(" ", "").isalnum():
        return text.split()
    return _WORD.findall(text)
