"""What a line of a statement looks like, as numbers for the line model (line_model.py).

Two kinds of features:
- the line's own (text_features): length, words, capitals, punctuation at the end,
  acronyms, countries, organization words, the shape of a person's name. They depend on
  the text only and are cached, as entry_likeness always was: a long list asks for the same
  line several times.
- its context (context_features): a list marker, whether the neighbours have the same
  shape (a list repeats one shape), whether a line ending in a colon leads into it, where
  it sits in the text. The caller gives the context when it knows it; without one the
  model uses the own features only (it was fitted both ways, see line_model.train).

Every feature is a bounded number (0..1 mostly), so that one weight means the same in
every file. No regular expression per feature: a few scans of the text, shared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .countries import country_from_text, country_name_code
from .folding import fold
from .lines import Line
from .persons import is_person_name
from .vocabulary import FUNCTION_WORDS, has_organization_word

_TOKEN = re.compile(r"[^\W\d_][\w'’.\-&]*")
_ACRONYM_TOKEN = re.compile(r"\b[A-ZÄÖÜÇŞİÉ][A-Z0-9ÄÖÜÇŞİÉ&.\-]{1,11}\b")
_PARENTHESIZED = re.compile(r"\([^()]*\)")
_PAREN_AT_END = re.compile(r"\(([^()]{2,40})\)\s*\.?$")

# Own features, in the order of text_features(); the names are what --explain shows.
TEXT_FEATURES: tuple[str, ...] = (
    "length",  # log of the length, scaled: 1 at about 150 characters
    "short",  # at most 60 characters
    "long",  # more than 160 characters
    "words",  # number of words, scaled: 1 at 20
    "many words",  # more than 18 words
    "capitalized words",  # share of content words that start with a capital (cased scripts)
    # Content words in lower case (cased scripts, 3 words or more): all of them is a style
    # (some lists are written so), most of them with a few capitals is a sentence.
    "lower-case words",
    "all words lower-case",
    "function words",  # share of small words (of, and, the, de, und, ...)
    "no capitals in the script",  # Arabic, Persian, Hebrew, Devanagari, CJK, ...
    "ends with a full stop",
    "ends with a colon",
    "ends with a semicolon or comma",
    "ends with ? or !",
    "starts in lower case",
    "starts with a number",
    "table separators",
    "an acronym",
    "a parenthesis at the end",
    "a country at the end",
    "is a country",
    "an organization word",
    "a person's name",
    "commas",  # how many, scaled: 1 at 4
    "digits",  # share of the characters
    "a link or an address",
    "a quotation mark",
    "ends with a lower-case word",  # prose breaks off mid-sentence; names end in a name
)

CONTEXT_FEATURES: tuple[str, ...] = (
    "context known",
    "a list marker",
    "shaped like the line before",
    "shaped like the line after",
    "after a line ending in a colon",
    "position in the text",  # 0 at the top, 1 at the bottom
)

FEATURES: tuple[str, ...] = TEXT_FEATURES + CONTEXT_FEATURES


Shape = tuple[object, ...]


@dataclass(frozen=True)
class Context:
    """What surrounds a line: its list marker, its neighbours' shapes (not their texts: a
    context is a cache key, and a neighbour may be a long paragraph) and its place."""

    marked: bool = False
    previous: Shape | None = None
    following: Shape | None = None
    position: float = 0.5  # 0 = first line, 1 = last line

    @classmethod
    def around(
        cls, marked: bool, previous: str | None, following: str | None, position: float = 0.5
    ) -> Context:
        """The context of a line between two neighbours' texts (without their markers)."""
        return cls(
            marked,
            shape(previous) if previous else None,
            shape(following) if following else None,
            position,
        )


def _cased(text: str) -> bool:
    """Whether the letters of the text have capitals (Latin, Greek, Cyrillic, ...)."""
    if text.isascii():
        return True
    cased = uncased = 0
    for ch in text:
        if ch.isalpha():
            if ch.isupper() or ch.islower():
                cased += 1
            else:
                uncased += 1
    return cased >= uncased


def _country_at_end(text: str) -> bool:
    paren = _PAREN_AT_END.search(text)
    if paren and (country_name_code(paren.group(1)) or country_from_text(paren.group(1))):
        return True
    if "," in text or " - " in text or " – " in text:
        tail = re.split(r",| - | – ", text)[-1].strip().rstrip(".")
        return bool(tail) and country_name_code(tail) is not None
    return False


