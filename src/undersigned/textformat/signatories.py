"""One line of a signatory list -> Signatory.

A line is read from the outside in: a ", Country" suffix, then a person ("Name, Role,
Institution", persons.py), then parenthesized parts at the end (country, short form,
translation, description, a person's affiliation), then short forms before or after the
name (short_forms.py), checked against the initials of the name they abbreviate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import persons
from .confidence import field_confidences
from .countries import country_from_text, country_name_code, is_region
from .country_fuzzy import DIGIT, separate_country
from .credentials import without_credentials
from .described_persons import described_person, description_affiliation
from .entry_shapes import country_prefix, numbered_short_form_country
from .folding import fold, word_tuple
from .glued_dashes import unglued_dashes
from .model import Signatory
from .nicknames import without_nickname
from .persons import (
    affiliation,
    is_person_name,
    parenthesis_affiliation,
    role_first_person,
    strip_titles,
)
from .persons_cjk import (
    abbreviates,
    cjk_affiliation,
    has_cjk,
    is_cjk_person_name,
    name_before_own_office,
)
from .places import without_places, without_scope
from .short_forms import (
    DASH_ACRONYM,
    abbreviation_letters,
    initials_score,
    is_acronym,
    is_parenthesized_abbreviation,
    only_short_forms,
    split_dashed_abbreviation,
    split_leading_abbreviation,
    split_trailing_acronym,
)
from .vocabulary import (
    FUNCTION_WORDS,
    has_organization_word,
    language_of,
)

# Cached: a list repeats its roles and institutions line after line ("Professor of Law",
# "University of X"), and each is asked of several parts of the same entry.
is_role = lru_cache(maxsize=1 << 14)(persons.is_role)
is_institution = lru_cache(maxsize=1 << 14)(persons.is_institution)
is_place_of_work = lru_cache(maxsize=1 << 14)(persons.is_place_of_work)
_SPACE = re.compile(r"\s+")
# ", Germany", " – Germany"; and the Arabic "in" of a party named with its country, as lists of
# parties that took part write it ("المنبر التقدمي في البحرين": … in Bahrain).
_SUFFIX_SEPARATORS = (", ", " – ", " — ", " - ", " في ")
_APART_SEPARATORS = (", ", " في ")


def _clean(text: str) -> str:
    if "  " not in text and text == text.strip() and text.isprintable():
        return text  # lines from the parser are clean already
    return _SPACE.sub(" ", text).strip()


def _closing_group(text: str) -> int | None:
    """Index of the "(" that matches a final ")", or None when unbalanced. Chinese and
    Japanese write them full width ("（", "）"), alone or mixed with the narrow ones."""
    if not text.endswith((")", "）")):
        return None
    # Most groups hold no other bracket: the last "(" is the match, found without a walk.
    start = text.rfind("(")
    if (
        start >= 0
        and text[-1] == ")"
        and text.find(")", start, len(text) - 1) < 0
        and text.find("（", start) < 0
        and text.find("）", start) < 0
    ):
        return start
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            depth -= 1
            if depth == 0:
                return i
    return None


def _country_suffix(text: str) -> tuple[str, str | None, str]:
    """Split ", Germany" / " – Germany" off the end; how the country was read."""
    for separator in _SUFFIX_SEPARATORS:
        at = text.rfind(separator)
        if at <= 0:
            continue
        tail = text[at + len(separator) :].strip().rstrip(".")
        # No country name has more than six words ("Saint Vincent and the Grenadines"), nor
        # a digit ("… – RCFAL2"; see separate_country).
        if "(" in tail or ")" in tail or tail.count(" ") > 6 or DIGIT.search(tail):
            continue
        # Dashes separate a country only when spelled out: "Partija Rada - ByH" keeps "ByH".
        code = country_name_code(tail, aliases=separator == ", ")
        if code is not None:
            return text[:at].rstrip(), code, "stated"
        # After the last comma a place stands by itself: other languages, misspellings.
        found = separate_country(tail) if separator in _APART_SEPARATORS else None
        if found is not None:
            return text[:at].rstrip(), *found
    return text, None, "stated"


def _is_translation(content: str, before: str) -> bool:
    """ "(Red Dawn)" after "Rode Morgen": several words in another language."""
    if "(" in content:
        return True
    if len(word_tuple(content)) < 2:
        return False
    content_language, before_language = language_of(content), language_of(before)
    if content_language == "en":
        return before_language != "en"
    return None not in (content_language, before_language) and content_language != before_language


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
    # Its own field confidences and doubts, the rest shared. dict.copy() and two stores take
    # half the time of building the dict anew with {**…} (which inserts key by key).
    fields = cached.__dict__.copy()
    fields["field_confidence"] = cached.field_confidence.copy()
    fields["doubts"] = cached.doubts.copy()
    clone.__dict__ = fields
    return clone


_ABBREVIATED_WORDS = "jr sr inc ltd co corp bros st e.v e.k s.a s.l s.j ev ek sa sl sj gmbh mbh v k"
_KEEP_FINAL_PERIOD = frozenset(_ABBREVIATED_WORDS.split())
_SEVERAL_COUNTRIES = re.compile(r"\s*(?:/|,|;|&|\band\b|\bet\b|\bund\b|\by\b|\be\b)\s*")


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
    if content.isalnum():
        # One word, no sign: the pattern can only match all of it ("y"), leaving no part.
        return False
    parts = [p for p in _SEVERAL_COUNTRIES.split(content) if p]
    return len(parts) >= 2 and all(country_name_code(p) is not None or is_region(p) for p in parts)


def _is_descriptor(content: str) -> bool:
    """ "(EU trade association representing 45.000 EU SMEs)": a description, not a name."""
    tokens = [t for t in content.split() if fold(t) not in FUNCTION_WORDS]
    if len(tokens) < 3:
        return False
    lower = sum(1 for t in tokens if t[:1].islower())
    return 2 * lower >= len(tokens) or any(ch.isdigit() for ch in content)


_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_NAME_SUFFIX = re.compile(r"^((?:Jr|Sr|Jnr|Snr)\.?|I{2,3}|IV)(?=,|$)")


def _name_shaped(head: str) -> bool:
    """ "Kim KATOR", "caroline ponder", "DJ Trela": before a role, two to four plain words
    are a name even when their case is unusual."""
    tokens = head.split()
    return (
        2 <= len(tokens) <= 4
        and not has_organization_word(head)
        and all(_PLAIN_WORD.fullmatch(t) for t in tokens)
    )


def _split_outside_parentheses(text: str) -> list[str]:
    """ "MEP (Greens/EFA, Germany), Brussels" -> ["MEP (Greens/EFA, Germany)", "Brussels"]."""
    if "(" not in text:
        return text.split(", ")  # the same parts, without walking the text letter by letter
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and text[index + 1 : index + 2] == " ":
            parts.append(text[start:index])
            start = index + 2
    parts.append(text[start:])
    return parts


def _person(text: str) -> tuple[str, str | None, str] | None:
    """(name, affiliation, what says so) when the entry is a person: "Jane Doe, Role,
    University". What says so is "role" (a role or a title), else only the name's shape."""
    for separator in (", ", " - ", " – ", " — ", " for "):
        if separator not in text:
            continue  # most entries: no copies of the text made to learn it
        head, _, tail = text.partition(separator)
        # "Jan Nowak – poet", "… – NSZZ X – Nowy Sącz": after a person's name the dash
        # opens a description, whatever its case and dashes (see described_persons).
        described = separator != ", " and separator != " for " and described_person(text)
        if separator != ", " and separator in tail and not described:
            continue  # "Union of Textile - Clothing - Leather Workers": one name in parts
        parts = _split_outside_parentheses(tail) if separator != " for " else [tail]
        # "Kim KATOR, Role, …", "CW Johnson, University …": a name of unusual case is a
        # person's when a role or an institution follows it.
        person_name = is_person_name(head)  # asked up to three times below: once
        if not person_name and not (
            separator == ", "
            and _name_shaped(head)
            and (is_role(parts[0]) or is_institution(parts[0]))
        ):
            continue
        name, titled = strip_titles(head)
        suffix = _NAME_SUFFIX.match(tail) if separator == ", " else None
        if suffix:  # "Thomas Heyward, Jr." keeps its suffix
            name, tail = f"{name}, {suffix[1]}", tail[suffix.end() :].removeprefix(", ")
            if not tail:
                return name, None, "role"
        if (
            separator != ", "
            and not described
            and (not tail[:1].isupper() or is_acronym(tail, strict=True))
        ):
            continue  # "Confédération Générale du Travail – CGT" is a name and its acronym
        # A role or a title says it is a person; a name's shape alone ("Jamaicans United for
        # …") may be an organization's.
        if (
            titled
            or any(is_role(p) for p in parts)
            or (separator == ", " and len(parts) > 1)
            or (separator == ", " and person_name and is_institution(parts[0]))
            or (person_name and is_place_of_work(parts[0]))  # "Jane Doe - Univ. X"
        ):
            how = "role"  # a role, a title, or a place of work after a name says so
        elif separator != ", ":
            how = "shape joined"  # "Faith Action for …", "Jubilee South - …"
        else:
            how = "shape" if person_name else "odd shape"
        if described:
            return name, description_affiliation(tail), how
        return name, _affiliation(tuple(parts)), how
    return None


