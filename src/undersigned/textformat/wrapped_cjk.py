"""Chinese and Japanese prose hard-wrapped at a fixed width, joined again (issue 22).

A forum repost (PTT, 2channel) or a plain-text mail breaks each paragraph into lines of one
width in columns (a wide character takes two), wherever the width runs out: inside a word, a
name, a number ("中研\\n院院士陳培哲"). Line by line, these look like a list of short entries in a
script without capitals; joined, they are the sentences they are, and a sentence naming the
signers can be read. A paragraph ends at the first line clearly shorter than the width.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MIN_WIDTH = 60  # columns of the widest line: 30 wide characters, a sentence not a name
_SLACK = 4  # a wide character or two that did not fit, half-width digits and commas
_MIN_LINES = 3  # lines in a run, at least
_MIN_FULL = 2  # of them full to the width
_SENTENCE_END = re.compile(r"[。！？]")
_CLOSING = ("。", "！", "？", "」", "』", "）", ")")


def _width(line: str) -> int:
    """Columns the line takes in a fixed-width font."""
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _wide(line: str) -> bool:
    """Whether most of the line's letters are Chinese or Japanese."""
    return len(_CJK.findall(line)) * 2 > len(line)


def unwrap(lines: list[str]) -> list[str]:
    """The lines with every hard-wrapped paragraph joined on its first line; the lines
    joined to it become blank, so every other line keeps its index."""
    if not any(_CJK.search(line) for line in lines[:50]):
        return lines  # most texts: nothing to do
    out = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].strip() and _wide(lines[end]):
            end += 1
        if end - start >= _MIN_LINES:
            _join_run(out, start, end)
        start = end + 1
    return out


def _join_run(out: list[str], start: int, end: int) -> None:
    """Join the paragraphs of a run of Chinese or Japanese lines, when they are wrapped."""
    widths = [_width(out[i]) for i in range(start, end)]
    full = max(widths)
    # A line full to the width goes on below, unless a sentence ends it: lines written one
    # sentence each ("…です。") that happen to be as long are not wrapped.
    wrapped = [
        width >= full - _SLACK and not out[index].rstrip().endswith(_CLOSING)
        for width, index in zip(widths, range(start, end), strict=True)
    ]
    run_text = "".join(out[start:end])
    if full < _MIN_WIDTH or sum(wrapped) < _MIN_FULL or not _SENTENCE_END.search(run_text):
        return
    paragraph: int | None = None
    for offset, index in enumerate(range(start, end)):
        if paragraph is None:
            paragraph = index
        else:
            out[paragraph] += out[index].strip()
            out[index] = ""
        if not wrapped[offset]:
            paragraph = None  # a short line ends its paragraph
