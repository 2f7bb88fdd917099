"""Readable differences between two versions of a text: word by word for pages, line by line
for mail."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from undersigned.statements.models import Text

_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass
class ParagraphDiff:
    status: str  # "same", "changed", "added", "removed"
    html: SafeString


def _fields(text: Text) -> list[str]:
    return [text.title, text.subtitle, *text.paragraphs]


def _words_html(old: str, new: str) -> SafeString:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


def text_diff(old: Text, new: Text) -> list[ParagraphDiff]:
    """Title, subtitle and paragraphs of two versions side by side, changes marked."""
    a, b = _fields(old), _fields(new)
    result: list[ParagraphDiff] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            result += [ParagraphDiff("same", escape(p)) for p in a[i1:i2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            result += [
                ParagraphDiff("changed", _words_html(x, y))
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            result += [ParagraphDiff("removed", _words_html(p, "")) for p in a[i1:i2]]
            result += [ParagraphDiff("added", _words_html("", p)) for p in b[j1:j2]]
    return result


def text_diff_lines(old: Text, new: Text) -> list[str]:
    """A unified diff of the paragraphs, for plain-text mail."""
    return list(
        difflib.unified_diff(
            _fields(old),
            _fields(new),
            fromfile=f"version {old.version}",
            tofile=f"version {new.version}",
            lineterm="",
        )
    )
