"""One line of a signatory list -> Signatory.

A line is read from the outside in: a ", Country" suffix, then parenthesized parts at the
end (country, acronym, translation, a person's affiliation), then an abbreviation before
the name, checked against the initials of the name it abbreviates.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from .countries import country_from_text, country_name_code
from .folding import fold, words
from .model import Signatory
from .vocabulary import (
    FUNCTION_WORDS,
    NAME_PARTICLES,
    PERSON_TITLES,
    has_organization_word,
    language_of,
)

_SPACE = re.compile(r"\s+")
# "MLPD", "CPA/ML", "TKP-ML", "UPC-Manidem", "PR-ByH", "UoC", "M5S".
_ACRONYM = re.compile(r"[A-Z0-9ÄÖÜÇŞİÉ][\w'’]*(?:[-/.&+][\w'’]+)*\.?")
_SUFFIX_SEPARATORS = (", ", " – ", " — ", " - ")
_DASH_ACRONYM = re.compile(r"^(?P<name>.+?)\s+[-–—]\s+(?P<abbr>\S+)$")
_NONSPACE = re.compile(r"[^ ]+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def is_acronym(token: str, *, strict: bool = False) -> bool:
    """Mostly capitals: "MLPD", "CPA/ML", "UPC-Manidem" (strict: no lower case at all)."""
    if not token or len(token) > 24 or not _ACRONYM.fullmatch(token):
        return False
    first = re.split(r"[-/.&+]", token)[0]
    upper = sum(1 for ch in first if ch.isupper())
    lower = sum(1 for ch in first if ch.islower())
    if strict:
        return upper >= 2 and not any(ch.islower() for ch in token)
    if upper >= 2 and lower == 0:
        return True
    # Mixed-case short forms: "UoC", "ByH", "PdA".
    return upper >= 2 and len(first) <= 6 and first[0].isupper()


def _closing_group(text: str) -> int | None:
    """Index of the "(" that matches a final ")", or None when unbalanced."""
    if not text.endswith(")"):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _tokens(text: str) -> list[tuple[int, int]]:
    """Spans of words, a balanced "(...)" group counting as one token."""
    if "(" not in text:
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


_INITIAL = re.compile(r"(?<![^\W_])([^\W_])|(?<=[^\W_])([^\W\d_a-z])")


def _initials(text: str) -> str:
    """Word initials plus inner capitals, folded: "Partija Rada - ByH" -> "prbh"."""
    return fold(
        "".join(
            first or (inner if inner.isupper() else "") for first, inner in _INITIAL.findall(text)
        )
    )


def _abbreviation_letters(abbr: str) -> str:
    letters = [ch for ch in abbr if ch.isupper() or ch.isdigit()]
    return fold("".join(letters))


def initials_score(abbr: str, name: str) -> float:
    """Share of the abbreviation's capitals found, in order, among the name's initials."""
    letters = _abbreviation_letters(abbr)
    initials = _initials(name)
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


def _is_person_name(text: str) -> bool:
    """ "Jane Doe", "Prof. Dr. Jane Doe", "Jean-Luc de la Roche", "J. R. Smith"."""
    tokens = text.split()
    titled = False
    while tokens and fold(tokens[0].rstrip(".")).replace(".", "") in PERSON_TITLES:
        tokens = tokens[1:]
        titled = True
    if not tokens or len(tokens) > 5 or (len(tokens) < 2 and not titled):
        return False
    if has_organization_word(text) or any(ch.isdigit() for ch in text):
        return False
    folded = words(text)
    if len(set(folded)) < len(folded):
        return False  # "Ranjbaran Hezb-e Ranjbaran-e Iran" repeats a short name
    capitalized = 0
    for token in tokens:
        if fold(token) in NAME_PARTICLES:
            continue
        if not re.fullmatch(r"[^\W\d_][\w'’\-.]*", token) or not token[0].isupper():
            return False
        upper = sum(1 for ch in token if ch.isupper())
        if upper >= 2 and 2 * upper >= sum(1 for ch in token if ch.isalpha()) and "." not in token:
            return False  # an acronym ("RM Rode Morgen"), not a name
        capitalized += 1
    return capitalized >= (1 if titled else 2)


def _country_suffix(text: str) -> tuple[str, str | None]:
    """Split ", Germany" / " – Germany" off the end."""
    for separator in _SUFFIX_SEPARATORS:
        at = text.rfind(separator)
        if at <= 0:
            continue
        tail = text[at + len(separator) :].strip().rstrip(".")
        if "(" in tail or ")" in tail:
            continue
        # Dashes separate a country only when spelled out: "Partija Rada - ByH" keeps "ByH".
        code = country_name_code(tail, aliases=separator == ", ")
        if code is not None:
            return text[:at].rstrip(), code
    return text, None


def _is_translation(content: str, before: str) -> bool:
    """ "(Red Dawn)" after "Rode Morgen": several words in another language."""
    if "(" in content:
        return True
    if len(words(content)) < 2:
        return False
    content_language, before_language = language_of(content), language_of(before)
    if content_language == "en":
        return before_language != "en"
    return None not in (content_language, before_language) and content_language != before_language


def _split_abbreviation(text: str, name_en: str | None) -> tuple[str | None, str]:
    """Split a leading abbreviation off a name: "CPI (ML) Red Star Communist Party ..."."""
    spans = _tokens(text)
    if len(spans) < 2:
        return None, text
    first = text[spans[0][0] : spans[0][1]]
    rest = [text[a:b] for a, b in spans[1:]]
    taken = 1
    acronym = is_acronym(first)
    if not acronym:
        # A short name repeated inside the long one: "Ranjbaran Hezb-e Ranjbaran-e Iran".
        key = fold(first)
        inner = words(" ".join(rest))
        if (
            len(key) >= 4
            and first[0].isupper()
            and key not in FUNCTION_WORDS
            and not has_organization_word(first)
            and len(inner) >= 3
            and any(w == key for w in inner[1:])
        ):
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


def parse_signatory(
    text: str,
    number: int | None = None,
    group: str | None = None,
    group_country: str | None = None,
) -> Signatory:
    """Read one entry of a signatory list (without its list marker)."""
    # Cached because render_text() reads every line it writes back to check it; a copy
    # keeps callers from changing the cached object.
    return dataclasses.replace(_parse_signatory(text, number, group, group_country))


@lru_cache(maxsize=1 << 17)
def _parse_signatory(
    text: str, number: int | None, group: str | None, group_country: str | None
) -> Signatory:
    text = _clean(text)
    text, country = _country_suffix(text)
    stated = country is not None
    name_en: str | None = None
    paren_abbreviation: str | None = None
    affiliation: str | None = None
    person = False

    # Parenthesized parts at the end, outermost last: "Name (English) (ABBR)".
    while True:
        start = _closing_group(text)
        if start is None:
            break
        before = text[:start].rstrip()
        content = text[start + 1 : -1].strip()
        if not before or not content:
            break
        if country is None and country_name_code(content) is not None:
            country, stated, text = country_name_code(content), True, before
            continue
        if paren_abbreviation is None and name_en is None and is_acronym(content, strict=True):
            paren_abbreviation, text = content, before
            continue
        if (
            affiliation is None
            and name_en is None
            and ("," in content or has_organization_word(content))
            and _is_person_name(before)
        ):
            # "Prof. Dr. Jane Doe (University of X, Germany)"
            affiliation, inner_country = _country_suffix(content)
            if inner_country is not None and country is None:
                country, stated = inner_country, True
            person, text = True, before
            break
        if name_en is None and _is_translation(content, before):
            name_en, text = content, before
            continue
        break

    abbreviation, name = (None, text) if person else _split_abbreviation(text, name_en)
    if abbreviation is None and not person:
        if paren_abbreviation is not None:
            abbreviation, paren_abbreviation = paren_abbreviation, None
        else:
            match = _DASH_ACRONYM.match(name)
            if match and is_acronym(match["abbr"], strict=True):
                abbreviation, name = match["abbr"], match["name"]
    if paren_abbreviation is not None:
        name = f"{name} ({paren_abbreviation})"

    if not person and abbreviation is None and name_en is None:
        head, _, tail = name.partition(", ")
        if _is_person_name(head):
            person, name = True, head
            affiliation = tail or None
    kind = "person" if person else "organization"
    if affiliation is not None:
        affiliation = affiliation.strip() or None

    if country is None:
        country = group_country
    if country is None:
        if person:
            country = country_from_text(affiliation) if affiliation else None
        else:
            country = country_from_text(name) or (country_from_text(name_en) if name_en else None)
    return Signatory(
        number=number,
        abbreviation=abbreviation,
        name=name,
        name_en=name_en,
        country=country,
        group=group,
        kind=kind,
        affiliation=affiliation,
        country_stated=stated,
    )
