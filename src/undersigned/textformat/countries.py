"""Finding the country an organization belongs to from names written in many languages.

Lookup tables are built once, on first use: babel's territory names in seven languages,
hand-written adjectives and demonyms (country_data.py) with generated inflections, and
phrases that look like countries but are not ("Latin American", "Kurdistan").
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

from . import country_data as data
from .folding import fold, word_tuple

# Names read anywhere, inside an organization's name too ("FIAN Deutschland"). Other
# languages' names count only where a country stands apart (country_fuzzy.py).
LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "tr")
_NAME, _ADJECTIVE, _NONE = 2, 1, 0

# Where a cased alias can start: most texts have no such place, and the search for the whole
# alternation costs more than this one.
# Where a cased alias can start: its first two letters, not after a letter or a dot (the
# look-behind written after them, so that the search can skip to candidate letters).
_CASED_START = re.compile(
    "(?:" + "|".join(sorted({re.escape(a[:2]) for a in data.CASED_ALIASES})) + r")(?<![\w.]..)",
    re.DOTALL,
)
_CASED = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(a) for a in sorted(data.CASED_ALIASES, key=len, reverse=True))
    + r")(?!\w)"
)


def _split(forms: str) -> list[str]:
    return [f for f in forms.split("|") if f]


def _inflect(language: str, form: str) -> set[str]:
    """Plural, feminine and case forms of an adjective or demonym, folded."""
    base = fold(form)
    out = {base}
    if language == "en":
        if not base.endswith(("sh", "ch", "ese", "s", "x", "z")):
            out.add(base + "s")
    elif language == "fr":
        if base.endswith("ien"):
            out |= {base + "ne", base + "nes", base + "s"}
        elif base.endswith("e"):
            out.add(base + "s")
        elif base.endswith(("s", "x")):
            out |= {base + "e", base + "es"}
        else:
            out |= {base + "e", base + "s", base + "es"}
    elif language in ("es", "pt"):
        if base.endswith("o"):
            out |= {base[:-1] + "a", base[:-1] + "os", base[:-1] + "as"}
        elif base.endswith("e"):
            out.add(base + "s")
        elif base.endswith(("i", "u", "a")):
            out |= {base + "s", base + "es"}
        else:
            out |= {base + "a", base + "es", base + "as"}
    elif language == "it":
        if base.endswith("o"):
            out |= {base[:-1] + "a", base[:-1] + "i", base[:-1] + "e"}
        elif base.endswith("e"):
            out.add(base[:-1] + "i")
    elif language == "de":
        out |= {base + ending for ending in ("e", "en", "er", "es", "em")}
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, ...], tuple[str | None, int]], int, dict[str, str]]:
    """(phrase -> (code or None, strength), longest phrase length, code -> English name)."""
    import pycountry
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    table: dict[tuple[str, ...], tuple[str | None, int]] = {}

    def add(phrase: str, code: str | None, strength: int) -> None:
        key = word_tuple(phrase)
        if not key:
            return
        old = table.get(key)
        # Blocked phrases win; otherwise a name beats an adjective; first writer wins ties.
        if old is None or (old[0] is not None and strength > old[1]) or code is None:
            table[key] = (code, strength)

    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        for code, name in territories.items():
            if code not in codes:
                continue
            add(name, code, _NAME)
            # German genitive: "Deutschlands", "Frankreichs".
            if language == "de" and " " not in name and not fold(name).endswith(("s", "x", "z")):
                add(name + "s", code, _NAME)
            # babel writes "Bosnia & Herzegovina", "Congo - Kinshasa", "Myanmar (Burma)".
            if "&" in name:
                add(name.replace("&", "and"), code, _NAME)
            if "(" in name:
                add(name.split("(")[0], code, _NAME)
    for code, forms in data.EXTRA_NAMES.items():
        for form in _split(forms):
            add(form, code, _NAME)
    for language, table_ in (
        ("en", data.EN),
        ("fr", data.FR),
        ("es", data.ES),
        ("pt", data.PT),
        ("it", data.IT),
        ("de", data.DE),
        ("tr", data.TR),
    ):
        for code, forms in table_.items():
            for form in _split(forms):
                for inflected in _inflect(language, form):
                    add(inflected, code, _ADJECTIVE)
    for phrase in _split(data.NOT_COUNTRIES):
        add(phrase, None, _NONE)
    for phrase in _split(data.REGIONS):
        add(phrase, None, _NONE)
    longest = max(len(k) for k in table)
    english = {code: Locale.parse("en").territories[code].replace(" & ", " and ") for code in codes}
    english.update(ENGLISH_OVERRIDES)
    return table, longest, english


# English names used when a country has to be written out; chosen to read naturally in a
# signatory line and to map back to the same code.
ENGLISH_OVERRIDES = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Côte d'Ivoire",
    "HK": "Hong Kong",
    "JE": "Bailiwick of Jersey",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestine",
    "TR": "Turkey",
}


@lru_cache(maxsize=1)
def _phrase_starts() -> dict[str, tuple[int, ...]]:
    """The first word of every phrase in the table -> the lengths of the phrases it starts,
    longest first (with babel's names in many languages, "de" starts the Danish "De forenede
    arabiske emirater" and must not make every "de" of a Spanish name try fourteen lengths,
    nor "democratic" try the four lengths between "Democratic Republic of the Congo" and
    "Democratic")."""
    starts: dict[str, set[int]] = {}
    for key in _tables()[0]:
        starts.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in starts.items()}


def _mentions(text: str) -> list[tuple[int, int, str | None, int]]:
    """(position, length in words, code or None, strength) for each phrase found."""
    table = _tables()[0]
    starts = _phrase_starts()
    if _CASED_START.search(text):
        text = _CASED.sub(lambda m: " " + data.CASED_ALIASES[m.group(1)] + " ", text)
    tokens = word_tuple(text)
    if starts.keys().isdisjoint(tokens):
        return []  # no word starts a phrase: most names of organizations
    found = []
    i = 0
    count = len(tokens)
    while i < count:
        sizes = starts.get(tokens[i])
        if sizes is None:  # most words start no country phrase: skip them fast
            i += 1
            continue
        for size in sizes:
            hit = table.get(tokens[i : i + size]) if size <= count - i else None
            if hit is not None:
                found.append((i, size, hit[0], hit[1]))
                i += size
                break
        else:
            i += 1
    return found


def country_from_text(text: str) -> str | None:
    """Best ISO alpha-2 code named in a fragment (a name or an adjective), else None.

    Names beat adjectives; among equals the last mention wins, because qualifiers like
    "of India" or "(Kuzey Kürdistan-Türkiye)" come at the end of organization names.
    """
    best: tuple[int, int] | None = None
    code: str | None = None
    for position, _size, found, strength in _mentions(text):
        if found is None:
            continue
        rank = (strength, position)
        if best is None or rank >= best:
            best, code = rank, found
    return code


def country_name_code(text: str, *, aliases: bool = True) -> str | None:
    """The code when the whole fragment is a country's name ("Deutschland", "Peru").

    aliases=False ignores case-sensitive short forms ("US", "ByH"), for places where a
    short form is more likely part of a name.
    """
    return _country_name_code(text, aliases)


# Cached: a list asks again and again for the same few tails (", Germany"), first words and
# parenthesized parts, and each lookup ran a regular expression and folded the text.
@lru_cache(maxsize=1 << 16)
def _country_name_code(text: str, aliases: bool) -> str | None:
    text = text.strip()
    if not text:
        return None
    table, _, _ = _tables()
    if aliases and _CASED_START.search(text):
        text = _CASED.sub(lambda m: data.CASED_ALIASES[m.group(1)], text)
    hit = table.get(word_tuple(text))
    if hit is None:  # a name in one of the other languages: "Sverige", "Ουγγαρία"
        return _country_fuzzy().extra_name_code(text)
    if hit[1] != _NAME:
        return None
    return hit[0]


@lru_cache(maxsize=1)
def _country_fuzzy() -> ModuleType:
    """country_fuzzy.py, which builds on this module: imported at the first lookup, once (an
    import statement in a function costs a microsecond on every call)."""
    from . import country_fuzzy

    return country_fuzzy


@lru_cache(maxsize=1)
def _regions() -> frozenset[tuple[str, ...]]:
    from babel import Locale

    names = {word_tuple(r) for r in _split(data.REGIONS)}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code.isdigit():
                names.add(word_tuple(name))
    return frozenset(n for n in names if n)


def is_region(text: str) -> bool:
    """Whether the fragment is a continent or region heading ("Africa", "Amérique latine")."""
    return word_tuple(text) in _regions() and bool(text.strip())


def english_country_name(code: str) -> str:
    """A readable English name for a code; the code itself when unknown."""
    return _tables()[2].get(code.upper(), code.upper())


def is_country_word(text: str) -> bool:
    """Whether the fragment is exactly a country name or adjective (for headings)."""
    table, _, _ = _tables()
    return word_tuple(text) in table


__all__ = [
    "country_from_text",
    "country_name_code",
    "english_country_name",
    "is_region",
]
