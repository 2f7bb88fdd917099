"""Signers in a table flattened to text where a date cell closes each entry, one or more
entries a line: "Name A 29/10 Name B 29/10" (two columns of name and date received).

The dates (any digits: Latin, Persian, Arabic-Indic) are the only separators; they are
not part of the names. Two such lines and three entries at least, each cell a few words
with no digit, make the table; a schedule of times or a line of prose gives nothing.
"""

from __future__ import annotations

import re

from .lines import Line
from .plan import HOW_SURE, Entry, Plan

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
_DATE = re.compile(rf"(?:^|\s){_DIGIT}{{1,4}}[/.]{_DIGIT}{{1,2}}(?:[/.]{_DIGIT}{{2,4}})?(?=\s|$)")
_ANY_DIGIT = re.compile(_DIGIT)
_MAX_CELL_WORDS = 12
_MIN_LINES = 2
_MIN_ENTRIES = 3


def _cells(text: str) -> list[str] | None:
    """The name cells of a line made of "name date" pairs only, or None."""
    cells: list[str] = []
    start = 0
    for match in _DATE.finditer(text):
        cell = text[start : match.start()].strip()
        words = cell.split()
        if not words or len(words) > _MAX_CELL_WORDS or _ANY_DIGIT.search(cell):
            return None
        if not any(ch.isalpha() for ch in cell):
            return None
        cells.append(cell)
        start = match.end()
    if not cells or text[start:].strip():
        return None
    return cells


def dated_cells(lines: list[Line]) -> tuple[list[Line], list[str]] | None:
    """The longest run of consecutive lines made of name-and-date cells, with its names,
    when it holds enough lines and entries; None otherwise."""
    best: tuple[list[Line], list[str]] | None = None
    run: list[Line] = []
    names: list[str] = []
    for line in [*lines, None]:
        cells = _cells(line.text.strip()) if line is not None else None
        if cells is not None and line is not None:
            run.append(line)
            names.extend(cells)
            continue
        enough = len(run) >= _MIN_LINES and len(names) >= _MIN_ENTRIES
        if enough and (best is None or len(names) > len(best[1])):
            best = (run, names)
        run, names = [], []
    return best


def take_dated_table(lines: list[Line], plan: Plan) -> None:
    """The names of a table of name-and-date cells as the entries, when nothing was found
    or what was found lies inside the table (its lines taken whole, its header row)."""
    found = dated_cells(lines)
    if found is None:
        return
    run = found[0]
    first, last = run[0].index, run[-1].index
    inside = [index for entry in plan.entries for index in entry.lines]
    # The header row ("date received date received") sits just above the table.
    if any(index < first - 2 or index > last for index in inside):
        return
    for index in inside:
        plan.roles[index] = ("body", "the header row of a table of names and dates")
    sure = HOW_SURE["table"]
    plan.entries[:] = [
        Entry(name, None, None, [line.index], sure)
        for line in run
        for name in _cells(line.text.strip()) or []
    ]
    for line in run:
        plan.mark(line, "entry", "cells of a table of names, each followed by its date")
