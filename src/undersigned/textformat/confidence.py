"""How sure the parser is of each field of one signatory.

signatories.py notes how it decided each field (a country "stated" after a comma or taken
from the heading, a person told by a role or only by the shape of a name, an abbreviation
read before the name or being the whole name); here those notes and the shape of what was
left (a parenthesis still in the name, a name cut after a comma) become one confidence per
field. The preview marks a field below LOW (the import's LOW_CONFIDENCE) as unsure.

The values were calibrated on the development two thirds of the corpus (corpus/score.py
--part dev): each is about the share of fields decided that way that were right there, so
that "unsure" means "wrong often enough to look at". Only shapes of text, never names.
"""

from __future__ import annotations

import re

from .model import Signatory
from .persons import is_person_name, is_place_of_work
from .short_forms import initials_score, is_acronym

FIELDS = ("name", "abbreviation", "name_en", "country", "kind", "affiliation", "number", "group")
LOW = 0.8  # below this a field is unsure (the import's LOW_CONFIDENCE)
SURE = 0.95  # a field nothing speaks against
_ALL_SURE = dict.fromkeys(FIELDS, SURE)

# The confidence of a field decided, or doubted, in one way: (value, why, for the CLI).
_SIGNALS: dict[str, tuple[float, str]] = {
    "unbalanced": (0.3, "a parenthesis opens or closes without its pair"),
    "cut": (0.4, "the entry starts or ends mid-phrase"),
    "glued": (0.4, "a comma without a space: two entries may be glued"),
    "parenthesis": (0.5, "a parenthesis was left in the name"),
    "parenthesis abbreviation": (0.5, "the parenthesis may hold the abbreviation"),
    "person in parenthesis": (0.5, "a person's name with a parenthesis after it"),
    "acronym comma": (0.5, "a short form before a comma was left in the name"),
    "short form left": (0.5, "a short form was left at the end of the name"),
    "shape": (0.6, "a person guessed from the shape of the name only"),
    "shape joined": (0.6, "a person guessed from the shape of the words before “for” or a dash"),
    "odd shape": (0.6, "a person guessed from words that are not quite a name"),
    "whole": (0.6, "the whole name taken as its own abbreviation"),
    # Right in the development set and in both seeds: noted, not marked.
    "words": (0.85, "the country guessed from a word of the name"),
    "short form": (0.9, "the country read after a short form"),
    "country fuzzy": (0.7, "the country read from a misspelt name"),
    "role left": (0.5, "a role is left in the affiliation"),
    "role only": (0.5, "the affiliation may be inside the role"),
    "translation": (0.85, "read as a translation of the name"),
    "translation comma": (0.6, "the translation holds more than one part"),
}
# Names may start in lower case ("mailbox", "petites singularités"), not with punctuation.
_CUT_START = re.compile(r"^[^\w\"“«„'‘(¡¿#@]")
_CUT_END = frozenset(",;:/&-–—")
_GLUED = re.compile(r"[^\W\d_][,;][^\W\d_]")
_ACRONYM_COMMA = re.compile(r"^\S+, ")
_TRAILING_SHORT_FORM = re.compile(r"\S\s+(?P<dash>[-–—]\s+)?(?P<short>\S{2,14})$")
# "porte-parole de la Confédération paysanne", "secrétaire général de la CGT", "president
# of Y": a part in lower case, then a preposition; a capital after it names an organization.
_PREPOSITION = re.compile(
    r"\s(?:(?:de|du|des|of|at|da|do|del|della|der|von|for)\s+(?:(?:la|the|l[’'])\s*)?"
    r"|d[’']|de l[’'])(?=\w)"
)


