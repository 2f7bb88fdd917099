"""One line of a signatory list -> Signatory.

A line is read from the outside in: a ", Country" suffix, then parenthesized parts at the
end (country, acronym, translation, a person's affiliation), then an abbreviation before
the name, checked against the initials of the name it abbreviates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .countries import country_from_text, country_name_code, is_region
from .folding import fold, words
from .model import Signatory
from .persons import affiliation, is_person_name, is_role, strip_titles
from .vocabulary import (
    FUNCTION_WORDS,
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
    if "  " not in text and text == text.strip() and text.isprintable():
        return text  # lines from the parser are clean already
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


_WORDS = re.compile(r"[^\W_]+")
_INITIAL = re.compile(r"(?<![^\W_])([^\W_])|(?<=[^\W_])([^\W\d_a-z])")


def _initials(text: str) -> str:
    """Word initials plus inner capitals, folded: "Partija Rada - ByH" -> "prbh".

    A word in capitals gives its first letter only: "EINE WELT" is "ew", not "einewelt".
    """
    out = []
    for word in _WORDS.findall(text):
        if word.isupper():
            out.append(word[0])
        else:
            out.extend(
                first or (inner if inner.isupper() else "")
                for first, inner in _INITIAL.findall(word)
            )
    return fold("".join(out))


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


def _repeated(head: str, tail: str) -> bool:
    """Whether the first word may come back in the rest (a cheap test before the exact one)."""
    if head.isascii() and tail.isascii():
        return head.lower() in tail.lower()
    return fold(head) in fold(tail)


def _split_abbreviation(text: str, name_en: str | None) -> tuple[str | None, str]:
    """Split a leading abbreviation off a name: "CPI (ML) Red Star Communist Party ..."."""
    head, _, tail = text.partition(" ")
    if not tail or (sum(map(str.isupper, head)) < 2 and not _repeated(head, tail)):
        return None, text  # neither an acronym nor a short name repeated in the long one
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
    cached = _parse_signatory(text, number, group, group_country)
    clone = object.__new__(Signatory)  # a plain copy, faster than copy.copy()
    clone.__dict__.update(cached.__dict__)
    return clone


_ABBREVIATED_WORDS = "jr sr inc ltd co corp bros st e.v e.k s.a s.l s.j ev ek sa sl sj gmbh mbh v k"
_KEEP_FINAL_PERIOD = frozenset(_ABBREVIATED_WORDS.split())
_SEVERAL_COUNTRIES = re.compile(r"\s*(?:/|,|;|&|\band\b|\bet\b|\bund\b|\by\b|\be\b)\s*")
_LEADING_DASHED = re.compile(r"^(?P<abbr>[^\s,]+)\s*(?:[-–—]|,)\s+(?P<name>.+)$")


def _strip_final_period(text: str) -> str:
    """ "Fundación Corona." -> "Fundación Corona"; "Pengutronix e.K." and "Jr." keep theirs."""
    if not text.endswith(".") or text.endswith(".."):
        return text
    last = text[:-1].rsplit(" ", 1)[-1]
    if len(last) <= 1 or "." in last or fold(last) in _KEEP_FINAL_PERIOD:
        return text
    return text[:-1].rstrip()


def _several_countries(content: str) -> bool:
    """ "(France / Switzerland)": two places or more, so no one country."""
    parts = [p for p in _SEVERAL_COUNTRIES.split(content) if p]
    return len(parts) >= 2 and all(country_name_code(p) is not None or is_region(p) for p in parts)


def _is_descriptor(content: str) -> bool:
    """ "(EU trade association representing 45.000 EU SMEs)": a description, not a name."""
    tokens = [t for t in content.split() if fold(t) not in FUNCTION_WORDS]
    if len(tokens) < 3:
        return False
    lower = sum(1 for t in tokens if t[:1].islower())
    return 2 * lower >= len(tokens) or any(ch.isdigit() for ch in content)


def _paren_abbreviation(content: str, before: str) -> bool:
    """ "(CCC)", "(IP.rec)", "(DHnet)", "(vzbv)" after the name they abbreviate."""
    if " " in content or len(content) > 14 or not content[:1].isalnum():
        return False
    if is_acronym(content, strict=True):
        return True
    if any(ch.isupper() for ch in content[1:]):
        return initials_score(content, before) >= 0.6
    # "(vzbv)" after "Verbraucherzentrale Bundesverband": lower case, same first letter.
    initials = _initials(before)
    return (
        content.islower()
        and len(initials) >= 2
        and len(content) >= 3
        and fold(content[0]) == initials[0]
    )


def _only_short_forms(text: str) -> bool:
    """ "FFDN", "SEP-UNSA", "LAG 21 NRW", "ApTI": an entry that is only its short form."""
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


def _leading_dashed(name: str) -> tuple[str | None, str]:
    """ "FSU – Fédération Syndicale Unitaire", "WDC, Whale …", "Idec - Instituto …"."""
    match = _LEADING_DASHED.match(name)
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
    initials = _initials(rest)
    if (
        not comma
        and len(abbr) <= 8
        and len(initials) >= 3
        and fold(abbr[0]) in initials[:2]
        and initials_score(abbr, rest) >= 0.6
    ):
        return abbr, rest
    return None, name


_NAME_SUFFIX = re.compile(r"^((?:Jr|Sr|Jnr|Snr)\.?|I{2,3}|IV)(?=,|$)")


def _name_shaped(head: str) -> bool:
    """ "Kim KATOR", "caroline ponder", "DJ Trela": before a role, two to four plain words
    are a name even when their case is unusual."""
    tokens = head.split()
    return (
        2 <= len(tokens) <= 4
        and not has_organization_word(head)
        and all(re.fullmatch(r"[^\W\d_][\w'’.\-]*", t) for t in tokens)
    )


def _short_form_and_country(text: str) -> tuple[str, str | None]:
    """ "3. MLPD Germany": in a numbered list, a short form and a country with no separator.
    Unnumbered, "CADTM France" or "FSF France" is a name."""
    head, _, tail = text.partition(" ")
    if tail and _only_short_forms(head):
        code = country_name_code(tail, aliases=False)
        if code is not None:
            return head, code
    return text, None


def _trailing_acronym(name: str) -> tuple[str | None, str]:
    """ "Fédération Syndicale Unitaire FSU": an acronym appended to the name it abbreviates."""
    head, _, last = name.rpartition(" ")
    if (
        len(head.split()) >= 2
        and is_acronym(last, strict=True)
        and initials_score(last, head) == 1.0
        and len(_abbreviation_letters(last)) >= 2
    ):
        return last, head
    return None, name


def _person(text: str) -> tuple[str, str | None] | None:
    """(name, affiliation) when the entry is a person: "Jane Doe, Role, University"."""
    for separator in (", ", " - ", " – ", " — ", " for "):
        head, found, tail = text.partition(separator)
        if not found:
            continue
        parts = tail.split(", ") if separator in (", ", " - ", " – ", " — ") else [tail]
        if not is_person_name(head) and not (
            separator == ", " and is_role(parts[0]) and _name_shaped(head)
        ):
            continue
        name = strip_titles(head)[0]
        suffix = _NAME_SUFFIX.match(tail) if separator == ", " else None
        if suffix:  # "Thomas Heyward, Jr." keeps its suffix
            name, tail = f"{name}, {suffix[1]}", tail[suffix.end() :].removeprefix(", ")
            if not tail:
                return name, None
        if separator != ", " and (not tail[:1].isupper() or is_acronym(tail, strict=True)):
            continue  # "Confédération Générale du Travail – CGT" is a name and its acronym
        return name, affiliation(parts)
    return None


@lru_cache(maxsize=1 << 17)
def _parse_signatory(
    text: str, number: int | None, group: str | None, group_country: str | None
) -> Signatory:
    text = _strip_final_period(_clean(text))
    text, country = _country_suffix(text)
    if country is None and number is not None:
        text, country = _short_form_and_country(text)
    stated = country is not None
    name_en: str | None = None
    paren_abbreviation: str | None = None
    expanded: str | None = None  # the abbreviation of "FSFE (Free Software Foundation Europe)"
    affiliation_: str | None = None
    person = False

    # "Jane Doe, Role, University (ABBR)": a person, whatever the parentheses hold.
    found = _person(text) if "(" not in text.split(", ", 1)[0] else None
    if found is not None:
        person, (text, affiliation_) = True, found
    # Parenthesized parts at the end, outermost last: "Name (English) (ABBR)".
    while not person:
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
        if _several_countries(content):
            text = before
            continue
        if paren_abbreviation is None and name_en is None and _paren_abbreviation(content, before):
            paren_abbreviation, text = content, before
            continue
        if (
            name_en is None
            and " " not in before
            and is_acronym(before)
            and initials_score(before, content) >= 0.6
        ):
            expanded, text = before, content
            break
        bare, titled = strip_titles(before)
        if (
            affiliation_ is None
            and name_en is None
            and ("," in content or has_organization_word(content) or titled)
            and is_person_name(bare)
        ):
            # "Prof. Dr. Jane Doe (University of X, Germany)"
            affiliation_, inner_country = _country_suffix(content)
            if inner_country is not None and country is None:
                country, stated = inner_country, True
            person, text = True, strip_titles(before)[0]
            break
        if name_en is None and _is_descriptor(content):
            text = before
            continue
        if name_en is None and _is_translation(content, before):
            name_en, text = content, before
            continue
        break

    abbreviation: str | None = expanded
    name = text
    if not person and expanded is None:
        abbreviation, name = _split_abbreviation(text, name_en)
        if abbreviation is not None:
            name = name.lstrip("–—-, ").strip() or name
        if abbreviation is None:
            abbreviation, name = _leading_dashed(name)
    if abbreviation is None and not person:
        if paren_abbreviation is not None:
            abbreviation, paren_abbreviation = paren_abbreviation, None
        else:
            match = _DASH_ACRONYM.match(name)
            if match and is_acronym(match["abbr"], strict=True):
                abbreviation, name = match["abbr"], match["name"]
            elif _only_short_forms(name):
                abbreviation = name
            else:
                abbreviation, name = _trailing_acronym(name)
    if paren_abbreviation is not None:
        name = f"{name} ({paren_abbreviation})"

    if not person and abbreviation is None and name_en is None:
        head, _, tail = name.partition(", ")
        if is_person_name(head):
            person, name = True, strip_titles(head)[0]
            affiliation_ = tail or None
    kind = "person" if person else "organization"
    if affiliation_ is not None:
        affiliation_ = affiliation_.strip() or None

    if country is None:
        country = group_country
    if country is None:
        if person:
            country = country_from_text(affiliation_) if affiliation_ else None
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
        affiliation=affiliation_,
        country_stated=stated,
    )
