"""Persons named in one paragraph under a signatories heading.

    Signataires :
    Anne Roux (CGT Gironde), Paul Vidal (FSU), Marie Lenoir, Luc Perrin

Under a heading the line model may take such a paragraph, if it is short, for one entry. When
its comma pieces are mostly persons' names (each maybe with its parenthesis), three or more,
the paragraph is that many entries. A single entry with commas ("Jane Doe, Professor,
University of Leeds") names one person only, and stays whole.
"""

from __future__ import annotations

from .leadins import list_line
from .persons import is_person_name
from .sentence_list import SentenceList

_LEAST_PERSONS = 3
_SHARE = 0.6  # of the pieces that must be persons' names
_MAX_ENTRIES = 3  # a block of more entries is a list one a line already


def _person(item: str) -> bool:
    return is_person_name(item.split("(", 1)[0].split("（", 1)[0].strip())


def persons_in_paragraph(text: str) -> SentenceList | None:
    """The persons a paragraph names, comma-separated, or None."""
    if text.count(",") < _LEAST_PERSONS - 1:
        return None
    found = list_line(text)
    if found is None:
        return None
    persons = sum(map(_person, found.items))
    if persons < _LEAST_PERSONS or persons < _SHARE * len(found.items):
        return None
    return found


def few_entries(count: int) -> bool:
    return 0 < count <= _MAX_ENTRIES


__all__ = ["few_entries", "persons_in_paragraph"]
