"""Persons who sign for a body below a line naming it: "Za Studentské listy" / "Jana Nová –
šéfredaktorka, Petr Malý – redaktor", "On behalf of the Green Union" / "Jane Doe (chair)".

The line "for <Body>" closes the letter; the persons on the line(s) below it sign, each
for that body (its affiliation). The persons may share one line, parted by commas, each
with a role after a dash or in a parenthesis. A last word cut short where a copied text
stops ("…, Marianna") is no person and goes.
"""

from __future__ import annotations

import re

from .persons import is_person_name, is_role

_FOR = re.compile(
    r"^(?:za|for|on behalf of|pour|au nom d[eu]|pour le compte d[eu]|für|im namen (?:von|des|der)"
    r"|per|por|para|en nombre de|em nome d[aeo]s?|namens|w imieniu|от имени|від імені|за"
    r"|u ime|în numele|på vegne af|på vegne av|för)\s+(?=\S)",
    re.IGNORECASE,
)
# The article before the body's name ("On behalf of the X", "Pour l'Union …"), which goes.
_ARTICLE = re.compile(
    r"^(?:(?:the|le|la|les|der|die|das|des|den|dem|el|los|las|il|lo|o|a|os|as)\s+|l['’])"
    r"(?=[^\W\d_])"
)
_PIECES = re.compile(r"\s*[,;]\s+")
_ROLE = re.compile(r"\s+[-–—]\s+.*$|\s*\(.*\)\s*$")
_MAX_FOR_WORDS = 8
_BELOW = 12  # lines of persons below the line of the body, at most


def _body(text: str) -> str | None:
    """The body a line signs for ("Za Studentské listy" -> "Studentské listy"), or None."""
    found = _FOR.match(text.strip())
    if found is None:
        return None
    body = _ARTICLE.sub("", text.strip()[found.end() :].strip().rstrip(",:"))
    if not body[:1].isupper() or len(body.split()) > _MAX_FOR_WORDS or body.endswith("."):
        return None
    return body


def _persons(text: str, last: bool) -> list[str] | None:
    """The persons of a line of signatures, or None when a piece is neither a person nor
    the role of the one before (a cut last word of the text aside)."""
    pieces = [piece for piece in _PIECES.split(text.strip().rstrip(".")) if piece]
    names = []
    for index, piece in enumerate(pieces):
        name = _ROLE.sub("", piece).strip()
        if is_person_name(name) and len(name.split()) <= 4:
            names.append(name)
        elif names and (piece[:1].islower() or is_role(piece)):
            continue  # the role of the person before: "Jane Doe, Chair"
        elif not (last and index == len(pieces) - 1 and len(piece.split()) == 1):
            return None
    return names


def behalf_entries(texts: list[str]) -> tuple[int, list[str]] | None:
    """The index of the "for <Body>" line and the entries ("Name, Body") below it, looking
    only at the last lines of the text, or None."""
    for position in range(len(texts) - 2, max(len(texts) - 2 - _BELOW, -1), -1):
        body = _body(texts[position])
        if body is None:
            continue
        below = texts[position + 1 :]
        entries: list[str] = []
        for offset, text in enumerate(below):
            names = _persons(text, offset == len(below) - 1)
            if names is None:
                return None
            entries.extend(f"{name}, {body}" for name in names)
        return (position, entries) if entries else None
    return None


def _person_of(text: str) -> str | None:
    """The person an entry opens with, its role after a comma, a dash or in a parenthesis
    gone ("Jane Doe, Chair" -> "Jane Doe"), or None."""
    name = _ROLE.sub("", _PIECES.split(text.strip())[0]).strip()
    return name if is_person_name(name) and len(name.split()) <= 4 else None


def leading_body(texts: list[str]) -> list[str] | None:
    """A run of entries read from one line too high, "On behalf of the X," above the persons
    who sign for it: the persons' entries ("Jane Doe, X") without that line, else None."""
    if not 2 <= len(texts) <= _BELOW + 1:
        return None
    body = _body(texts[0])
    if body is None:
        return None
    persons = [_person_of(text) for text in texts[1:]]
    if not all(persons):
        return None
    return [f"{person}, {body}" for person in persons]