# Small: entry_likeness caches its answers; this one serves a line asked in two contexts.
@lru_cache(maxsize=1 << 12)
def text_features(text: str) -> tuple[float, ...]:
    """The own features of one line (without its list marker), in TEXT_FEATURES order."""
    text = text.strip()
    # A translation or an expansion in parentheses makes an entry long, not a sentence.
    core = (_PARENTHESIZED.sub("", text) or text) if "(" in text else text
    length = len(core)
    tokens = _TOKEN.findall(core)
    content = [t for t in tokens if fold(t) not in FUNCTION_WORDS]
    function = len(tokens) - len(content)
    cased = _cased(text[:200])
    capitalized = sum(1 for t in content if t[0].isupper())
    share = capitalized / len(content) if content else 0.0
    end = text[-1:] if text else ""
    first = text[:1]
    digits = sum(map(str.isdigit, text))
    short_enough = len(text) <= 200  # the costly lookups only where they can matter
    is_country = short_enough and len(text) <= 60 and country_name_code(text) is not None
    return (
        min(math.log1p(length) / math.log1p(150), 1.5),
        float(length <= 60),
        float(length > 160),
        min(len(tokens) / 20, 2.0),
        float(len(tokens) > 18),
        share if cased else 0.0,
        float(cased and 0 < share < 0.35 and len(content) >= 3),
        float(cased and share == 0 and len(content) >= 3),
        function / len(tokens) if tokens else 0.0,
        float(not cased),
        float(end == "." and not text.endswith("..")),
        float(end == ":"),
        float(end in ";,،"),
        float(end in "?!؟"),
        float(first.islower()),
        float(first.isdigit()),
        float("|" in text),
        float(bool(_ACRONYM_TOKEN.search(text))),
        float(end == ")" or text.endswith(").")),
        float(short_enough and not is_country and _country_at_end(text)),
        float(is_country),
        float(short_enough and has_organization_word(text)),
        float(len(text) <= 60 and is_person_name(text.split(",")[0].strip())),
        min(text.count(",") + text.count("،"), 4) / 4,
        digits / len(text) if text else 0.0,
        float("http" in text or "www." in text or "@" in text),
        float(any(ch in text for ch in '"“”«»„')),
        float(cased and bool(tokens) and tokens[-1][:1].islower() and end.isalpha()),
    )


@lru_cache(maxsize=1 << 14)
def shape(text: str) -> Shape:
    """A coarse outline of a line, for telling whether neighbours repeat one shape (cheap:
    a neighbour may be a long paragraph)."""
    tokens = text.split()
    capitals = sum(1 for t in tokens if t[:1].isupper()) / len(tokens) if tokens else 0.0
    return (
        min(len(text) // 40, 4),
        round(capitals * 2),  # capitals: few, some, most
        ":" if text.endswith("：") else text[-1:] if text[-1:] in ".:;,)?!" else "",
        min(text.count(","), 3),
        "(" in text,
        "|" in text,
    )


def _similarity(mine: Shape, theirs: Shape | None) -> float:
    if theirs is None:
        return 0.0
    return sum(a == b for a, b in zip(mine, theirs, strict=True)) / len(mine)


def context_features(text: str, context: Context | None) -> tuple[float, ...]:
    """The context features of a line, in CONTEXT_FEATURES order (zeros without context)."""
    if context is None:
        return (0.0,) * len(CONTEXT_FEATURES)
    mine, previous = shape(text), context.previous
    return (
        1.0,
        float(context.marked),
        _similarity(mine, previous),
        _similarity(mine, context.following),
        float(previous is not None and previous[2] == ":"),
        min(max(context.position, 0.0), 1.0),
    )


def context_at(lines: Sequence[Line], position: int) -> Context:
    """The context of lines[position] among the non-blank lines of a text."""
    previous = lines[position - 1].content if position > 0 else None
    following = lines[position + 1].content if position + 1 < len(lines) else None
    where = round(position / (len(lines) - 1), 3) if len(lines) > 1 else 0.0
    return Context.around(lines[position].marked, previous, following, where)


def line_features(text: str, context: Context | None = None) -> tuple[float, ...]:
    """All features of a line, in FEATURES order."""
    return text_features(text) + context_features(text, context)


__all__ = [
    "CONTEXT_FEATURES",
    "FEATURES",
    "TEXT_FEATURES",
    "Context",
    "context_at",
    "context_features",
    "line_features",
    "text_features",
]