def _nicknamed(text: str) -> tuple[str, str | None, str] | None:
    """ "Paulo Pereira da Silva (Paulinho), Presidente da Força Sindical": a person whose
    nickname follows the name, their office or body after it (as a list of ours writes it:
    "…(Paulinho), Força Sindical"); the nickname stays in the name."""
    head, _, tail = text.partition(", ")
    if not tail:
        return None  # no office or body after it (most entries): no nickname to read
    bare, nick = without_nickname(head)
    if nick is None:
        return None
    found = _person(f"{bare}, {tail}")
    if found is None:
        return None
    return f"{found[0]} ({nick})", found[1], found[2]


# Cached: signatories of one list share roles and institutions ("Professor of Law",
# "University of X"), and reading them is a third of a person's entry.
@lru_cache(maxsize=1 << 14)
def _affiliation(parts: tuple[str, ...]) -> str | None:
    return affiliation(list(parts))


# Cached for the same reason: "University of X" names its country once per list.
_affiliation_country = lru_cache(maxsize=1 << 14)(country_from_text)


@dataclass
class _Reading:
    """What reading one entry found so far; its text shrinks as parts are recognized."""

    text: str
    country: str | None
    stated: bool  # the entry names its country (not only its heading)
    name_en: str | None = None
    paren_abbreviation: str | None = None
    expanded: str | None = None  # the abbreviation of "FSFE (Free Software Foundation Europe)"
    affiliation: str | None = None
    person: bool = False
    # How each field was decided ("country": "stated", "kind": "shape", …): confidence.py
    # turns these into each field's confidence.
    how: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1 << 17)
