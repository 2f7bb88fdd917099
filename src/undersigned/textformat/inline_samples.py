"""Signers named by way of example in running text: "Under the letter signed 62
organisations. Among them — A, B, C and others." (issue 22).

The words "among them" before a dash or colon say that what follows is a run of the signers
the sentence before counted; so the first name is all the words after the mark (not only its
trailing capitalised words: "Ассоциация журналистов-экологов Союза журналистов России"), and
the trailing "and others" closes the last name (whose lower-case words then stay in it), even
where the stored text breaks off inside "others" ("… природы и дру").
"""

from __future__ import annotations

import re

from .folding import fold

# "Among them" and its kin, folded, at the end of the words before the mark.
_AMONG = re.compile(
    r"(?:^|[\s.;,])(?:among(?:st)? (?:them|whom|the signatories|the signers)"
    r"|parmi (?:eux|elles|lesquels|lesquelles|les signataires)"
    r"|unter (?:ihnen|denen|den unterzeichnern)|darunter"
    r"|tra (?:questi|queste|loro|cui|i firmatari)|fra (?:questi|queste|loro|cui)"
    r"|entre (?:ellos|ellas|eles|elas|los firmantes|os signatarios|les signataires)"
    r"|wsrod (?:nich|ktorych|sygnatariuszy)|mezi nimi|medzi nimi|medu njima|med njimi"
    r"|среди (?:них|которых|подписантов|подписавших)|серед (?:них|яких|підписантів)"
    r"|в (?:том|тому) числе|в тому числі|aralarinda|onder hen|onder wie|waaronder"
    r"|bland (?:dem|annat)|blant (?:dem|annet)|heidan joukossaan|kozottuk"
    r"|μεταξυ (?:τους|των οποιων)|αναμεσα τους"
    r"|من بينهم|ومن بينهم|بينهم|ومنهم|בהם|ביניהם|ביניהן)\s*$"
)
# "and others" after the last name, in the languages of AND_WORDS; at the very end of the
# text a prefix of three letters or more of "others" is the same words broken off.
_AND = r"(?:and|und|et|y|e|ve|и|і|та|en|og|och|i|oraz|a|és|ja|και)"
_OTHERS = (
    "others", "andere", "anderen", "d'autres", "autres", "otros", "otras", "altri", "altre",
    "outros", "outras", "digerleri", "другие", "другі", "inni", "inne", "andra",
    "andre", "muut", "mások", "άλλοι", "άλλες", "άλλα",
)  # fmt: skip
_WHOLE_OTHERS = re.compile(
    rf"\s+{_AND}\s+(?:many\s+|viele\s+|bien\s+|muchos\s+|molti\s+|многие\s+)?"
    rf"(?:{'|'.join(map(re.escape, _OTHERS))})\W*$"
)
_BROKEN_OTHERS = re.compile(rf"\s+{_AND}\s+(\w{{3,}})$")
_MARKS = (":", " – ", " — ", " - ")


def among_lead(lead: str) -> bool:
    """Whether the words before a dash or colon end with "among them" in some language."""
    return _AMONG.search(fold(lead.rstrip(" :–—-"))) is not None


def after_among(piece: str) -> str | None:
    """The words after the mark that follows "among them" in the piece, else None."""
    for mark in _MARKS:
        if mark in piece:
            lead, after = piece.rsplit(mark, 1)
            if among_lead(lead):
                return after.strip()
    return None


def before_others(piece: str) -> str | None:
    """The last name before a closing "and others" (or its prefix, where the text breaks
    off), else None."""
    piece = piece.rstrip()
    found = _WHOLE_OTHERS.search(piece)
    if found is None:
        broken = _BROKEN_OTHERS.search(piece)
        word = broken.group(1) if broken else ""
        if not word or not any(other.startswith(word) and other != word for other in _OTHERS):
            return None
        found = broken
    name = piece[: found.start()].strip()
    return name or None
