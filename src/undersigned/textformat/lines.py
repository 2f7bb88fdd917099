"""Splitting a text into clean lines and reading the list marker in front of a line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
MARKER = re.compile(r"^(?:(?P<n1>\d{1,6})[.)]|\((?P<n2>\d{1,6})\)|[-*•–—·‣▪◦])\s+(?=\S)")
_JOINERS = "\u200c\u200d"


def clean_line(line: str) -> str:
    """One line with control characters turned into spaces and runs of spaces collapsed."""
    # isprintable() is a fast check that almost every real line passes. The zero-width
    # (non-)joiners are letters' business in Persian, Arabic and Indic scripts: they stay.
    if line.isprintable():
        # Its only white space is " " (isprintable() is False for every other kind).
        return line.strip(" ") if "  " not in line else _SPACE.sub(" ", line).strip()
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
    number = match["n1"] or match["n2"]
    return True, int(number) if number else None, line[match.end() :]


def nonblank_lines(lines: list[str]) -> list[Line]:
    out = []
    new, previous = object.__new__, ""
    for index, text in enumerate(lines):
        if text:
            marked, number, content = read_marker(text)
            # The same Line as Line(...) makes, without the frozen class's six setattr calls
            # (a 5 MB list has 90,000 lines).
            line = new(Line)
            line.__dict__.update(
                index=index,
                text=text,
                marked=marked,
                number=number,
                content=content,
                after_blank=index == 0 or not previous,
            )
            out.append(line)
        previous = text
    return out
