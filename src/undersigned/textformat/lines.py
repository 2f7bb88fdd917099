"""Splitting a text into clean lines and reading the list marker in front of a line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
# "\d" is any script's digit: "۱۲." (Persian) and "١٢." (Arabic-Indic) read as 12.
MARKER = re.compile(
    r"^(?:(?P<n1>\d{1,6})[.)]|(?P<n3>\d{1,4})\s?[-–]|\((?P<n2>\d{1,6})\)|[-*•–—·‣▪◦])\s+(?=\S)"
)
# "12 Name": a bare number is a marker only in a run of lines counting up (see below).
_BARE_NUMBER = re.compile(r"^(?P<n>\d{1,4})\s+(?=[^\W\d_])")
_JOINERS = "\u200c\u200d"


def clean_line(line: str) -> str:
    """One line with control characters turned into spaces and runs of spaces collapsed."""
    # isprintable() is a fast check that almost every real line passes. The zero-width
    # (non-)joiners are letters' business in Persian, Arabic and Indic scripts: they stay.
    if not line.isprintable():
        line = "".join(
            " "
            if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _JOINERS
            else ch
            for ch in line
        )
    return _SPACE.sub(" ", line).strip()


def split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    return [clean_line(line) for line in text.split("\n")]


@dataclass(frozen=True)
class Line:
    """A non-blank line: its position, its text, and the list marker it starts with."""

    index: int  # position among all lines of the text, blank ones included
    text: str
    marked: bool  # starts with "1.", "(1)", "-", "•", ...
    number: int | None  # the number of a numbered marker
    content: str  # the text after the marker
    after_blank: bool = False  # a blank line (or the start of the text) comes before it


def read_marker(line: str) -> tuple[bool, int | None, str]:
    """(marked, number, text after the marker) for "12. Name", "- Name", "Name"."""
    match = MARKER.match(line)
    if match is None:
        return False, None, line
    number = match["n1"] or match["n2"] or match["n3"]
    return True, int(number) if number else None, line[match.end() :]


def nonblank_lines(lines: list[str]) -> list[Line]:
    out = []
    for index, text in enumerate(lines):
        if text:
            marked, number, content = read_marker(text)
            after_blank = index == 0 or not lines[index - 1]
            out.append(Line(index, text, marked, number, content, after_blank))
    return _bare_numbers(out)


def _bare_numbers(lines: list[Line]) -> list[Line]:
    """Lines "1 Name", "2 Name" (no dot, as Persian lists are often written): a bare
    number counts as a marker only where the next or the previous non-blank line carries
    the number one up or one down, so that "25 March" or "3 members agreed" stays text."""
    bare = [_BARE_NUMBER.match(line.text) if not line.marked else None for line in lines]
    if not any(bare):
        return lines
    numbers = [int(match["n"]) if match else None for match in bare]
    out = list(lines)
    for position, match in enumerate(bare):
        if match is None:
            continue
        before = numbers[position - 1] if position > 0 else None
        after = numbers[position + 1] if position + 1 < len(numbers) else None
        number = numbers[position]
        if number is not None and (before == number - 1 or after == number + 1):
            line = lines[position]
            out[position] = Line(
                line.index, line.text, True, number, line.text[match.end() :], line.after_blank
            )
    return out
