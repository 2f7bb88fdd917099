"""The place an entry writes between its name and its country: "Asociación de Trabajadores
del Campo (ATC), Managua, Nicaragua." or "Union X (a federation of …), Lyon, Rhône, France.".

A city and a region are not part of the name (nor a country: they are no field at all). A
comma may stand inside a name ("Diözesankommission für Umweltfragen, Bistum Trier"), so a
place is only cut where the name visibly ends before it: at the closing parenthesis of its
short form or its description, with nothing but short place-like pieces after it; and in
a list where most entries have that shape, also after the first comma of those without one.
"""

from __future__ import annotations

import re

from .countries import is_region
from .country_fuzzy import separate_country
from .folding import word_tuple
from .short_forms import is_acronym
from .vocabulary import FUNCTION_WORDS, has_organization_word

# A place has a few words: "Managua", "La Paz", "Rio de Janeiro", "Île-de-France".
_MAX_PLACE_WORDS = 4
_STATE_CODE = re.compile(r"[A-Z]{2}")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def _place_like(piece: str) -> bool:
    words = piece.split()
    if not 1 <= len(words) <= _MAX_PLACE_WORDS or not piece[:1].isupper():
        return False
    if not all(_WORD.fullmatch(word) for word in words):
        return False  # digits, parentheses, slashes: an address or another entry
    if has_organization_word(piece):
        return False  # "Bistum Trier" is a body; "Trier" alone is a place
    # Every word but the small ones is capitalised, and none is a short form ("ATC").
    return all(
        word[:1].isupper() and not is_acronym(word, strict=True)
        for word in words
        if word.lower() not in FUNCTION_WORDS
    )


def without_places(text: str) -> str:
    """The entry without the place pieces after its name's closing parenthesis:
    "Name (ATC), Managua" -> "Name (ATC)". The caller has taken the country off, if any."""
    close = text.rfind(")")
    if close <= 0 or not text.startswith(", ", close + 1) or "(" not in text[:close]:
        return text
    pieces = text[close + 3 :].split(", ")
    # A state's code after its city ("São Paulo, SP"): two capitals, not a short form.
    if all(_place_like(p) or (i and _STATE_CODE.fullmatch(p)) for i, p in enumerate(pieces)):
        return text[: close + 1]
    return text


# Where an organization works when that is no country: "Access Now (Global)", "ARTICLE 19 –
# Global", "EDRi (Europe)". Folded words; a region ("Europe", "Latin America") is one only
# inside a closing parenthesis: after a dash it may be the name's ("Friends of the Earth –
# Europe").
_SCOPES = frozenset(
    (word,)
    for word in word_tuple(
        """global worldwide international internacional internationale internazionale
        mondial mundial weltweit regional national nacional nationale nazionale"""
    )
)
_SCOPE_AFTER = re.compile(
    r"^(?P<name>.*?\S)\s*(?:\((?P<paren>[^()]{2,40})\)|\s[–—-]\s+(?P<dash>\S+))$"
)


def without_scope(text: str) -> str:
    """The entry without a scope that stands where a country would: "Access Now (Global)"
    -> "Access Now". The caller has read the country first: a country is a field."""
    if not (text.endswith(")") or " –" in text or " —" in text or " -" in text):
        return text
    match = _SCOPE_AFTER.match(text)
    if match is None:
        return text
    if match["paren"] is not None:
        scoped = word_tuple(match["paren"]) in _SCOPES or is_region(match["paren"])
    else:
        scoped = word_tuple(match["dash"]) in _SCOPES
    return match["name"] if scoped else text


_MIN_PLACED = 3


def _placed(text: str) -> bool:
    """ "…(ATC), Managua, Nicaragua.": a parenthesis closes the name, a place and a country
    follow (searched from the end, in one pass: a list may have 100,000 lines)."""
    close = text.rfind(")")
    rest = text[close + 1 :]
    return close > 0 and rest.startswith(", ") and rest.count(", ") >= 2 and "(" not in rest


def without_list_places(texts: list[str]) -> list[str]:
    """The entries of a list where most write "Name (…), place, Country", with the place
    also cut from those that have no parenthesis: "Kenya Peasants League, Nairobi, Kenya."
    -> "Kenya Peasants League, Kenya.". The list's shape says where each name ends."""
    placed = sum(map(_placed, texts))
    if placed < _MIN_PLACED or 2 * placed < len(texts):
        return texts
    out = []
    for text in texts:
        pieces = text.split(", ")
        if (
            "(" not in text
            and len(pieces) >= 3
            and all(_place_like(piece) for piece in pieces[1:-1])
            and separate_country(pieces[-1].rstrip(". ")) is not None
        ):
            text = f"{pieces[0]}, {pieces[-1]}"
        out.append(text)
    return out
