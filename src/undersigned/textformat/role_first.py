"""Persons named in running text each AFTER their role, the items set apart by semicolons:
"Among the first signers are the president of X, Jane Doe; the mayor of Y, John Roe; and
the leader of Z, Ann Poe.", "… destaquen el president de la X, A; el vicepresident, B, i
l'alcaldessa de Y, C, entre d'altres.".

A comma parts the role from the name, a semicolon one person from the next (the last may
follow ", and"). The semicolons tell this shape from prose and from the "Name, role" lists
of role_lists; each entry is written back as "Name, role" for the entry parser, which takes
the organisation from the role ("president of X" -> X). A role without a capital ("the
vice-president") names no organisation and is dropped.
"""

from __future__ import annotations

import re

from .persons import is_person_name, is_role
from .role_lists import RoleRun
from .vocabulary import AND_WORDS

_PIECES = re.compile(r"\s*([,;])\s+")
_OPENING_AND = re.compile(rf"^(?:{'|'.join(AND_WORDS)})\s+", re.IGNORECASE)
# Articles before a role, whole or elided ("l'alcaldessa"): lower case, three letters at most.
_ARTICLE = re.compile(r"^(?:[^\W\d_]{1,3}\s+|[^\W\d_]{1,2}['’](?=\w))")
_STOP = re.compile(r"(?<=[^\W\d_]{3})[.!?]$")
_MAX_NAME_WORDS = 4
_MIN_PERSONS = 3


def _name(piece: str) -> str | None:
    piece = _STOP.sub("", piece.strip())
    words = piece.split()
    if 2 <= len(words) <= _MAX_NAME_WORDS and is_person_name(piece) and not is_role(piece):
        return piece
    return None


def _role(piece: str) -> str | None:
    """The role a piece is, without "and" and its article, or None: lower case first (the
    article), or a role word ("Präsidentin des X")."""
    piece = _OPENING_AND.sub("", piece.strip())
    if not piece or not (piece[:1].islower() or is_role(piece)) or _STOP.search(piece):
        return None
    return piece


def _lead_role(piece: str) -> str:
    """The role at the end of the clause that leads into the first name: from the last
    role word, with its article ("… destaquen el president de la X" -> "el president de la
    X"); "" when no role word stands there."""
    words = piece.split()
    for index in range(len(words) - 1, -1, -1):
        article = index > 0 and bool(_ARTICLE.match(words[index - 1] + " "))
        # A role noun written with a capital ("der Vorsitzende") needs its article.
        if (words[index][:1].islower() or article) and is_role(words[index]):
            return " ".join(words[index - 1 if article else index :])
    return ""


def _entry(name: str, role: str) -> str:
    role = _ARTICLE.sub("", role).strip()
    # Only a role that names a body after its first word ("president of X") is kept.
    return f"{name}, {role}" if any(ch.isupper() for ch in " ".join(role.split()[1:])) else name


def role_first_run(text: str) -> RoleRun | None:
    """The persons of a sentence that names each after a role, semicolons between, or None."""
    if ";" not in text:  # the shape needs one; most paragraphs have none, so this is cheap
        return None
    parts = _PIECES.split(text.strip())
    pieces, separators = parts[0::2], parts[1::2]
    for start in range(len(pieces) - 1):
        if _name(pieces[start + 1]) is None or _role(_lead_role(pieces[start]) or "x") is None:
            continue
        entries = [_entry(_name(pieces[start + 1]) or "", _lead_role(pieces[start]))]
        semicolons, position = 0, start + 2
        while position + 1 < len(pieces):
            joint = separators[position - 1]
            role, name = _role(pieces[position]), _name(pieces[position + 1])
            anded = bool(_OPENING_AND.match(pieces[position]))
            if role is None or name is None or not (joint == ";" or anded):
                break
            semicolons += joint == ";"
            entries.append(_entry(name, role))
            if _STOP.search(pieces[position + 1].strip()):
                break
            position += 2
        if len(entries) >= _MIN_PERSONS and semicolons >= max(1, len(entries) - 2):
            return RoleRun(entries, len(entries), len(entries), False)
    return None