def field_confidences(
    signatory: Signatory, how: dict[str, str], written: str
) -> tuple[dict[str, float], dict[str, str]]:
    """(confidence per field, why each unsure one is) for a signatory read from written."""
    found: dict[str, str] = {}  # field -> the strongest doubt on it

    def doubt(field: str, signal: str) -> None:
        """Keep the strongest doubt on each field (a closure: cheaper to call than an
        object's __call__, once or more for every entry)."""
        held = found.get(field)
        if held is None or _SIGNALS[signal][0] < _SIGNALS[held][0]:
            found[field] = signal

    name = signatory.name
    if written.count("(") != written.count(")"):
        # A person's name has no abbreviation to doubt ("Jane Doe (UGT").
        person = is_person_name(name.partition("(")[0].strip())
        for field in (
            "name",
            "country",
            "kind",
            "affiliation",
            *(() if person else ("abbreviation",)),
        ):
            doubt(field, "unbalanced")
    # A letter or digit first (\w but "_", as str.isalnum() says) is no cut: no match run.
    if name[-1:] in _CUT_END or (not name[:1].isalnum() and _CUT_START.match(name)):
        doubt("name", "cut")
        if signatory.abbreviation is not None:
            doubt("abbreviation", "cut")
    if ("," in name or ";" in name) and _GLUED.search(name):
        doubt("name", "glued")
        doubt("abbreviation", "glued")
    # Only a parenthesis that closes the name: one inside it ("(社)…", "Amigos de la Tierra
    # (FoE) Uruguay") is part of the name as written, right nine times in ten on the
    # development set.
    if name.endswith((")", "）")):
        _parenthesis_left(signatory, doubt)
    if signatory.kind == "person":
        _person(signatory, how, written, doubt)
    else:
        _organization(signatory, how, doubt)
    country_how = how.get("country")
    if country_how in ("words", "short form", "country fuzzy") and signatory.country is not None:
        doubt("country", country_how)
    if signatory.name_en is not None:
        doubt("name_en", "translation comma" if ", " in signatory.name_en else "translation")
    confidence = dict(_ALL_SURE)
    if not found:
        return confidence, {}
    for field, signal in found.items():
        confidence[field] = _SIGNALS[signal][0]
    why = {field: _SIGNALS[signal][1] for field, signal in found.items() if confidence[field] < LOW}
    return confidence, why


def _parenthesis_left(signatory: Signatory, doubt) -> None:
    """ "Name (RedLAM)", "Jane Doe (Attac)": a group the reading did not take."""
    before, _, rest = signatory.name.partition("(")
    content = rest.rsplit(")", 1)[0].strip()
    person = is_person_name(before.strip())
    # After a person's name the group is an affiliation or a place, not a short form.
    if signatory.abbreviation is None and not person and _short_form_shaped(content):
        doubt("abbreviation", "parenthesis abbreviation")
    if signatory.kind == "organization" and person:
        for field in ("name", "kind", "affiliation"):
            doubt(field, "person in parenthesis")
    doubt("name", "parenthesis")


def _short_form_shaped(content: str) -> bool:
    """ "(RedLAM)", "(M4)", "(ANV-COP 21)", "(راد)": one or two short words, with a capital
    or in a script without case."""
    if content.count(" ") > 1 or not 0 < len(content) <= 14:
        return False
    upper = sum(1 for ch in content if ch.isupper())
    cased = any(ch.isupper() or ch.islower() for ch in content)
    return upper >= 1 or not cased


def _person(signatory: Signatory, how: dict[str, str], written: str, doubt) -> None:
    # The name's shape is seldom wrong; whether it is a person's, and what follows it, are.
    told = how.get("kind")
    if told == "shape":
        doubt("kind", "shape")
    elif told == "shape joined":
        # "Faith Action for Community Equity": if it is an organization, its name was cut;
        # if it is a person, what follows "for" is theirs.
        doubt("name", told)
        doubt("kind", told)
    elif told == "odd shape":
        for field in ("name", "kind", "affiliation"):
            doubt(field, told)
    held = signatory.affiliation
    # "université Paris Nanterre", "florida state university": a place of work written in
    # lower case is no role left over.
    if held and held[:1].islower() and not is_place_of_work(held):
        doubt("affiliation", "role left")
    rest = written.replace(signatory.name, " ", 1).replace(held or "\0", " ")
    # A role counts only when a part between commas starts in lower case: most entries have
    # none ("Jane Doe, Professor of Law, …"), and need no search.
    lower_part = any(part.lstrip()[:1].islower() for part in rest.split(","))
    if lower_part and any(_role_to(rest, m) for m in _PREPOSITION.finditer(rest)):
        doubt("affiliation", "role only")


