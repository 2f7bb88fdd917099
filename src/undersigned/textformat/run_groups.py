"""A group heading inside a list that has no heading of its own.

After a letter's last paragraph, a run of names one a line (or one a paragraph), then a short
line ending in a colon and more names under it:

    … we ask you to act now.
    Jan Kowalski
    Anna Nowak
    Piotr Zieliński
    Veterans of the uprising:
    Maria Zielińska
    Ewa Wiśniewska

The colon line names the group of the names below it; the names above it, between the prose
and the colon line, are signatories of the same list without a group. `blocks._led_in` finds
the list under the colon line and asks here where the run above it starts.
"""

from __future__ import annotations

from collections.abc import Callable

from .headings import footer_line, group_heading, place_date_line, sign_off
from .lines import Line

# A group heading is a few words: a longer line ending in a colon leads into something
# ("Here are the people who asked us to write:").
_MAX_WORDS = 5
_MAX_CHARS = 60
_LEAST = 3  # entries above the colon line that make it a group of a longer list


def colon_group(line: Line) -> str | None:
    """The group a short line ending in a colon names ("Veterans of the uprising:"), or None
    for what leads into something else ("Contact:", "Sincerely:", "Paris, 3 May 2024:")."""
    text = line.text
    if line.marked or not text.endswith(":") or len(text) > _MAX_CHARS:
        return None
    if len(text.split()) > _MAX_WORDS:
        return None
    if footer_line(text) is not None or sign_off(text) or place_date_line(text):
        return None
    return group_heading(text, False)


def run_above(
    lines: list[Line], lead: int, score: Callable[[Line], float], entry: float, prose: float
) -> int | None:
    """Where the run of entries right above the colon line lines[lead] starts, when three
    lines at least, each an entry (score at least `entry`, none marked, none ending like a
    sentence or a lead-in), sit between it and prose (a line scoring below `prose`) or the
    top of the text; else None."""
    if colon_group(lines[lead]) is None:
        return None
    start = lead
    while start > 0:
        line = lines[start - 1]
        # Cheap tests first: only the lines of the run go through the line model.
        if line.marked or line.text.endswith((":", ".", "!", "?", ";")):
            break
        if score(line) < entry:
            break
        start -= 1
    if lead - start < _LEAST:
        return None
    if start > 0 and not _prose(lines[start - 1], score, prose):
        return None  # not after prose: a title, or the tail of something else
    return start


def _prose(line: Line, score: Callable[[Line], float], prose: float) -> bool:
    """The letter's last line: prose by the line model, or a sentence of four words or more
    ("Wir zählen auf Ihr Urteil.", which the model finds short enough to doubt)."""
    sentence = line.text.endswith((".", "!", "?")) and len(line.text.split()) >= 4
    return sentence or score(line) < prose


__all__ = ["colon_group", "run_above"]