def _parse_signatory(
    text: str, number: int | None, group: str | None, group_country: str | None
) -> Signatory:
    written = text
    text = _strip_final_period(_clean(text))
    text = unglued_dashes(text)  # "Ligue … – LDL- Canada"
    text, labelled = country_prefix(text)  # "Greek: ADEDY (…)"
    text, country, how = _country_suffix(text)
    if "(" in text and _nicknamed(text) is None:
        text = without_places(text)  # "Name (ATC), Managua, Nicaragua": the city is no field
    if country is None:
        text = without_scope(text)  # "Access Now (Global)": no country, and not the name
    if country is None and labelled is not None:
        country, how = labelled, "stated"
    if country is None and number is not None:
        text, country, how = numbered_short_form_country(text)
    entry = _Reading(text, country, country is not None)
    if country is not None:
        entry.how["country"] = how

    # "Jane Doe, Role, University (ABBR)": a person, whatever the parentheses hold.
    # "председатель Союза пекарей Иван Петров": the office and the body, then the name.
    first = role_first_person(text) if "(" not in text else None
    # An ASCII text has no Chinese or Japanese: most entries are answered without a search.
    if first is None and "(" not in text and not text.isascii() and has_cjk(text):
        first = name_before_own_office(text)  # "山田花子山田花子法律事務所"
    if first is not None:
        found: tuple[str, str | None, str] | None = (*first, "role")
    else:
        found = _person(text) if "(" not in text.partition(", ")[0] else _nicknamed(text)
    if found is not None:
        entry.person, (entry.text, entry.affiliation, entry.how["kind"]) = True, found
    else:
        _read_parentheses(entry)
    abbreviation, name = _abbreviation_and_name(entry)
    if not entry.person and abbreviation is None and entry.name_en is None:
        head, _, tail = name.partition(", ")
        # Whether the head is a name is asked first: for most organizations it is the only
        # question (a digit or an organization's word answers it).
        if is_person_name(head):
            bare, titled = strip_titles(head)
            role = titled or bool(tail and is_role(tail))
            entry.person, name = True, bare
            entry.affiliation = tail or None
            entry.how["kind"] = "role" if role else "shape"
        elif len(name) <= 4 and not name.isascii() and is_cjk_person_name(name):
            # "盧倩儀": a Chinese or Japanese name alone is a person's (a body's name ends
            # with its kind, 会, 党, 聯盟, …).
            entry.person = True
            entry.how["kind"] = "shape"
    affiliation_ = (entry.affiliation or "").strip() or None
    # Positional, in the order of its fields: a call with keywords builds a dict of them.
    signatory = Signatory(
        number,
        abbreviation,
        name,
        entry.name_en,
        _country(entry, name, affiliation_, group_country),
        group,
        "person" if entry.person else "organization",
        affiliation_,
        entry.stated,
    )
    signatory.field_confidence, signatory.doubts = field_confidences(signatory, entry.how, written)
    return signatory


