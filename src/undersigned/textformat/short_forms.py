"""Short forms of organization names: "MLPD", "Name (CCC)", "FSU – Fédération …",
"WDC, Whale …", "FSFE (Free Software Foundation Europe)", "Fédération … FSU".

A short form is taken only when its letters follow the initials of the name it stands
for, so that names that merely look like acronyms ("BUND Jugend", "ARTICLE 19") stay names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .countries import country_name_code
from .folding import fold, split_words, word_tuple
from .repeated_word import repeats_a_name_word
from .vocabulary import FUNCTION_WORDS, has_organization_word

# "MLPD", "CPA/ML", "TKP-ML", "UPC-Manidem", "PR-ByH", "UoC", "M5S".
_ACRONYM = re.compile(r"[A-Z0-9ÄÖÜÇŞİÉ][\w'’]*(?:[-/.&+][\w'’]+)*\.?")
DASH_ACRONYM = re.compile(r"^(?P<name>.+?)\s+[-–—]\s+(?P<abbr>\S+)$")
_NONSPACE = re.compile(r"[^ ]+")
_ACRONYM_PARTS = re.compile(r"[-/.&+]")
_LEADING_DASHED = re.compile(r"^(?P<abbr>[^\s,]+)\s*(?:[-–—]|,)\s+(?P<name>.+)$")


def is_acronym(token: str, *, strict: bool = False) -> bool:
    """Mostly capitals: "MLPD", "CPA/ML", "UPC-Manidem" (strict: no lower case at all)."""
    return _is_acronym(token, strict)


# Cached: asked of every word of many entries, and the same words come back line after line.
@lru_cache(maxsize=1 << 16)
def _is_acronym(token: str, strict: bool) -> bool:
    # Every answer below needs two capitals in the first part: counted first, as most words
    # asked about ("4", "Party") have fewer, without the pattern and the split.
    if len(token) > 24 or sum(map(str.isupper, token)) < 2 or not _ACRONYM.fullmatch(token):
        return False
    first = _ACRONYM_PARTS.split(token, maxsplit=1)[0]
    upper = sum(map(str.isupper, first))
    lower = sum(map(str.islower, first))
    if strict:
        return upper >= 2 and not any(map(str.islower, token))
    if upper >= 2 and lower == 0:
        return True
    # Mixed-case short forms: "UoC", "ByH", "PdA".
    return upper >= 2 and len(first) <= 6 and first[0].isupper()


def _tokens(text: str) -> list[tuple[int, int]]:
    """Spans of words, a balanced "(...)" group counting as one token."""
    if "(" not in text:
        if text and "  " not in text and text[0] != " " and text[-1] != " ":
            # Words between single spaces (most entries): measured along str.split(), some
            # twice as fast as a match object a word.
            spans, start = [], 0
            for word in text.split(" "):
                end = start + len(word)
                spans.append((start, end))
                start = end + 1
            return spans
        return [m.span() for m in _NONSPACE.finditer(text)]
    spans = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        start = i
        if text[i] == "(":
            depth = 0
            while i < n:
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                i += 1
                if depth == 0:
                    break
            # An unclosed "(" is an ordinary word up to the next space.
            if depth != 0:
                i = text.find(" ", start)
                i = n if i < 0 else i
        else:
            while i < n and text[i] != " ":
                i += 1
        spans.append((start, i))
    return spans


_NOT_CAPITAL_OR_DIGIT = re.compile(r"[^A-Z0-9]")


def word_initials(text: str) -> str:
    """Word initials plus inner capitals, folded: "Partija Rada - ByH" -> "prbh".

    A word in capitals gives its first letter only: "EINE WELT" is "ew", not "einewelt".
    """
    return fold("".join(map(_word_initials, split_words(text))))


# Cached: asked of every word of every name checked against a short form, and a list uses
# the same words again and again ("Party", "Union", "de").
@lru_cache(maxsize=1 << 16)
def _word_initials(word: str) -> str:
    """One word's part of word_initials(), not folded (lower-casing looks at neighbours)."""
    if word.isdigit():
        return word[0]  # a number has no capital after its first digit: no walk through it
    if not word.isupper() and not word[1:].islower():
        return word[0] + "".join(ch for ch in word[1:] if ch.isupper())
    return word[0]


