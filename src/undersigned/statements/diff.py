"""Readable differences between two versions of a text: word by word for pages, line by line
for mail."""

import difflib
import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from undersigned.statements.models import Text

_WORDS = re.compile(r"\s+|[^\s]+")
# Sentences with the space after them: the coarser unit for a paragraph too long to diff by word.
_SENTENCES = re.compile(r"[^.!?。؟\n]*(?:[.!?。؟\n]+|$)\s*")
# difflib's matching is quadratic in the worst case: one anonymous GET of two versions of a
# 99,000-character paragraph once held a worker for 31 s. Its cost grows with the product of the
# two sides' lengths, so that is what we bound: word by word while the product stays under
# MAX_PAIRS, then sentence by sentence, then a paragraph is shown replaced whole; and all the
# paragraphs of one diff together get MAX_TOTAL_PAIRS. (Worst case, a small vocabulary repeated:
# about 0.1 s per MAX_PAIRS on one core.)
MAX_PAIRS = 250_000
MAX_TOTAL_PAIRS = 2_000_000
# Paragraphs of a whole text: past this many, they are paired by position.
MAX_PARAGRAPHS = 2000
CACHE_SECONDS = 24 * 3600


@dataclass
class ParagraphDiff:
    status: str  # "same", "changed", "added", "removed"
    html: SafeString


def _fields(text: Text) -> list[str]:
    return [text.title, text.subtitle, *text.paragraphs]


def _units(text: str) -> list[str]:
    return [unit for unit in _SENTENCES.findall(text) if unit]


def _words_html(old: str, new: str, budget: list[int] | None = None) -> SafeString:
    """Changes from old to new marked with <del> and <ins>: by word, by sentence past
    MAX_PAIRS, the whole paragraph past that (or once the diff's budget is spent)."""
    budget = budget if budget is not None else [MAX_TOTAL_PAIRS]

    def affordable(a: list[str], b: list[str]) -> bool:
        return len(a) * len(b) <= min(MAX_PAIRS, budget[0])

    a, b = _WORDS.findall(old), _WORDS.findall(new)
    if not affordable(a, b):
        a, b = _units(old), _units(new)
        if not affordable(a, b):
            a, b = [old] if old else [], [new] if new else []
    budget[0] -= len(a) * len(b)
    return marked_changes(a, b)


def marked_changes(a: list[str], b: list[str]) -> SafeString:
    """Two token lists as HTML: removed tokens in <del>, added ones in <ins>, all escaped."""
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


def _paragraph_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    if len(a) * len(b) > MAX_PARAGRAPHS**2 // 4:
        # Too many paragraphs to match in bounded time: pair them by position.
        common = min(len(a), len(b))
        ops = [("equal" if a[i] == b[i] else "replace", i, i + 1, i, i + 1) for i in range(common)]
        if len(a) > common:
            ops.append(("delete", common, len(a), common, common))
        if len(b) > common:
            ops.append(("insert", common, common, common, len(b)))
        return ops
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _cache_key(old: Text, new: Text) -> str:
    # Keyed by content, not only by id: a draft's text can still change under the same id.
    digest = hashlib.sha256()
    for field in (*_fields(old), "\0", *_fields(new)):
        digest.update(field.encode())
        digest.update(b"\1")
    return f"diff:v1:{old.pk}:{new.pk}:{digest.hexdigest()}"


def text_diff(old: Text, new: Text) -> list[ParagraphDiff]:
    """Title, subtitle and paragraphs of two versions side by side, changes marked; computed
    in bounded time and kept in the cache per pair of versions."""
    key = _cache_key(old, new)
    if (cached := cache.get(key)) is not None:
        return cached
    a, b = _fields(old), _fields(new)
    budget = [MAX_TOTAL_PAIRS]
    result: list[ParagraphDiff] = []
    for op, i1, i2, j1, j2 in _paragraph_opcodes(a, b):
        if op == "equal":
            result += [ParagraphDiff("same", escape(p)) for p in a[i1:i2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            result += [
                ParagraphDiff("changed", _words_html(x, y, budget))
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            result += [ParagraphDiff("removed", _words_html(p, "", budget)) for p in a[i1:i2]]
            result += [ParagraphDiff("added", _words_html("", p, budget)) for p in b[j1:j2]]
    cache.set(key, result, CACHE_SECONDS)
    return result


def text_diff_lines(old: Text, new: Text) -> list[str]:
    """A unified diff of the paragraphs, for plain-text mail."""
    a, b = _fields(old), _fields(new)
    if len(a) * len(b) > MAX_PARAGRAPHS**2 // 4:
        # Bounded like text_diff: the lines that differ by position, without context.
        return [f"- {x}\n+ {y}" for x, y in zip(a, b, strict=False) if x != y]
    return list(
        difflib.unified_diff(
            a,
            b,
            fromfile=f"version {old.version}",
            tofile=f"version {new.version}",
            lineterm="",
        )
    )
