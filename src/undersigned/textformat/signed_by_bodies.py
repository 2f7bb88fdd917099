"""Bodies named right after "the text was signed by" (issue 22): "Hasta el momento, el texto
ha sido suscrito por A, B (ATTAC), y la C…", "The letter has been signed by A, B and C.",
"Der Aufruf wurde von A, B und C unterzeichnet" is left to others.

signing_clauses reads persons after such a verb; bodies there have long names with small
words inside ("Asociación por la Tasación de las Transacciones …"), so only commas outside
parentheses part them, and the last "and" where a capitalized word follows it. A news item
stored in part breaks off inside the run: the last piece, with no sentence end after it, is
left out. The sentence must name the document signed ("the text", "el manifiesto").
"""

from __future__ import annotations

import re

from .folding import fold
from .sample_lists import name_items
from .signing_clauses import signed_clause

# "<document> … signed by" (folded), in one sentence.
_SIGNED_BY = re.compile(
    r"(?<!\w)(?:text[oe]?|letter|statement|manifi?est\w*|declara\w*|carta|comunicado|lettre"
    r"|appel|lettera|appello|documento?|brief|aufruf|erklarung|petition|peticion)\b[^.;:]{0,60}?"
    r"(?:signed by|suscrit[oa] por|firmad[oa] por|signee? par|firmat[oa] da|assinad[oa] por"
    r"|subscrit[oa] por|unterzeichnet von|ondertekend door)\s+"
)
_END = re.compile(r"[.!?](?:\s|$)")
_MIN_ITEMS = 2


def signed_by_bodies(paragraph: str) -> list[str]:
    """The bodies the sentence says signed the text, else []."""
    folded = fold(paragraph)
    if len(folded) != len(paragraph):
        return []  # folding changed the length: offsets would not match
    verb = _SIGNED_BY.search(folded)
    if not verb or signed_clause(paragraph):
        return []  # persons after the verb: signing_clauses reads them, with their roles
    rest = paragraph[verb.end() :]
    end = _END.search(rest)
    broken = end is None
    items = name_items(rest[: end.start()] if end else rest, broken)
    return items if len(items) >= _MIN_ITEMS else []


__all__ = ["signed_by_bodies"]