def abbreviation_letters(abbr: str) -> str:
    if abbr.isascii():  # the same letters without a walk in Python: A-Z and 0-9
        return _NOT_CAPITAL_OR_DIGIT.sub("", abbr).lower()
    letters = [ch for ch in abbr if ch.isupper() or ch.isdigit()]
    return fold("".join(letters))


def initials_score(abbr: str, name: str) -> float:
    """Share of the abbreviation's capitals found, in order, among the name's initials."""
    letters = abbreviation_letters(abbr)
    initials = word_initials(name)
    if not letters or not initials:
        return 0.0
    found, position = 0, 0
    for letter in letters:
        at = initials.find(letter, position)
        if at >= 0:
            found += 1
            position = at + 1
    # The first letters must agree, or "ATTAC Deutschland" would pass on luck.
    if initials[0] != letters[0] and letters[0] not in initials[:2]:
        return 0.0
    return found / len(letters)


def _repeated(head: str, tail: str) -> bool:
    """Whether the first word may come back in the rest (a cheap test before the exact one)."""
    if head.isascii() and tail.isascii():
        return head.lower() in tail.lower()
    return fold(head) in fold(tail)


# Cached: the same first words come back entry after entry.
@lru_cache(maxsize=1 << 16)
def _may_be_repeated(first: str) -> bool:
    """Whether a first word that is no acronym may be a short name that the long one repeats
    ("Ranjbaran Hezb-e Ranjbaran-e Iran"): a capitalized word of four letters or more, neither
    a function word nor an organization's."""
    key = fold(first)
    return (
        len(key) >= 4
        and first[0].isupper()
        and key not in FUNCTION_WORDS
        and not has_organization_word(first)
    )


def split_leading_abbreviation(text: str, name_en: str | None) -> tuple[str | None, str]:
    """Split a leading abbreviation off a name: "CPI (ML) Red Star Communist Party ..."."""
    head, _, tail = text.partition(" ")
    if not tail:
        return None, text
    if sum(map(str.isupper, head)) < 2:
        # No acronym: only a short name that the long one repeats can be split off. The tests
        # of its word (below) come first, as they need no copy of the text. (The first word
        # is the head unless the text starts with a space or "(".)
        maybe = not head or head[0] == "(" or _may_be_repeated(head)
        if not maybe or not _repeated(head, tail):
            return None, text
    spans = _tokens(text)
    if len(spans) < 2:
        return None, text
    first = text[spans[0][0] : spans[0][1]]
    rest = [text[a:b] for a, b in spans[1:]]
    taken = 1
    acronym = _is_acronym(first, False)  # is_acronym(first) without a call in between
    if not acronym:
        # A short name repeated inside the long one: "Ranjbaran Hezb-e Ranjbaran-e Iran".
        key = fold(first)
        inner = word_tuple(" ".join(rest))
        if _may_be_repeated(first) and len(inner) >= 3 and any(w == key for w in inner[1:]):
            return first, text[spans[1][0] :]
        return None, text
    # A parenthesized qualifier belongs to the abbreviation when it is an acronym too,
    # or when the long name carries the same words: "PCP (independiente) ... (independiente)".
    if len(rest) > 1 and rest[0].startswith("(") and rest[0].endswith(")"):
        inner_text = rest[0][1:-1]
        if is_acronym(inner_text.replace(" ", "")) or rest[0] in rest[1:]:
            taken = 2
    remaining = rest[taken - 1 :]
    # Words repeated at the end of the name: "CPI (ML) Red Star ... (Marxist-Leninist) Red Star".
    for size in (3, 2, 1):
        if (
            len(remaining) >= 2 * size + 1
            and remaining[:size] == remaining[-size:]
            and not remaining[0].startswith("(")
        ):
            taken += size
            remaining = remaining[size:]
            break
    abbreviation = text[spans[0][0] : spans[taken - 1][1]]
    name = text[spans[taken][0] :]
    score = initials_score(abbreviation, name)
    if name_en and score < 0.6:
        score = initials_score(abbreviation, name_en)
    if score >= 0.6:
        return abbreviation, name
    return None, text


# One word in Arabic, Persian, Urdu, Hebrew or Devanagari letters.
_UNCASED_SPACED = re.compile(r"[\u0590-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u097f\u200c]+")


