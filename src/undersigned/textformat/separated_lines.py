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
    items = split_lost_separators(items)
    plan.entries.extend(Entry(text, None, None, [line.index], _SURE) for text in items)
    plan.mark(line, "entry", f"names {len(items)} entries between separators in one line")
    return True


def split_lost_separators(items: list[str]) -> list[str]:
    """Items of a long run with one separator lost between two of them ("Alabama Rivers
    Council Alabama First"): the run tells where, at a word that ends two other items or more
    ("Council") followed by a word that opens another item ("Alabama")."""
    if len(items) < 2 * _MIN_ITEMS:
        return items
    words = [item.split() for item in items]
    ends: dict[str, int] = {}
    for split in words:
        ends[split[-1]] = ends.get(split[-1], 0) + 1
    starts = {split[0] for split in words}
    out: list[str] = []
    for split in words:
        out.extend(_split_at_seam(split, ends, starts))
    return out


def _split_at_seam(split: list[str], ends: dict[str, int], starts: set[str]) -> list[str]:
    for k in range(2, len(split) - 1):
        end, start = split[k - 1], split[k]
        # A word that ends two other items, then one that opens another item.
        if ends.get(end, 0) >= 2 and start in starts and start[0].isupper():
            return [" ".join(split[:k]), " ".join(split[k:])]
    return [" ".join(split)]


def without_cut_tail(items: list[str]) -> list[str]:
    """The items of a one-line list without a last item its source cut off mid-name: every
    item before it closes with its bracket ("A (role), B (role), Sa"), it is one bare word."""
    if len(items) < 4 or "(" in items[-1] or len(items[-1].split()) > 1:
        return items
    if all(item.endswith(")") for item in items[:-1]):
        return items[:-1]
    return items


__all__ = ["lone_separated_line", "split_lost_separators", "without_cut_tail"]
