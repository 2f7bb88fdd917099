"""A signatory list written as one line of names between spaced stars, dots or pipes, with
no heading or lead-in above it (issue 22): a PDF's text layer keeps a coalition's list of
members as "A * B * C * …". Many items, each shaped like a name, make it a list by its shape
alone; a site's menu ("Home | About | Contact") is no list (see odd_separators).

Written for shapes, not for a text: no word list names a signatory.
"""

from __future__ import annotations

from .lines import Line
from .odd_separators import separated_items
from .plan import HOW_SURE, Entry, Plan

# Without a lead-in, the shape alone must say "list": many items (a title "A · B · C" or a
# byline "Text · Photos · Layout" has few).
_MIN_ITEMS = 6
_SURE = round(HOW_SURE["trailing"] * 0.9, 2)


def lone_separated_line(lines: list[Line], plan: Plan) -> bool:
    """Take the entries of the longest line of names between separators, if any."""
    best: tuple[Line, list[str]] | None = None
    for line in lines:
        if line.marked or len(line.content) < 60:
            continue
        items = separated_items(line.content)
        if items and len(items) >= _MIN_ITEMS and (best is None or len(items) > len(best[1])):
            best = line, items
    if best is None:
        return False
    line, items = best
    plan.entries.extend(Entry(text, None, None, [line.index], _SURE) for text in items)
    plan.mark(line, "entry", f"names {len(items)} entries between separators in one line")
    return True


def without_cut_tail(items: list[str]) -> list[str]:
    """The items of a one-line list without a last item its source cut off mid-name: every
    item before it closes with its bracket ("A (role), B (role), Sa"), it is one bare word."""
    if len(items) < 4 or "(" in items[-1] or len(items[-1].split()) > 1:
        return items
    if all(item.endswith(")") for item in items[:-1]):
        return items[:-1]
    return items


__all__ = ["lone_separated_line", "without_cut_tail"]