def _role_to(text: str, match: re.Match) -> bool:
    """Whether a role in lower case leads to a name ("présidente de l’UNEF")."""
    following = text[match.end()]
    role = text[: match.start()].rsplit(",", 1)[-1].strip()
    return role[:1].islower() and (following.isupper() or following.isdigit())


def _organization(signatory: Signatory, how: dict[str, str], doubt) -> None:
    abbreviation = signatory.abbreviation
    if (
        how.get("abbreviation") == "parenthesis"
        and abbreviation is not None
        and is_person_name(signatory.name)
        and initials_score(abbreviation, signatory.name) < 0.6
    ):
        # "Pascal Franchet (CADTM)": a person and the organization, not a short form.
        for field in ("kind", "affiliation", "abbreviation"):
            doubt(field, "person in parenthesis")
    # An abbreviation whose letters do not all follow the name's initials was right nine times
    # in ten on the development set: not doubted. Only the whole name taken as one is.
    if (
        abbreviation is not None
        and how.get("abbreviation") == "whole"
        and any(ch.islower() for ch in abbreviation)
    ):
        doubt("abbreviation", "whole")
    # "… project association – WDGpa": a short form after a dash, left in the name.
    name = signatory.name
    dashed = abbreviation is None and ("-" in name or "–" in name or "—" in name)
    tail = _TRAILING_SHORT_FORM.search(signatory.name) if dashed else None
    if tail and tail["dash"] and _capitals(tail["short"]) >= 2:
        doubt("name", "short form left")
        doubt("abbreviation", "short form left")
    head = _ACRONYM_COMMA.match(signatory.name) if ", " in signatory.name else None
    if head and abbreviation is None and is_acronym(head[0][:-2], strict=True):
        # "SWISSAID, Swiss Foundation …": the short form was not taken apart.
        doubt("name", "acronym comma")
        doubt("abbreviation", "acronym comma")


def _capitals(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


# Entry confidence -> its fields' ceiling: round() writes the float out in decimal (a third
# of a microsecond), for every entry of a list, whose entries share a few confidences.
_CEILINGS: dict[float, float] = {}


def bounded(confidence: dict[str, float], entry: float) -> dict[str, float]:
    """The fields' confidences under the entry's own (how the list was found); confidence
    itself when the entry bounds nothing.

    A field is never surer than the line is a signatory allows, but a third of the entry's
    doubt is enough: on the development set the fields of entries found after a sign-off
    or in a sentence were right as often as under a heading, so an entry's doubt (marked on
    its row) is no reason to mark each of its cells as well, unless it is deep.
    """
    ceiling = _CEILINGS.get(entry)
    if ceiling is None:
        ceiling = round(1 - (1 - entry) / 3, 3)
        if entry > 0 and len(_CEILINGS) < 1024:  # not -0.0, which 0.0 would answer for
            _CEILINGS[entry] = ceiling
    if ceiling >= SURE:
        return confidence
    return {field: min(value, ceiling) for field, value in confidence.items()}


def unsure_fields(signatory: Signatory, threshold: float = LOW) -> list[str]:
    """The fields of a signatory below the threshold, in FIELDS order."""
    return [name for name in FIELDS if signatory.sureness(name) < threshold]


# An entry that starts as the tail of something else ("Espagne)", ", and the unions"):
# whatever the list looked like, the line is a fragment more likely than a signatory.
FRAGMENT = 0.6
_FRAGMENT = re.compile(r"^[^\w\"“«„'‘(¡¿#@]|^[^(]*\)")


def entry_bound(signatory: Signatory, entry: float) -> float:
    """The entry's confidence, lowered when its own text is a fragment."""
    name = signatory.name
    # The pattern matches only a name that starts with no letter or digit, or has a ")".
    fragment = (not name[:1].isalnum() or ")" in name) and _FRAGMENT.match(name)
    return min(entry, FRAGMENT) if fragment else entry
