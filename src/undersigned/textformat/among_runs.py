"""The signers a report names after "among them are -", however few, in the scripts of South
Asia too (issue 22).

"যৌথ বিবৃতিতে আহবানকারীদের মধ্যে রয়েছেন- A, B, …" (among the callers of the joint statement
are -), "इनमें शामिल हैं: A, B …": the words before the dash say that what follows is the
signers, so one or two names are enough, where a sentence list needs three. The first name
is all the words after the mark. Where the text breaks off inside the run (no sentence end,
nothing after it), its last piece is cut and left out.

A name may follow where its bearer lives: "সৌদিআরব প্রবাসী X" (X, living in Saudi Arabia),
"अमेरिका प्रवासी X"; it is written "X (Country)", the shape the entry reader knows.
"""

from __future__ import annotations

import re

from .country_fuzzy import separate_country
from .folding import fold
from .inline_samples import among_lead

# "Among them are" in Bengali, Hindi, Urdu, Persian: matched on folded text (folding drops
# the Bengali virama and nukta), so the phrases are folded the same way.
_PHRASES = (
    "মধ্যে রয়েছেন", "মধ্যে আছেন", "মধ্যে ছিলেন", "এদের মধ্যে", "তাদের মধ্যে",
    "में शामिल हैं", "इनमें", "जिनमें", "میں شامل ہیں", "از جمله",
)  # fmt: skip
_AMONG = re.compile("(?:" + "|".join(re.escape(fold(phrase)) for phrase in _PHRASES) + r")\s*$")
# A statement or its signing named in the words before the dash, folded.
_STATEMENT = re.compile(
    "|".join(
        re.escape(fold(word))
        for word in ("বিবৃতি", "স্বাক্ষর", "बयान", "हस्ताक्षर", "بیان", "دستخط", "بیانیه", "امضا")
    )
    + r"|statement|letter|sign"
)
_MARK = re.compile(r"\s*(?:[-–—:]|:-)\s+")
_SEPARATOR = re.compile(r"\s*[,،]\s*")
_SENTENCE_END = re.compile(r"[.!?।۔؟]\s*$")
_AND = re.compile(r"\s+(?:ও|এবং|और|तथा|اور|و|and)\s+")
_LIVING_IN = re.compile(r"^(?P<country>\S+)\s+(?:প্রবাসী|प्रवासी|مقیم)\s+(?P<name>\S.*)$")
_MAX_WORDS = 10


def among_entries(paragraph: str, ends_text: bool) -> list[str]:
    """The names after "among them are -" in a paragraph about a statement, else [].
    ends_text: nothing follows the paragraph (so a run without a sentence end is cut)."""
    for mark in _MARK.finditer(paragraph):
        lead = paragraph[: mark.start()]
        folded = fold(lead)
        if not (_AMONG.search(folded) or among_lead(lead)) or not _STATEMENT.search(folded):
            continue
        rest = paragraph[mark.end() :]
        pieces = [piece.strip() for piece in _SEPARATOR.split(rest)]
        if _SENTENCE_END.search(rest):
            pieces[-1] = _SENTENCE_END.sub("", pieces[-1])
            pieces[-1:] = _AND.split(pieces[-1], maxsplit=1)
        elif ends_text:
            pieces = pieces[:-1]  # broken off inside the last one
        else:
            return []
        if not pieces or any(not p or len(p.split()) > _MAX_WORDS for p in pieces):
            return []
        return [_where_living(piece) for piece in pieces]
    return []


def _where_living(piece: str) -> str:
    found = _LIVING_IN.match(piece)
    if found is None or separate_country(found["country"]) is None:
        return piece
    return f"{found['name']} ({found['country']})"