def _read_parentheses(entry: _Reading) -> None:
    """Read the parenthesized parts at the end, outermost last: "Name (English) (ABBR)"."""
    while not entry.person:
        start = _closing_group(entry.text)
        if start is None:
            return
        before = entry.text[:start].rstrip()
        content = entry.text[start + 1 : -1].strip()
        if not before or not content or not _read_group(entry, before, content):
            return


def _read_group(entry: _Reading, before: str, content: str) -> bool:
    """Take what "before (content)" says into the entry; whether to read the next group."""
    found = separate_country(content) if entry.country is None else None
    if found is not None:
        (entry.country, entry.how["country"]), entry.stated, entry.text = found, True, before
        return True
    if _several_countries(content):
        entry.text = before
        return True
    name = _person_before(before, content) if entry.name_en is None else None
    # A role or a title says it is a person; else the name's shape does.
    titled = name is not None and (strip_titles(before)[1] or is_role(content))
    if name is not None and entry.affiliation is None:
        # "Jane Doe (Attac)", "Jane Doe (Springfield)", "山田花子(日本平和協会・理事長)": after a
        # person's name the parenthesis holds an affiliation, a role or a place, never a
        # short form of the name.
        held, inner_country, how = _country_suffix(content)
        if inner_country is not None and entry.country is None:
            entry.country, entry.stated = inner_country, True
            entry.how["country"] = how
        held = without_credentials(held)  # "(Dr.phil. Kuratorin Universität Wien)"
        if not held:
            entry.affiliation = None
        elif not name.isascii() and has_cjk(name):
            entry.affiliation = cjk_affiliation(held)
        else:
            entry.affiliation = parenthesis_affiliation(_split_outside_parentheses(held))
        entry.person, entry.text = True, name
        entry.how["kind"] = "role" if titled else "shape"
        return False
    if (
        entry.paren_abbreviation is None
        and entry.name_en is None
        and is_parenthesized_abbreviation(content, before)
    ):
        entry.paren_abbreviation, entry.text = content, before
        entry.how["abbreviation"] = "parenthesis"
        return True
    if (
        entry.name_en is None
        and " " not in before
        and is_acronym(before)
        and initials_score(before, content) >= 0.6
    ):
        entry.expanded, entry.text = before, content
        entry.how["abbreviation"] = "expanded"
        return False
    if entry.affiliation is None and entry.name_en is None:
        bare, titled = strip_titles(before)
        if ("," in content or has_organization_word(content) or titled) and is_person_name(bare):
            # "Prof. Dr. Jane Doe (University of X, Germany)"
            entry.affiliation, inner_country, how = _country_suffix(content)
            if inner_country is not None and entry.country is None:
                entry.country, entry.stated = inner_country, True
                entry.how["country"] = how
            entry.person, entry.text = True, bare
            entry.how["kind"] = "role"
            return False
    if entry.name_en is None and _is_descriptor(content):
        entry.text = before
        return True
    if entry.name_en is None and _is_translation(content, before):
        entry.name_en, entry.text = content, before
        entry.how["name_en"] = "translation"
        return True
    if (
        entry.paren_abbreviation is None
        and entry.name_en is None
        and not entry.person
        and _loose_short_form(content, before)
    ):
        # "Latin Network for Access (RedLAM)", "European Network on Debt (Eurodad)": one
        # short word with a capital after an organization's name is its short form, even
        # when its letters are not the name's initials.
        entry.paren_abbreviation, entry.text = content, before
        entry.how["abbreviation"] = "loose parenthesis"
        return True
    return False


