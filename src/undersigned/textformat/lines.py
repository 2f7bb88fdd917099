"""Splitting a text into clean lines and reading the list marker in front of a line."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
_TAB_CELLS = re.compile(r"[ \t]*\t[ \t]*")
# "\d" is any script's digit: "۱۲." (Persian) and "١٢." (Arabic-Indic) read as 12.
MARKER = re.compile(
    r"^(?:(?P<n1>\d{1,6})[.)]|(?P<n3>\d{1,4})\s?[-–]|\((?P<n2>\d{1,6})\)|[-*•–—·‣▪◦])\s+(?=\S)"
)
# "12 Name": a bare number is a marker only in a run of lines counting up (see below),
# and so is "12.Name", a number glued to the name (no space after its dot or bracket).
_BARE_NUMBER = re.compile(r"^(?P<n>\d{1,4})(?:\s+|[.)](?=[^\W\d_]))(?=[^\W\d_])")
# "-Name": a dash glued to a capital, a marker only between lines marked "- " (see below).
_GLUED_DASH = re.compile(r"^[-–](?=[^\W\d_])")
_NEARBY = 4  # numbered lines at most this many lines apart count on from each other
_JOINERS = "\u200c\u200d"


def clean_line(line: str) -> str:
    """One line with control characters turned into spaces and runs of spaces collapsed."""
    # isprintable() is a fast check that almost every real line passes. The zero-width
    # (non-)joiners are letters' business in Persian, Arabic and Indic scripts: they stay.
    if line.isprintable():
        # Its only white space is " " (isprintable() is False for every other kind).
        return line.strip(" ") if "  " not in line else _SPACE.sub(" ", line).strip()
    if "\t" in line.strip():
        # Cells copied from a spreadsheet or a web page's table arrive joined by tabs
        # ("1<TAB>Friends of the Earth<TAB>United Kingdom"): they stay cells, as with "|".
        line = _TAB_CELLS.sub(" | ", line.strip())
    if not line.isprintable():
        line = "".join(
            " "
            if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _JOINERS
            else ch
            for ch in line
        )
    return _SPACE.sub(" ", line).strip()


def _letters(test: str) -> str:
    """The letters of the cased alphabets (Latin, Greek, Cyrillic, Armenian) that pass a
    test ("isupper"), for a character class."""
    return "".join(
        chr(c) for c in range(0x41, 0x590) if getattr(chr(c), test)() and chr(c).isalpha()
    )


# "Beograd, 11.02.2009. godineFond za humanitarno pravo": a page copied without its line
# breaks glues the last word of one block to the first of the next. A word in lower case
# (five letters at least: "openDemocracy", "eBay" and "iPhone" are names) that runs into a
# capitalized word is two lines.
_LOWER, _UPPER = _letters("islower"), _letters("isupper")
_GLUED_LINES = re.compile(f"(?<!\\S)[{_LOWER}]{{5,}}(?=[{_UPPER}][{_LOWER}])")


# ASCII letters -> "a" or "A" by case: in an ASCII line, _GLUED_LINES needs "aaaaaAa" (its
# classes hold a-z and A-Z there), which the bytes' translation finds some four times as fast
# as the search, for most lines of most lists.
_ASCII_CASES = bytes.maketrans(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", b"a" * 26 + b"A" * 26
)


def _unglued(line: str) -> list[str]:
    if line.isascii() and b"aaaaaAa" not in line.encode("ascii").translate(_ASCII_CASES):
        return [line]
    if not _GLUED_LINES.search(line):
        return [line]
    pieces, start = [], 0
    for match in _GLUED_LINES.finditer(line):
        pieces.append(line[start : match.end()].strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return pieces


def split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    return [piece for line in text.split("\n") for piece in _unglued(clean_line(line))]


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
    return _glued_dashes(_bare_numbers(out))


def _bare_numbers(lines: list[Line]) -> list[Line]:
    """Lines "1 Name", "2 Name" (no dot, as Persian lists are often written) or "1.Name",
    "2.Name" (no space after the dot, as Bengali lists often are): a bare
    number counts as a marker only where a nearby line (a wrapped name may sit between)
    carries the number one down or one up, so that "25 March" or "3 members agreed"
    stays text."""
    bare = [
        (i, m)
        for i, line in enumerate(lines)
        if line.text[0].isdigit() and not line.marked and (m := _BARE_NUMBER.match(line.text))
    ]
    if len(bare) < 2:
        return lines
    counting: set[int] = set()
    for (i, first), (j, second) in itertools.pairwise(bare):
        if j - i <= _NEARBY and int(second["n"]) == int(first["n"]) + 1:
            counting |= {i, j}
    out = list(lines)
    for i, match in bare:
        if i in counting:
            line = lines[i]
            number, content = int(match["n"]), line.text[match.end() :]
            out[i] = Line(line.index, line.text, True, number, content, line.after_blank)
    return out


def _glued_dashes(lines: list[Line]) -> list[Line]:
    """A line "-Name" whose dash lost its space, among lines marked "- Name": a marker too,
    so that the item is no heading inside the list. Alone, "-Name" may be a word cut short,
    so a neighbour must be marked by the same dash."""
    out = None
    for i, line in enumerate(lines):
        if line.marked or not _GLUED_DASH.match(line.text) or not line.text[1:2].isupper():
            continue
        dash = line.text[0] + " "
        near = lines[max(i - 1, 0) : i] + lines[i + 1 : i + 2]
        if any(other.marked and other.text.startswith(dash) for other in near):
            out = out or list(lines)
            out[i] = Line(line.index, line.text, True, None, line.text[1:], line.after_blank)
    return out or lines
