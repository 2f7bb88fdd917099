"""Country names in more languages, and misspelt ones, for a country written apart.

countries.py reads names in the seven languages of most statements anywhere in a name. A
coalition also writes "(Узбекистан)", ", Sverige" or a country column in Greek; and people
misspell ("Chyprue", "Swisse"). Both are read here, only where a place holds a country by
itself (a parenthesis, after the last comma, a table's country column), so that a word inside
an organization's name never turns into a country.

The names are babel's CLDR territory names, read from its locale files at the first lookup
that misses countries.py's table (some 0.1 s; the table and the fuzzy index keep about 5 MB).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .countries import _NAME, _tables, country_name_code
from .folding import _WORD, fold_uncached, word_tuple

# The languages of the corpus beyond countries.LANGUAGES, and the common ones of coalitions.
_LANGUAGES = (
    "ca nl pl ro da no nn sv fi cs sk sl hr hu el ru uk bg sr sr_Latn mk sq lt lv et ar fa ur "
    "hi bn he ja zh zh_Hant ko id ms vi th sw am"
)
EXTRA_LANGUAGES = tuple(_LANGUAGES.split())
# Names in some language that are also common words elsewhere ("cada" is Catalan for Chad and
# Spanish for "each"): like names of 3 letters or fewer ("Tai", "Nga"), read only where a
# country stands apart, never as a whole line (a heading).
_COMMON = frozenset(
    {"cada", "norra", "kena", "sark", "gane", "lati", "indi", "japo", "libi", "siri", "kube"}
)
# "Korea" alone is blocked in names (North or South?); written apart it is the South's.
_APART = {("korea",): "KR", ("corea",): "KR", ("coree",): "KR", ("kore",): "KR"}
_SHORT = 3  # names of this many letters or fewer are read only apart
# Fuzzy matching reads a written name of 5 letters or more, against names of 6 or more: a
# place is often one edit from a short country ("Lagos" and Laos, "Konya" and Kenya).
_MIN_FUZZY = 5
_MIN_CANDIDATE = 6


def _babel_names() -> dict[str, dict[str, None]]:
    """Code -> its names in EXTRA_LANGUAGES, from babel's locale files.

    Read one by one rather than through babel.Locale, which would keep every locale's whole
    data (some 40 MB for these languages) in its cache for the life of the process."""
    import pickle

    import babel

    folder = Path(babel.__file__).with_name("locale-data")
    names: dict[str, dict[str, None]] = {}
    for language in EXTRA_LANGUAGES:
        with open(folder / f"{language}.dat", "rb") as file:
            territories = pickle.load(file).get("territories", {})
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
                names.setdefault(code, {})[name] = None
    return names


@lru_cache(maxsize=1)
def _extra() -> dict[tuple[str, ...], str | None]:
    """Folded name -> code (None when two countries share it) for names not in countries.py."""
    known = _tables()[0]
    table: dict[tuple[str, ...], str | None] = {}
    for code, forms in _babel_names().items():
        for form in forms:
            # Uncached folding: thousands of names would fill the parser's caches.
            key = tuple(_WORD.findall(fold_uncached(form)))
            if not key or key in known:
                continue
            table[key] = code if table.get(key, code) == code else None
    return table


def _apart_only(key: tuple[str, ...]) -> bool:
    return sum(map(len, key)) <= _SHORT or " ".join(key) in _COMMON


def extra_name_code(text: str) -> str | None:
    """The code when the whole fragment is a country's name in another language ("Sverige").

    Short names and common words are left to separate_country."""
    key = word_tuple(text)
    code = _extra().get(key)
    return None if code is None or _apart_only(key) else code


@lru_cache(maxsize=1)
def _candidates() -> tuple[dict[tuple[int, str], list[str]], dict[str, str | None]]:
    """Every country name (and blocked phrase), folded and joined, filed under its length with
    its first two letters and again with its last two (a misspelling rarely gets both wrong);
    and each name's code (None for a blocked phrase or a name two countries share)."""
    index: dict[tuple[int, str], list[str]] = {}
    codes: dict[str, str | None] = {}
    names = [(k, v[0]) for k, v in _tables()[0].items() if v[1] == _NAME or v[0] is None]
    for key, code in [*names, *_extra().items(), *_APART.items()]:
        joined = " ".join(key)
        if len(joined) < _MIN_CANDIDATE:
            continue
        if joined in codes:
            codes[joined] = code if codes[joined] == code else None
            continue
        codes[joined] = code
        for end in (joined[:2], "$" + joined[-2:]):
            index.setdefault((len(joined), end), []).append(joined)
    return index, codes


def _distance(a: str, b: str, limit: int) -> int:
    """Edits from a to b, two swapped neighbours counting as one ("Untied", "Austira"), or
    limit + 1 once it is sure to exceed the limit."""
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit and min(previous) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=1 << 12)
def fuzzy_country(text: str) -> str | None:
    """The one country a misspelt name is closest to: ≤ 1 edit for 5-7 letters, ≤ 2 for more
    (≤ 1 for several words: "Saint Mary" is no "Saint-Marin"), with the same first letter
    ("Murcia" is no "Turcia") and against names of 6 letters or more ("Konya" is no "Kenya")."""
    key = word_tuple(text)
    # One word in capitals is an abbreviation ("SEATINI" is not "Eswatini").
    if not key or len(key) > 4 or any(c.isdigit() for c in text) or text.strip().isupper():
        return None
    joined = " ".join(key)
    n = len(joined)
    if n < _MIN_FUZZY:
        return None
    limit = 1 if n <= 7 or " " in joined else 2
    best, codes = limit + 1, set()
    index, code_of = _candidates()
    for size in range(n - limit, n + limit + 1):
        for end in (joined[:2], "$" + joined[-2:]):
            for name in index.get((size, end), ()):
                if name[0] != joined[0]:
                    continue
                d = _distance(joined, name, limit)
                if d < best:
                    best, codes = d, {code_of[name]}
                elif d == best:
                    codes.add(code_of[name])
    if best > limit or len(codes) != 1:
        return None
    return codes.pop()


# No country's name, in any language, has a digit (tests/textformat/test_speed_shortcuts.py
# checks the tables): "(UFC1)", "Workers 5 (Germany)" need no lookup, nor a place in the cache.
DIGIT = re.compile(r"\d")


def separate_country(text: str) -> tuple[str, str] | None:
    """(code, how) for a country written as an element by itself: its name in any of the
    languages ("stated") or a misspelling of one ("country fuzzy"); None otherwise."""
    return None if DIGIT.search(text) else _separate_country(text)


# Cached: the places after a last comma or in parentheses come back line after line.
@lru_cache(maxsize=1 << 14)
def _separate_country(text: str) -> tuple[str, str] | None:
    key = word_tuple(text)
    code = country_name_code(text) or _extra().get(key) or _APART.get(key)
    if code is not None:
        return code, "stated"
    code = fuzzy_country(text)
    return (code, "country fuzzy") if code is not None else None
