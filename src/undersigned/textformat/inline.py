"""Signatories named in one sentence: "… der IT-Unternehmen A, B, C und D."."""

from __future__ import annotations

import re

from .folding import fold
from .persons import is_person_name
from .quoted_lists import country_run

_CONJUNCTION = re.compile(r"\s+(?:and|und|et|y|e|ve|i|en|og|och|&)\s+")
# Words that show the sentence is about who issues or signs the statement.
_ABOUT_SIGNING = re.compile(
    r"\b(?:statement|letter|declaration|appeal|signed|signatories|joint|stellungnahme|brief"
    r"|erklarung|aufruf|unterzeichn\w*|gemeinsame\w*|lettre|declaration|communique|signe\w*"
    r"|carta|declaracion|comunicado|firmad\w*|conjunta|lettera|dichiarazione|firmat\w*"
    r"|declaracao|assinad\w*|aciklama|bildiri|imza\w*)\b"
)


def inline_entries(sentence: str) -> list[str]:
    """The names of a comma list ending in "and X." in a sentence about signing, else []."""
    text = sentence.strip()
    if not text.endswith(".") or len(text) > 400 or not _ABOUT_SIGNING.search(fold(text)):
        return []
    parts = [part.strip() for part in text[:-1].split(", ")]
    if len(parts) < 3:
        return []
    last = _CONJUNCTION.split(parts[-1])
    if len(last) != 2:
        return []
    items = parts[1:-1] + last
    if not all(item[:1].isupper() and len(item.split()) <= 4 for item in items):
        return []
    if country_run(items, text):
        return []  # "… signed by groups from Chile, Peru and Mexico": places, not signers
    sizes = sorted(len(item.split()) for item in items)
    median = sizes[len(sizes) // 2]
    # The first name ends the clause before the first comma: take as many words as usual.
    head = parts[0].split()
    first = _longer_person(head, items, median) or " ".join(head[-median:])
    if not first[:1].isupper() or len(head) <= median:
        return []
    return [first, *items]


def _longer_person(head: list[str], items: list[str], median: int) -> str:
    """When the others are persons, the first one's full name, longer than theirs ("… são
    Ana Maria Lopes, Rui Sá, …"): the longest trailing run of capitalised words that is a
    person's name, else ""."""
    for size in range(min(4, len(head) - 1), median, -1):
        words = head[-size:]
        inner = all(w[:1].isupper() or (len(w) <= 3 and w.islower()) for w in words[1:])
        if not (words[0][:1].isupper() and inner):  # "Ana de Sousa" keeps its particle
            continue
        if is_person_name(" ".join(words)) and all(map(is_person_name, items)):
            return " ".join(words)
    return ""
