"""The last names of a run in running text that a short form closes, and the bodies joined
to the subject "in collaboration with" (issue 22): "QUÉBEC, le 15 avril 2025 - Les centrales
- la X (CSD), la Y (CSN) et la Z (FTQ) -, en collaboration avec l'W (UTTAM) et leurs alliés,
ont émis la déclaration …".

A parenthesis holding an acronym ends the name before it, whatever lower-case words the
name has ("Fédération des travailleurs et travailleuses du Québec (FTQ)"), where the cut
before the predicate would stop at the first of them. A body the subject issues the text
"together with" is one more issuer.
"""

from __future__ import annotations

import re

from .folding import fold

# A parenthesis that may hold a short form: one word of 2-12 characters ("(FTQ)", "(PL-89)",
# "(ZdK)"); "accidenté(e)s" and "(Italia)" hold none (see _short).
_PAREN_WORD = re.compile(r"\(([^()\s]{2,12})\)")
# An inclusive ending in parentheses inside a word: "accidenté(e)s", "trabajador(a)s".
_ENDING = re.compile(r"(?<=\w)\([^\W\d_A-Z]{1,3}\)")
_MAX_WORDS = 12
# A name in running text opens with its article in lower case, then a capital ("la Centrale",
# "l'Union", "the Guild"); a sentence opens with a capital ("Lors du congrès de la …").
_ARTICLED = re.compile(r"^(?:[^\W\d_]{1,3}\s+|[^\W\d_]['’])(\w)")
# "With" phrases that join co-issuers to the subject, folded, at a piece's start.
_WITH = re.compile(
    r"^(?:en (?:collaboration|partenariat|association) avec|conjointement avec"
    r"|in (?:collaboration|partnership|association|cooperation) with|together with|jointly with"
    r"|en (?:colaboracion|asociacion) con|junto (?:con|com)|conjuntamente con"
    r"|em (?:colaboracao|parceria) com|in collaborazione con|insieme (?:a|con)"
    r"|in zusammenarbeit mit|gemeinsam mit|zusammen mit|samen met|in samenwerking met"
    r"|wspolnie z|we wspolpracy z|совместно с|в сотрудничестве с|spolecne s|birlikte"
    r")\s+"
)


def through_short_form(piece: str) -> str | None:
    """The name up to its closing short form when the piece opens with it ("la Fédération
    des travailleurs du Québec (FTQ) -" -> "la Fédération … (FTQ)"), else None."""
    found = next((m for m in _PAREN_WORD.finditer(piece) if _short(m.group(1))), None)
    if found is None or found.start() == 0:
        return None
    name = piece[: found.end()]
    before = _ENDING.sub("", piece[: found.start()])
    if "(" in before or len(name.split()) > _MAX_WORDS:
        return None
    return name


def _short(word: str) -> bool:
    """A short form opens with a capital or digit and has two of them at least."""
    opens = word[0].isupper() or word[0].isdigit()
    return opens and sum(c.isupper() or c.isdigit() for c in word) >= 2


def after_mark(piece: str) -> str | None:
    """The name after the last dash or colon of a lead-in when a short form closes it ("Les
    syndicats - la Fédération des infirmières du Nord (FIIN)"), else None."""
    for mark in (":", " – ", " — ", " - "):
        if mark in piece:
            after = piece.rsplit(mark, 1)[1].strip()
            closed = through_short_form(after) == after
            opening = _ARTICLED.match(after)
            articled = opening is not None and after[0].islower() and opening.group(1).isupper()
            return after if closed and articled else None
    return None


def after_with(piece: str) -> str | None:
    """The words after "in collaboration with" opening the piece, else None."""
    found = _WITH.match(fold(piece.strip()))
    if found is None:
        return None
    # Folding keeps the length of these Latin and Cyrillic letters, so the offset holds.
    return piece.strip()[found.end() :]
