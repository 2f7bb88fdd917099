"""Rows of a signatory table flattened to text with single spaces only: "Prof Jane Doe
Germany Director of X Institute biology" (title, first and last name, country, position and
affiliation, a field in lower case), one person per line.

Nothing parts the cells, but the title opens the row and the country ends the name: the
name is the few words between them, the position the rest, less a trailing field of study
in lower case. Rows are rewritten "Jane Doe, Director of X Institute, Germany", the shape
the entry reader knows; the lines above the first row (the glued header row, a count of
signatures, "Sort by:") are the table's head, not entries.
"""

from __future__ import annotations

from dataclasses import replace

from .countries import country_name_code
from .described_persons import description_affiliation
from .folding import fold
from .persons import is_person_name
from .plan import Entry
from .vocabulary import PERSON_TITLES

_NAME_WORDS = (2, 3, 4)
_COUNTRY_WORDS = (3, 2, 1)  # "United Kingdom" before "United"
_FEWEST_ROWS = 3


def read_row(text: str) -> tuple[str, str, str] | None:
    """(name, country as written, the rest) of a flattened row, or None."""
    tokens = text.split()
    if len(tokens) < 4 or fold(tokens[0]).rstrip(".") not in PERSON_TITLES:
        return None
    for size in _NAME_WORDS:
        name_end = 1 + size
        for length in _COUNTRY_WORDS:
            country = " ".join(tokens[name_end : name_end + length])
            if name_end + length > len(tokens) or not country[:1].isupper():
                continue
            if country_name_code(country) is None:
                continue
            name = " ".join(tokens[1:name_end])
            if not is_person_name(name):
                return None
            return name, country, _without_field(tokens[name_end + length :])
    return None


def _without_field(tokens: list[str]) -> str:
    """The position and affiliation, less the field of study in lower case at the end
    ("… University of Nancy chemical engineering")."""
    end = len(tokens)
    while end > 0 and tokens[end - 1][:1].islower():
        end -= 1
    return " ".join(tokens[:end]) if end else " ".join(tokens)


def titled_rows(entries: list[Entry]) -> tuple[list[Entry], list[int]] | None:
    """The entries rewritten when most are flattened rows, and the lines of the table's head
    above the first row; None when they are not such rows."""
    rows = [read_row(entry.text) for entry in entries]
    found = sum(1 for row in rows if row is not None)
    if found < _FEWEST_ROWS or 2 * found < len(entries):
        return None
    first = next(index for index, row in enumerate(rows) if row is not None)
    head = [line for entry in entries[:first] for line in entry.lines]
    rewritten = []
    for entry, row in zip(entries[first:], rows[first:], strict=True):
        if row is None:
            rewritten.append(entry)
            continue
        name, country, rest = row
        # The cell runs a role into its body with no comma ("Director X Institute").
        body = description_affiliation(rest) if rest else None
        text = ", ".join(part for part in (name, body, country) if part)
        rewritten.append(replace(entry, text=text))
    return rewritten, head


__all__ = ["read_row", "titled_rows"]
