"""Several tables making one list: "International networks" / table / "National
organizations:" / table, each table read on its own (a third column may be a description
in one and the country in the other).

Between and before the tables stand short heading lines (the groups when there are
several tables), an "as of" line, header rows repeated at the top of each table, separator
rows. A row may be wrapped: "14 | Greenpeace" then its description as a line of its own,
or a long name cut in two ("5 | Friends of the Earth Latin America and the" /
"Caribbean (ATALC) | Uruguay").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .headings import as_of_line, group_heading
from .lines import Line
from .tables import cells, is_header, is_row, is_separator

_SENTENCE_END = (".", "!", "?", ",", ";")
# A page number a PDF conversion leaves between rows: "Page 2 of 5", "- 3 -", "2/5".
_PAGE = re.compile(
    r"^-?\s*(?:(?:page|seite|p[aá]gina|p\.)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|von|de|sur|di)\s*\d{1,4})?\s*-?$",
    re.IGNORECASE,
)


@dataclass
class Row:
    positions: list[int]  # positions among the non-blank lines
    cells: list[str]


@dataclass
class Segment:
    """One table: the heading above it (if any) and its rows."""

    heading: str | None
    heading_at: int | None
    rows: list[Row] = field(default_factory=list)
    # Kept as rows come, so that a table of 100,000 rows reads in linear time.
    _widths: Counter[int] = field(default_factory=Counter)
    _width: int = 0
    _numbered: int = 0

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self._count(len(row.cells), 1)
        self._numbered += _numbered(row.cells)

    def _count(self, width: int, change: int) -> None:
        self._widths[width] += change
        if change < 0 and width == self._width:
            self._width = self._widths.most_common(1)[0][0]
        elif self._widths[width] > self._widths[self._width]:
            self._width = width

    def extend_last(self, position: int, more: list[str], joined: bool) -> None:
        """More of the last row: the rest of its last cell (joined) or cells of its own."""
        last = self.rows[-1]
        self._count(len(last.cells), -1)
        if joined:
            last.cells[-1] = f"{last.cells[-1]} {more[0]}".strip()
            more = more[1:]
        last.cells.extend(more)
        last.positions.append(position)
        self._count(len(last.cells), 1)

    def width(self) -> int:
        """The most common number of cells."""
        return self._width

    def numbered(self) -> bool:
        return self._numbered * 2 > len(self.rows)


@dataclass
class TableList:
    segments: list[Segment]
    roles: dict[int, tuple[str, str]]  # position -> (role, why) for lines that are not rows
    end: int  # the position of the first line not taken
    as_of: str | None = None

    @property
    def grouped(self) -> bool:
        """Headings are groups when they part several tables ("Individuals:" below the
        table of organizations); one heading over one table is the list's heading."""
        return len(self.segments) >= 2 and any(s.heading for s in self.segments[1:])


def table_starts(lines: Sequence[Line], position: int) -> bool:
    """Two rows (or a row and a separator) from this line on. Their widths may differ: the
    first row of a table may be cut in two or lack its empty last cells."""
    if position + 1 >= len(lines):
        return False
    first, second = lines[position].text, lines[position + 1].text
    if is_separator(first):  # the top rule of a grid: "+----+-----+"
        return ("|" in first or "+" in first) and is_row(second) and not is_separator(second)
    return is_row(first) and is_row(second)


def heading_text(text: str) -> str | None:
    """The group a short line above a table names ("National organizations:"), else None."""
    text = text.strip("*_ ")  # "**National organizations**"
    if is_row(text) or len(text) > 100 or text.endswith(_SENTENCE_END):
        return None
    if not any(ch.isalpha() for ch in text):
        return None
    found = group_heading(text, False)
    if found is not None:
        return found
    return text if len(text.split()) <= 10 else None


def table_ahead(lines: Sequence[Line], position: int) -> bool:
    """A table starts here, or below a heading or "as of" line here (two at most)."""
    for offset in range(3):
        at = position + offset
        if table_starts(lines, at):
            return True
        if at >= len(lines) or not _preface(lines[at].text):
            return False
    return False


def _preface(text: str) -> bool:
    return heading_text(text) is not None or as_of_line(text) is not None


