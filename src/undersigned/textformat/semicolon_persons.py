"""Persons written in one paragraph, an office and a name a piece, the pieces parted by
semicolons, as governments list who took part in talks:

    For the Czech side:
    Prime Minister, H.E. Mr Jan Novák; Minister of Health, Ms Eva Dvořáková; Director of the
    Office for X, Mr Petr Malý.

The office may come before the name ("Prime Minister, Mr Jan Novák") or after it ("Jan
Novák, Prime Minister"); commas sit inside offices ("Minister of Education, Youth and
Sports, Ms …"), so only the semicolon parts entries. Honorifics ("Mr", "pan", "Herr",
"H.E.", "S.E.") are no part of a name. A paragraph is read so only when every piece holds
a person, and only under a line ending with a colon ("took part:", "For the Czech side:").
"""

from __future__ import annotations

import re

from .folding import fold
from .lines import Line
from .persons import is_person_name, is_role

_MIN_PIECES = 3
# Honorifics written before a name, folded, their dots dropped: "Mr", "pan", "paní",
# "Herr", "Frau", "г-н", … Not "He" or "Son": surnames too.
_HONORIFIC_TEXT = """mr mrs ms miss mx sir dame excellency excelence excmo excma pan pani panna
    slecna pane herr frau mme mlle monsieur madame sr sra srta senor senora sig sigra signor
    signora dott dottssa dr dra prof gospodin gospodja gospodjica г-н г-жа господин госпожа
    kyrios kyria"""
_HONORIFICS = frozenset(_HONORIFIC_TEXT.split())
# Written with dots only: "J. E." (Czech "Jeho Excelence"), "H.E.", "S.E.", "S.E.M.", "M.".
_DOTTED_HONORIFICS = frozenset(["je", "he", "se", "sem", "m", "κ", "κα"])
_AND = re.compile(r"^(?:and|und|et|y|e|i|a|as well as|ainsi que|sowie|a také)\s+", re.IGNORECASE)
# "J. E.", "H.E.", "S.E.M.": initials with dots as one honorific, then single words.
_DOTTED = re.compile(r"^(?:[^\W\d_]\.\s*){1,3}")


def _without_honorifics(text: str) -> str:
    """ "J. E. pan Bohuslav Sobotka" -> "Bohuslav Sobotka"."""
    words = text.split()
    while len(words) > 2:
        word = fold(words[0]).strip(".")
        dotted = _DOTTED.match(" ".join(words[:3]))
        initials = fold(dotted.group().replace(".", "").replace(" ", "")) if dotted else ""
        if dotted and initials in _DOTTED_HONORIFICS:
            rest = " ".join(words)[dotted.end() :].split()
        elif word in _HONORIFICS:
            rest = words[1:]
        else:
            break
        if len(rest) < 2:
            break  # "J. E. Smith": initials of the name
        words = rest
    return " ".join(words)


def _piece(piece: str) -> str | None:
    """The entry of one piece, "Name, office" when the office is one the reader knows (it
    may lead to a body), else the name alone; None when the piece holds no person."""
    piece = _AND.sub("", piece.strip().rstrip("."))
    head, _, tail = piece.partition(", ")
    body, _, last = piece.rpartition(", ")
    if not tail:
        return None
    name = _without_honorifics(head)
    if is_person_name(name) and not is_person_name(_without_honorifics(last)):
        office = tail
    else:
        name, office = _without_honorifics(last), body
        if not is_person_name(name):
            return None
    # An office the reader cannot read would be taken for a body as written ("ministr
    # průmyslu a obchodu"): the name alone then.
    return f"{name}, {office}" if is_role(office.split(", ")[0]) else name


def semicolon_persons(text: str) -> list[str] | None:
    """The entries of a paragraph "office, Name; office, Name; …", or None."""
    if text.count(";") < _MIN_PIECES - 1:
        return None
    found = []
    for piece in text.split(";"):
        entry = _piece(piece)
        if entry is None:
            return None
        found.append(entry)
    return found


_GROUP_WORDS = 6  # "Za českou stranu:", "For the Israeli side:": a short line


def _group(lines: list[Line], at: int, end: int) -> str | None:
    """The colon line lines[at] as a group heading: short, with a sibling, another colon
    line right above it (the lead-in) or right after its paragraph (the next group)."""
    text = lines[at].text
    if len(text.split()) > _GROUP_WORDS:
        return None
    above = at > 0 and lines[at - 1].text.endswith(":")
    below = end < len(lines) and lines[end].text.endswith(":")
    return text.rstrip(":").strip() if above or below else None


def semicolon_paragraphs(lines: list[Line]) -> list[tuple[list[str], str | None, list[int]]]:
    """(entries, group, line indexes) of every paragraph of persons parted by semicolons
    right under a line ending with a colon; its lines (wrapped by hand) joined."""
    found = []
    for at, line in enumerate(lines[:-1]):
        if not line.text.endswith(":"):
            continue
        end = at + 2
        while end < len(lines) and not lines[end].after_blank:
            end += 1
        paragraph = lines[at + 1 : end]
        entries = semicolon_persons(" ".join(p.text for p in paragraph))
        if entries:
            found.append((entries, _group(lines, at, end), [p.index for p in paragraph]))
    return found
