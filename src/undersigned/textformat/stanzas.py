"""Lists written in stanzas: one signatory a paragraph of two to four lines, a person's name
first, then their office and body, then maybe a phone line ("Jane Doe" / "Chair, Friends of
the Earth" / "Tel. 12 34 56 78"), as press releases close.

Only lists without markers are read so, and paragraphs are told apart by blank lines: a
rendered document writes every entry on one marked line, so it never reads as stanzas.
"""

from __future__ import annotations

from .headings import footer_line, place_date_line
from .lines import Line
from .nicknames import without_nickname
from .persons import is_person_name

_MIN_STANZAS = 3  # or two, each with a contact line
_MAX_LINES = 4
_SENTENCE_END = (".", "!", "?", ":", ";")


def stanza_size(lines: list[Line], position: int, stop: int) -> int:
    """How many lines the stanza of one signatory that opens at lines[position] has, or 0."""
    first = lines[position]
    if first.marked or not is_person_name(without_nickname(first.content)[0]):
        return 0
    # The first signature may sit right under the place and date ("São Paulo, 27 de março" /
    # "Jane Doe" / "Chair of X"), with no blank line between.
    if not first.after_blank and not (position and place_date_line(lines[position - 1].text)):
        return 0
    end = position + 1
    while end < stop and not lines[end].after_blank and not lines[end].marked:
        end += 1
    size = end - position
    if not 2 <= size <= _MAX_LINES:
        return 0
    if any(line.content.endswith(_SENTENCE_END) for line in lines[position:end]):
        return 0
    return size


def is_contact(line: Line) -> bool:
    return footer_line(line.text) is not None


def opens_stanzas(lines: list[Line], position: int, stop: int) -> bool:
    """Whether a run of stanzas opens at lines[position]: three, or two with a contact line
    in each."""
    count, contacts = 0, 0
    while position < stop and count < _MIN_STANZAS:
        size = stanza_size(lines, position, stop)
        if not size:
            break
        count += 1
        contacts += any(is_contact(line) for line in lines[position + 1 : position + size])
        position += size
    return count >= _MIN_STANZAS or (count == 2 and contacts == 2)


def stanza_text(lines: list[Line]) -> str:
    """One entry of the stanza's lines, its contact lines left out: "Jane Doe, Chair, …"."""
    return ", ".join(line.content for line in lines if not is_contact(line))