def _loose_short_form(content: str, before: str) -> bool:
    if len(content) > 14 or content.count(" ") > 1 or len(before.split()) < 2:
        return False
    return any(ch.isupper() for ch in content[1:]) or (
        content[:1].isupper() and any(ch.isdigit() for ch in content)
    )


def _person_before(before: str, content: str) -> str | None:
    """The person's name (without titles) when before is one and content is not its short
    form ("Jane Doe (JD)") or its translation ("Rode Morgen (Red Dawn)"), else None."""
    # A digit stays in the name once its titles are off (no title has one), and a person's
    # name has none: "Union 4 (U4)" is answered without taking titles off. ASCII only, as a
    # Chinese or Japanese name is read apart below.
    if before.isascii() and DIGIT.search(before):
        return None
    bare, _ = strip_titles(before)
    if not bare.isascii() and has_cjk(bare):
        cjk = is_cjk_person_name(bare) and has_cjk(content) and not abbreviates(bare, content)
        return bare if cjk else None
    if not is_person_name(bare) or language_of(bare) is not None:
        return None
    if is_acronym(content, strict=True) and (
        initials_score(content, bare) >= 0.6 or _spells(content, bare)
    ):
        return None
    if is_person_name(content) and _is_translation(content, before):
        return None
    return bare


def _spells(short: str, name: str) -> bool:
    """ "ZAMSOF" in "Zambia Social Forum": a short form made of the name's first letters
    and syllables, its letters in order in the name's, from the first."""
    letters = [ch for ch in fold(short) if ch.isalpha()]
    folded = fold(name)
    if not letters or folded[:1] != letters[0]:
        return False
    return abbreviates("".join(letters), folded)


def _abbreviation_and_name(entry: _Reading) -> tuple[str | None, str]:
    abbreviation, name = entry.expanded, entry.text
    if not entry.person and entry.expanded is None:
        abbreviation, name = _organization_abbreviation(entry)
    if entry.paren_abbreviation is not None:
        name = f"{name} ({entry.paren_abbreviation})"
    return abbreviation, name


def _organization_abbreviation(entry: _Reading) -> tuple[str | None, str]:
    """(abbreviation, name) of an organization's entry; takes the parenthesized abbreviation
    when nothing else gives one."""
    how = entry.how
    abbreviation, name = split_leading_abbreviation(entry.text, entry.name_en)
    # "Aboriginal and … Aboriginal Corporation (AAC)": with its own short form in brackets
    # the name repeats a word, not a short name before it.
    if abbreviation is not None and entry.paren_abbreviation and not is_acronym(abbreviation):
        abbreviation, name = None, entry.text
    if abbreviation is not None:
        how["abbreviation"] = "before"
        return abbreviation, name.lstrip("–—-, ").strip() or name
    abbreviation, name = split_dashed_abbreviation(name)
    if abbreviation is not None:
        how["abbreviation"] = "before"
        return abbreviation, name
    if entry.paren_abbreviation is not None:
        abbreviation, entry.paren_abbreviation = entry.paren_abbreviation, None
        return abbreviation, name
    # The pattern backtracks through the whole name: tried only where it has a dash.
    dashed = "-" in name or "–" in name or "—" in name
    match = DASH_ACRONYM.match(name) if dashed else None
    if match and is_acronym(match["abbr"], strict=True):
        how["abbreviation"] = "after"
        return match["abbr"], match["name"]
    if only_short_forms(name) and not _BRAND.search(name):
        how["abbreviation"] = "whole"
        return name, name
    abbreviation, name = split_trailing_acronym(name)
    if abbreviation is None:
        abbreviation, name = _spelled_short_form(name)
    if abbreviation is None:
        abbreviation, name = _uncased_short_form(name)
    if abbreviation is not None:
        how["abbreviation"] = "after"
    return abbreviation, name


