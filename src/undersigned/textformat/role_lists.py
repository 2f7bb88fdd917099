"""Persons named in running text, each with the roles that follow the name: "Participants:
Jane Doe, chair of the X Union; John Roe, secretary of Y, member of parliament, Ann Poe,
head of the Z Federation.".

Commas separate a name from its roles and one person from the next alike. The shape tells
them apart: a piece shaped like a person's name opens an entry, the pieces in lower case
after it (its roles, or roles written with a capital: "Presidente da CUT") and the
capitalised ones that are no person (its organisation) belong to it. A label that ends in
a colon inside the run ("; deputy chairs: …") opens a group of the same list and is
dropped. Written for the shape, in any script with capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .persons import is_person_name, is_role
from .vocabulary import AND_WORDS

# A comma or semicolon with a space after it ("1,000" is a number).
_SEPARATOR = re.compile(r"\s*[,;]\s+")
# "and" opening the last person, or joining it to the roles of the one before.
_AND = f"(?:{'|'.join(AND_WORDS)})"
_OPENING_AND = re.compile(rf"^{_AND}\s+", re.IGNORECASE)
_INNER_AND = re.compile(rf"\s+{_AND}\s+")  # in lower case: "Y" may be an initial
# A sentence ends at a full stop after a word of three letters at least or a closing quote
# ("… «Unity». The …"), not after an initial or "m." (an abbreviation).
_STOP = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[»\"”’)]))[.!?](?=\s|$)")
_MAX_NAME_WORDS = 5
# A year in a piece after a person's role: the date of an occasion, no role.
_OCCASION = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MAX_PARTS = 4  # roles and an organisation after one name: more is prose
_MIN_PERSONS = 3


@dataclass(frozen=True)
class RoleRun:
    items: list[str]  # "Name, role, organisation" per person, as the entry parser reads them
    persons: int
    with_roles: int  # persons with a role in lower case after the name
    colon: bool  # a colon leads into the run ("Participants: …")


def _split(text: str) -> list[str]:
    """Pieces at commas and semicolons outside parentheses and quotes."""
    pieces, start, depth = [], 0, 0
    for match in re.finditer(r"[()«»“”]|\s*[,;]\s+", text):
        mark = match.group()
        if mark in "(«“":
            depth += 1
        elif mark in ")»”":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces]


# "of" before a name in a title's genitive: "Déclaration conjointe d’A B, role, de C D, …".
_GENITIVE = re.compile(r"^(?:(?:de|di)\s+|d['’])(?=[^\W\d_])")


def _name(piece: str) -> str | None:
    """The person's name a piece is, without an "and" or an "of" before it, or None."""
    piece = _OPENING_AND.sub("", piece.strip())
    piece = _GENITIVE.sub("", piece) if _GENITIVE.match(piece) else piece
    # "Secretário Geral", "Vice Presidente": a role written in capitals is shaped like a name.
    if len(piece.split()) <= _MAX_NAME_WORDS and is_person_name(piece) and not is_role(piece):
        return piece
    return None


def _role_first(piece: str) -> bool:
    """ "Presidente da CUT", "Secretária-Geral da UGT": a role word opens the piece (not
    "Association of Retired Teachers", a body with a role word inside)."""
    words = piece.split()
    return bool(words) and is_role(words[0])


def _lead_name(piece: str, opening: bool = False) -> tuple[str | None, bool]:
    """The first name, cut from the words that lead into it: after a colon, else the
    trailing capitalised words of the clause ("… attended by Jane Doe")."""
    if ":" in piece:
        return _name(piece.rsplit(":", 1)[1]), True
    if opening and _name(piece):  # the paragraph opens with the first name, no clause
        return _name(piece), False
    words = piece.split()
    for size in range(min(_MAX_NAME_WORDS, len(words) - 1), 1, -1):
        name = _name(" ".join(words[-size:]))
        if name:
            return name, False
    return None, False


def _glued_role(piece: str) -> tuple[str, str] | None:
    """ "Jane Doe teacher" after the fields of the person before: a name and its role in
    lower case with the comma between them lost. Only there: the piece right after a name
    is its role, whatever capitals it has ("Jean Monnet professor")."""
    words = piece.split()
    for size in (3, 2):
        rest = words[size:]
        if rest and all(word[:1].islower() for word in rest):
            name = _name(" ".join(words[:size]))
            if name is not None:
                return name, " ".join(rest)
    return None


def _regular(entries: list[list[str]]) -> bool:
    """ "Anna Roth, Lehrerin, Kiel, Jan Voss, Pfarrer, Jena, …": roles written with a capital
    (German nouns) say nothing, but a steady shape does: four persons at least, each with one
    to three short fields (role, degree, city) after the name."""
    return len(entries) >= 4 and all(
        2 <= len(entry) <= 4 and all(len(field.split()) <= 3 for field in entry[1:])
        for entry in entries
    )


def role_run(paragraph: str) -> RoleRun | None:
    """The persons of a paragraph that names each with roles after the name, or None."""
    pieces = _split(paragraph)
    if len(pieces) < _MIN_PERSONS + 2:  # a name and a role each, one joined by "and"
        return None
    start = next((i for i, p in enumerate(pieces[:-1]) if _lead_name(p, not i)[0]), None)
    if start is None:
        return None
    name, colon = _lead_name(pieces[start], not start)
    entries: list[list[str]] = [[name or ""]]
    roled = [False]
    for index, piece in enumerate(pieces[start + 1 :], start + 1):
        stop = _STOP.search(piece)
        if stop is not None and stop.end() == len(piece) and index < len(pieces) - 1:
            stop = None  # "Dr. med., Ärztin": a comma follows, the dot ends a short form
        ended = stop is not None
        if stop is not None:
            piece = piece[: stop.start()]
        elif index == len(pieces) - 1:
            piece = piece.rstrip(".")  # the paragraph's end, after an initial too
        if ":" in piece:  # "deputy chairs: Jane Doe": a label inside the list
            piece = piece.rsplit(":", 1)[1].strip()
        if len(entries[-1]) > 1 and _OCCASION.search(piece) and not is_role(piece):
            break  # "…, on the occasion of their meeting on 11 May 2018": the sentence goes on
        found = _name(piece)
        glued = None if found is not None or len(entries[-1]) < 2 else _glued_role(piece)
        if found is not None:
            entries.append([found])
            roled.append(False)
        elif glued is not None:  # "Jane Doe teacher": the comma after the name lost
            entries.append(list(glued))
            roled.append(True)
        elif piece[:1].islower() or _role_first(piece):  # "chair of X", "Presidente da CUT"
            # "chair of X and Jane Doe": the next person joined to these roles by "and".
            joint = list(_INNER_AND.finditer(piece))
            after = _name(piece[joint[-1].end() :]) if joint else None
            entries[-1].append(piece[: joint[-1].start()] if after else piece)
            roled[-1] = True
            if after:
                entries.append([after])
                roled.append(False)
        elif piece:
            entries[-1].append(piece)  # the organisation, capitalised
        if ended or len(entries[-1]) > _MAX_PARTS + 1:
            break
    if any(len(entry) > _MAX_PARTS + 1 for entry in entries):
        return None
    persons, with_roles = len(entries), sum(roled)
    if persons < _MIN_PERSONS or (3 * with_roles < 2 * persons and not _regular(entries)):
        return None
    return RoleRun([", ".join(entry) for entry in entries], persons, with_roles, colon)
