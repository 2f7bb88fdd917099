"""Bodies written one after the other with spaces only, in Arabic script: "الهيئة الوطنية …
حزب الخضر … المنظمة الديمقراطية … جمعية …" (the commas and line breaks lost when the page
was copied). Nothing but the words tell where a name starts: a name opens with the noun of
its kind (party, association, league, committee, observatory, …).

A span is a sentence with no list separator in it, or its part after a lead-in's colon. It
is split before every kind noun, the article "ال" and a glued article allowed ("الرابطةX":
a word-final "ة" cannot stand inside a word). In Arabic every name is definite, by an
article or by the construct state; a piece without a definite word ("لجنة تحضيرية", a
preparatory committee) is not a name alone, and the kind noun after it continues it (the
committee of the league that follows). Prepositions and relatives that prose needs ("في",
"إلى", "الذي") never stand in such a run of names.
"""

from __future__ import annotations

import re

# Kind nouns that open a body's name, without the article: Arabic, then Persian and Urdu.
_ARABIC_HEAD_TEXT = (
    "هيئة حزب منظمة لجنة رابطة عصبة فيدرالية فدرالية كونفدرالية مرصد جمعية اتحاد نقابة جبهة"
    " تنسيقية مركز شبكة ائتلاف تحالف مجلس منتدى مؤسسة حركة تجمع نادي"
)
_PERSIAN_HEAD_TEXT = (
    "سازمان حزب اتحادیه انجمن کانون جبهه شورای جنبش کمیته مجمع نهاد بنیاد اتحاد جمعیت"
)
_ARABIC_HEADS = frozenset(_ARABIC_HEAD_TEXT.split())
_PERSIAN_HEADS = frozenset(_PERSIAN_HEAD_TEXT.split())
_HEADS = _ARABIC_HEADS | _PERSIAN_HEADS
_ARTICLE = "ال"
_SEPARATORS = re.compile(r"[,،؛;、]")
_SENTENCE_END = re.compile(r"[.!؟?۔]\s|[.!؟?۔]$")
_PROSE_TEXT = "في إلى الى على التي الذي الذين أن إن هذا هذه قد لقد كما در به که این آن را است"
_PROSE_WORDS = frozenset(_PROSE_TEXT.split())
MIN_ITEMS = 4
_MAX_WORDS = 9


def _arabic_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    return bool(letters) and arabic * 2 > len(letters)


def _head(word: str) -> bool:
    """Whether a word opens a name: a kind noun, maybe with its article, maybe with the next
    word glued after its final "ة" ("الرابطةالتونسية")."""
    bare = word[2:] if word.startswith(_ARTICLE) and len(word) > 3 else word
    if bare in _HEADS:
        return True
    return "ة" in bare[:-2] and any(
        bare.startswith(head) and len(bare) > len(head) + 2
        for head in _ARABIC_HEADS
        if head.endswith("ة")
    )


def _definite(words: list[str]) -> bool:
    """Whether a piece holds a definite word: the article, also after "ل" or "ب"."""
    return any(w.startswith(("ال", "لل", "بال", "وال")) or "ةال" in w for w in words)


def _split(words: list[str], arabic: bool) -> list[list[str]]:
    items: list[list[str]] = []
    for word in words:
        opens = _head(word)
        current = items[-1] if items else None
        starts = opens and (
            current is None or (len(current) >= 2 and (not arabic or _definite(current)))
        )
        if starts or current is None:
            items.append([word])
        else:
            current.append(word)
    return items


def _in_span(span: str) -> list[str]:
    words = span.split()
    if len(words) < 2 * MIN_ITEMS or not _head(words[0]):
        return []
    if any(word in _PROSE_WORDS for word in words):
        return []
    arabic = any(_ARTICLE in word[:2] for word in words)
    items = _split(words, arabic)
    if len(items) < MIN_ITEMS or any(len(item) > _MAX_WORDS for item in items):
        return []
    if any(len(item) < 2 for item in items):
        return []
    return [" ".join(item) for item in items]


def spaced_list(paragraph: str) -> list[str]:
    """The names of the longest run of bodies written with spaces only in a paragraph of
    Arabic script, or []."""
    if not _arabic_script(paragraph) or len(paragraph) > 5000:
        return []
    best: list[str] = []
    start = 0
    for end in [*(m.start() for m in _SENTENCE_END.finditer(paragraph)), len(paragraph)]:
        sentence = paragraph[start:end]
        start = end + 1
        span = sentence.rsplit(":", 1)[-1]
        if _SEPARATORS.search(span):
            continue
        found = _in_span(span.strip())
        if len(found) > len(best):
            best = found
    return best


__all__ = ["MIN_ITEMS", "spaced_list"]
