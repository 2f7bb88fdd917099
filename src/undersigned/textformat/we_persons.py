"""Persons who open a statement as its subject after their group (issue 22): "We, students
of Oded High School, A, B, C and D, call on the prime minister …", "אנו תלמידי תיכון X, A, B
וC, קוראים …", "Nosotros, alumnos del Colegio X, A, B y C, pedimos …".

"We" opens the paragraph, the piece after it names the group, then come the names, each two
to four words, the last after "and" (in Hebrew and Arabic glued to the name). The body of
the group is each person's affiliation: the words after "of" (de, der, di …).
"We, the undersigned, call on …" names no one: what follows the group is no run of names.
"""

from __future__ import annotations

import re

_WE = re.compile(
    r"^(?:we|nosotros|nosotras|nous|wir|noi|nós|мы|ми|my|wij|vi|me|אנו|אנחנו|نحن)\s*,?\s+",
    re.IGNORECASE,
)
_COMMA = re.compile(r"\s*[,،]\s+")
_AND = re.compile(r"\s+(?:and|y|e|et|und|en|och|og|i|и|і|та|a|oraz)\s+|\s+(?:ו|و)(?=\w{2})")
_OF = re.compile(r"\s(?:of|de|del|de la|der|des|di|del|della|dello|du|van|av|af)\s+")
_MIN_NAMES = 2


def we_persons(paragraph: str) -> list[str]:
    """The persons "We, <group>, A, B and C, <verb> …" names, each "Name, body", else []."""
    we = _WE.match(paragraph.strip())
    if not we:
        return []
    pieces = _COMMA.split(paragraph.strip()[we.end() :])
    if len(pieces) < 3:
        return []
    group, names = pieces[0], []
    for piece in pieces[1:]:
        parts = _AND.split(piece, maxsplit=1)
        if not all(_name_like(part) for part in parts):
            return []
        names.extend(parts)
        if len(parts) == 2:
            break
    else:
        return []
    # Without capitals two short pieces may be any words: three names at least there.
    cased = any(ch.isupper() for ch in "".join(names))
    if len(names) < (_MIN_NAMES if cased else _MIN_NAMES + 1):
        return []
    # The entry reader reads "Name, body" as a person of that body in scripts with capitals
    # only (elsewhere it takes the whole for an organization): the names alone there.
    body = _body(group) if cased else None
    return [f"{name}, {body}" if body else name for name in names]


def _name_like(text: str) -> bool:
    """Two to four words, no digits; in a script with capitals each word opens with one."""
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    cased = any(ch.isupper() or ch.islower() for ch in text)
    return not cased or all(word[0].isupper() for word in words)


def _body(group: str) -> str | None:
    """The body a group names: "students of X" X."""
    of = _OF.search(f" {group}")
    if of:
        body = f" {group}"[of.end() :]
    else:
        return None
    return body.strip() or None


__all__ = ["we_persons"]