# "… du Québec-FIQ", "… Comunitario RENICC", "… project association – WDGpa", "KEPA, the …":
# a short form before or after the name, glued by a dash, a space or a comma.
_SPELLED_AFTER = re.compile(r"^(?P<name>.+?\S)(?:\s*[-–—]\s*|\s+|,\s+)(?P<abbr>[^\s,()\-–—]+)$")
_SPELLED_BEFORE = re.compile(r"^(?P<abbr>[^\s,()]+),\s+(?P<name>\S.+)$")


_UNCASED_AFTER = re.compile(r"^(?P<name>\S+(?:\s+\S+){2,}?)(?:\s+[-–—]\s+|-)(?P<abbr>[^\W\d_]+)$")


# "NixOS", "OpenWISP", "SMSPool": a brand in mixed case, with a run of small letters after a
# capital, is a name; a short form has at most one small letter at a time ("ApTI", "ByH").
_BRAND = re.compile(r"[^\W\d_][a-z]{2}")


def _uncased_short_form(name: str) -> tuple[str | None, str]:
    """ "… و التعبير-حاتم", "اتحاد … آذربایجان – بیرلیک": in a script without capitals a
    short form is written as a word, after a dash that ends a name of three words or more."""
    match = _UNCASED_AFTER.match(name) if ("-" in name or "–" in name or "—" in name) else None
    if match is None or any(ch.isupper() or ch.islower() for ch in name if ch.isalpha()):
        return None, name
    return match["abbr"], match["name"]


def _spelled_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of _spelled_short_form() that can give a short form here: each runs
    through the whole name, backtracking (some microseconds a name), and most names have no
    place for either. _SPELLED_AFTER can only take the last word's end (what follows its last
    space, comma, dash or bracket), which is taken only as an acronym (two capitals at least)
    of three letters or more: when the last word has fewer, so has its end ("… League 123").
    _SPELLED_BEFORE needs a comma."""
    words = name.rsplit(None, 1)
    last = words[-1] if words else ""
    after = sum(map(str.isupper, last)) >= 2 and len(abbreviation_letters(last)) >= 3
    if "," in name:
        return (_SPELLED_AFTER, _SPELLED_BEFORE) if after else (_SPELLED_BEFORE,)
    return (_SPELLED_AFTER,) if after else ()


def _spelled_short_form(name: str) -> tuple[str | None, str]:
    """A short form of three letters or more whose letters come in order in the name's,
    from its first: "Red Nacional de Comercio Comunitario RENICC" -> ("RENICC", "Red …")."""
    for pattern in _spelled_patterns(name):
        match = pattern.match(name)
        if match is None:
            continue
        abbr, rest = match["abbr"], match["name"]
        if len(rest.split()) < 2 or len(abbreviation_letters(abbr)) < 3:
            continue
        if not is_acronym(abbr):
            continue
        if pattern is _SPELLED_BEFORE and is_acronym(abbr, strict=True) and len(rest.split()) >= 3:
            return abbr, rest  # "KEPA, the Service Centre …": a short form in another language
        if _spells(abbr, rest):
            return abbr, rest
    return None, name


def _country(
    entry: _Reading, name: str, affiliation_: str | None, group_country: str | None
) -> str | None:
    """The entry's own country, else its heading's, else one its words name."""
    if entry.country is not None:
        return entry.country
    if group_country is not None:
        entry.how["country"] = "group"
        return group_country
    entry.how["country"] = "words"
    if entry.person:
        return _affiliation_country(affiliation_) if affiliation_ else None
    return country_from_text(name) or (country_from_text(entry.name_en) if entry.name_en else None)