def read_tables(lines: Sequence[Line], start: int) -> TableList | None:
    """The tables from lines[start] on (headings between them included), or None."""
    found = TableList([], {}, start)
    position, heading, heading_at, open_segment = start, None, None, False
    while position < len(lines):
        text = lines[position].text
        if is_row(text) or is_separator(text):
            if not open_segment:
                found.segments.append(Segment(heading, heading_at))
                heading, heading_at, open_segment = None, None, True
            _add_row(found, found.segments[-1], position, text)
            position += 1
            continue
        if open_segment and _PAGE.match(text) and table_ahead(lines, position + 1):
            found.roles[position] = ("decoy", "a page number inside a table")
            position += 1
            continue
        if open_segment and _wraps(found.segments[-1], lines, position):
            _continue_row(found, found.segments[-1], position, text)
            position += 1
            continue
        if not table_ahead(lines, position):
            break
        as_of = as_of_line(text)
        if as_of is not None:
            found.as_of = found.as_of or as_of
            found.roles[position] = ("heading", "says as of when the list counts")
        else:
            if heading_at is not None:
                found.roles[heading_at] = ("heading", "a heading above a table")
            heading, heading_at = heading_text(text), position
        open_segment = False
        position += 1
    found.end = position
    found.segments = [s for s in found.segments if s.rows]
    if not found.segments:
        return None
    grouped = found.grouped
    for segment in found.segments:
        if segment.heading_at is not None:
            role = "group" if grouped else "heading"
            why = "the heading of one of several tables" if grouped else "the heading of a table"
            found.roles[segment.heading_at] = (role, why)
    return found


def _add_row(found: TableList, segment: Segment, position: int, text: str) -> None:
    if is_separator(text):
        found.roles[position] = ("heading", "a separator row of a table")
        return
    row = cells(text)
    if text.startswith("|") and not text.endswith("|") and len(row) < segment.width():
        row.insert(0, "")  # " | CTA Autónoma": an empty first cell (a merged cell above)
    if is_header(row):
        found.roles[position] = ("heading", "the header row of a table")
        return
    if not any(row):
        found.roles[position] = ("decoy", "an empty table row")
        return
    if segment.rows and _fragment(segment, row):
        segment.extend_last(position, row, joined=True)
        found.roles[position] = ("continuation", "the rest of a table row cut in two")
        return
    if len(row) < segment.width() and segment.numbered() and not _numbered(row):
        row.insert(0, "")  # an empty number cell leaves no " | " behind in rendered HTML
    elif _second_line(segment, row):
        last = segment.rows[-1]
        for index, more in enumerate(row):
            if more and index < len(last.cells):
                last.cells[index] = f"{last.cells[index]} {more}".strip()
        last.positions.append(position)
        found.roles[position] = ("continuation", "the second line of the table row above")
        return
    segment.add(Row([position], row))


def _second_line(segment: Segment, row: list[str]) -> bool:
    """A row of a plain-text grid ("|   | pour la promotion |   |"): no number where the
    rows have one, and cells left empty, or a name going on in lowercase."""
    if not segment.rows or not segment.numbered() or row[0] or len(row) != segment.width():
        return False
    filled = [cell for cell in row[1:] if cell]
    return bool(filled) and (len(filled) < len(row) - 1 or filled[0][:1].islower())


def _fragment(segment: Segment, row: list[str]) -> bool:
    """The second half of a row cut inside a cell: two halves short of the table's width
    that make it up together, and no running number where the rows have one. (Two rows
    that merely lack their last cells do not add up.)"""
    width, last = segment.width(), segment.rows[-1].cells
    if len(last) >= width or len(last) + len(row) - 1 != width:
        return False
    return not (segment.numbered() and _numbered(row))


def _numbered(row: list[str]) -> bool:
    return row[0].rstrip(".").isdigit()


def _wraps(segment: Segment, lines: Sequence[Line], position: int) -> bool:
    """A line between two rows that belongs to the row above: the rest of a row short of
    cells ("14 | Greenpeace" / "Greenpeace is an independent …"), a lowercase rest of a
    cell, or a sentence (a heading between tables is short and does not end like one).
    Rows of one table follow each other without blank lines, and tables stand apart from
    their headings: a line between rows with no blank line around it is inside the table."""
    if not segment.rows or position + 1 >= len(lines) or not is_row(lines[position + 1].text):
        return False
    line = lines[position]
    if not line.after_blank and not lines[position + 1].after_blank:
        return True
    text = line.text
    if len(segment.rows[-1].cells) < segment.width():
        return True
    return text[:1].islower() or (heading_text(text) is None and as_of_line(text) is None)


def _continue_row(found: TableList, segment: Segment, position: int, text: str) -> None:
    own_cell = len(segment.rows[-1].cells) < segment.width() and not text[:1].islower()
    segment.extend_last(position, [text], joined=not own_cell)
    found.roles[position] = ("continuation", "the rest of the table row above")