def is_parenthesized_abbreviation(content: str, before: str) -> bool:
    """ "(CCC)", "(IP.rec)", "(DHnet)", "(vzbv)" after the name they abbreviate."""
    if " " in content or len(content) > 14 or not content[:1].isalnum():
        return False
    if _is_acronym(content, True):
        return True
    # Scripts without capitals write short names as words: "(راد)" after a name of five
    # words, "(حدکا)". Not Chinese or Japanese, where a one-word parenthesis is a gloss.
    if _UNCASED_SPACED.fullmatch(content) and len(before.split()) >= 3:
        # Letters, not vowel signs: Devanagari spells a short form by syllables, "AIUTUC"
        # is "एआईयूटीयूसी", eleven code points of which seven are letters.
        return 2 <= sum(not unicodedata.category(ch).startswith("M") for ch in content) <= 8
    if any(ch.isupper() for ch in content[1:]):
        return initials_score(content, before) >= 0.6
    # "Unite the Union (Unite)": a word of the name, written again as its short form.
    if repeats_a_name_word(content, before):
        return True
    # "(vzbv)" after "Verbraucherzentrale Bundesverband": lower case, same first letter.
    initials = word_initials(before)
    return (
        content.islower()
        and len(initials) >= 2
        and len(content) >= 3
        and fold(content[0]) == initials[0]
    )


def only_short_forms(text: str) -> bool:
    """ "FFDN", "SEP-UNSA", "LAG 21 NRW", "ApTI": an entry that is only its short form."""
    if len(text) > 24:
        return False  # most entries: not worth a place in the cache
    return _only_short_forms(text)


@lru_cache(maxsize=1 << 16)
def _only_short_forms(text: str) -> bool:
    if len(text) > 24 or not text[:1].isupper():
        return False
    tokens = text.split()
    if not tokens or len(tokens) > 3:
        return False
    lettered = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if len(tokens) > 1 and (
        len(lettered) < 2 or not all(t.isupper() or t.isdigit() for t in tokens)
    ):
        return False
    token = tokens[0] if len(tokens) == 1 else "".join(lettered)
    letters = [ch for ch in token if ch.isalpha()]
    upper = sum(1 for ch in letters if ch.isupper())
    return upper >= 2 and upper > len(letters) - upper and token[:1].isupper()


def split_dashed_abbreviation(name: str) -> tuple[str | None, str]:
    """ "FSU – Fédération Syndicale Unitaire", "WDC, Whale …", "Idec - Instituto …"."""
    # The pattern backtracks through the first word: tried only with a dash or a comma.
    separated = "-" in name or "–" in name or "—" in name or "," in name
    match = _LEADING_DASHED.match(name) if separated else None
    if match is None:
        return None, name
    abbr, rest = match["abbr"], match["name"]
    if not abbr[:1].isupper() or not any(ch.isalpha() for ch in rest[:1]):
        return None, name
    comma = name[len(abbr) :].lstrip().startswith(",")
    if is_acronym(abbr, strict=True) and (not comma or initials_score(abbr, rest) >= 0.6):
        return abbr, rest
    if any(ch.isdigit() for ch in abbr) and any(ch.isupper() for ch in abbr) and not comma:
        return abbr, rest  # "D64 – Zentrum für digitalen Fortschritt"
    # "Idec - Instituto Brasileiro de Defesa do Consumidor": a short mixed-case form whose
    # letters follow the initials of the name after the dash.
    initials = word_initials(rest)
    if (
        not comma
        and len(abbr) <= 8
        and len(initials) >= 3
        and fold(abbr[0]) in initials[:2]
        and initials_score(abbr, rest) >= 0.6
    ):
        return abbr, rest
    return None, name


def short_form_and_country(text: str) -> tuple[str, str | None]:
    """ "3. MLPD Germany": in a numbered list, a short form and a country with no separator.
    Unnumbered, "CADTM France" or "FSF France" is a name."""
    head, _, tail = text.partition(" ")
    if tail and tail.count(" ") <= 6 and only_short_forms(head):
        code = country_name_code(tail, aliases=False)
        if code is not None:
            return head, code
    return text, None


def split_trailing_acronym(name: str) -> tuple[str | None, str]:
    """ "Fédération Syndicale Unitaire FSU": an acronym appended to the name it abbreviates."""
    head, _, last = name.rpartition(" ")
    if (
        _is_acronym(last, True)  # cached, and false for most names: asked first
        and len(head.split()) >= 2
        and initials_score(last, head) == 1.0
        and len(abbreviation_letters(last)) >= 2
    ):
        return last, head
    return None, name
