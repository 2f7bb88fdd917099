"""A signature block that closes the text: a body's name on its own line, then its members
on ONE line parted by commas ("Coalition X" / "Group A, Group B, Group C, Group D").

The member line is the last line of the text; each of its pieces is a short name (no verb
phrase, no sentence end), and the line above it is a short name line too. A line of tags
("Tags: a, b, c") or a closing sentence of the body gives nothing.
"""

from __future__ import annotations

import re

from .lines import Line

_SEPARATOR = re.compile(r"\s*[,，、]\s*")
_MIN_ITEMS = 4
_MAX_ITEM_WORDS = 5
_MAX_NAME_WORDS = 8
_SENTENCE_END = ".!?。！？:：;；"


def _short(text: str, words: int) -> bool:
    return 0 < len(text.split()) <= words


def closing_members(lines: list[Line]) -> tuple[Line, list[str]] | None:
    """The last line and its members when the text closes with a name line and a line of
    four or more short names parted by commas; None otherwise."""
    if len(lines) < 2:
        return None
    last, above = lines[-1], lines[-2]
    text = last.text.strip()
    # A line that ends a sentence is the body's last sentence, not a block of names.
    if not text or text[-1] in _SENTENCE_END or any(ch.isdigit() for ch in text):
        return None
    # A name line above: short, no sentence end, no list of its own.
    name = above.text.strip()
    if not _short(name, _MAX_NAME_WORDS) or name[-1] in _SENTENCE_END or _SEPARATOR.search(name):
        return None
    if ":" in text or "：" in text:
        return None
    items = [item.strip() for item in _SEPARATOR.split(text)]
    if len(items) < _MIN_ITEMS or not all(_short(item, _MAX_ITEM_WORDS) for item in items):
        return None
    if any(item[-1] in _SENTENCE_END for item in items):
        return None
    return last, items
