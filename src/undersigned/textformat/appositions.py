"""Names in apposition to the words that announce them, each with its article: "The
undersigned parties that took part in the meeting in Lisbon, the Labour Party of X, the
Left of Y and the Popular Unity of Z, declare …".

The article each name carries marks where a name starts: the capitalised words before the
first one are the object of the lead-in ("in Lisbon", "de Marseille": the meeting's place),
and "and the" before the last one joins two names, even where no predicate piece follows.
"""

from __future__ import annotations

import re

# Definite articles that open a name in running text.
_ARTICLES = r"(?:the|le|la|les|el|los|las|il|lo|gli|i|o|os|as|der|die|das|den|ο|η|το|οι|τα)\s+"
_ARTICLE = re.compile(rf"^(?:{_ARTICLES}|l['’])(?=\S)", re.IGNORECASE)
# "and" in the scripts with capitals (Arabic and Hebrew names carry no article of their own).
_AND = r"(?:and|und|et|y|e|i|en|og|och|ja|és|ve|και|и|та)"
# A preposition that makes the capitalised words after it a place ("in Athens", "à Lyon",
# "en Montevideo", "de Marseille"), not the first name of the list.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "à", "a", "en", "em", "no", "na", "nel", "nella", "de", "di", "da", "do"}
    | {"du", "del", "im", "στην", "στο", "σε", "в", "во"}
)
_ARTICLED_AND = re.compile(rf"\s+{_AND}\s+(?=(?:{_ARTICLES}|l['’])[^\W\d_])", re.IGNORECASE)


def articled(items: list[str]) -> bool:
    """Whether the names of a run carry an article each (all of them, at least two)."""
    return len(items) >= 2 and all(_ARTICLE.match(item) for item in items)


def object_of_place(lead: str, first: str) -> bool:
    """Whether the first name cut from the lead-in follows a preposition of place in it
    ("… took part in the conference in Athens"), so that it names a place, not a signatory."""
    words = lead.split()
    size = len(first.split())
    if not first or size > 3 or len(words) <= size or not lead.rstrip().endswith(first):
        return False
    return words[-size - 1].lower() in _PLACE_PREPOSITIONS


def split_articled_and(item: str) -> list[str]:
    """ "the Left of Y and the Popular Unity of Z" -> the two names, at "and" before an
    article and a capitalised word."""
    joint = _ARTICLED_AND.search(item)
    if joint is None or not _ARTICLE.sub("", item[joint.end() :])[:1].isupper():
        return [item]
    return [item[: joint.start()], item[joint.end() :]]


def apposed(lead: str, first: str, middle: list[str], ended: bool) -> tuple[str, list[str]]:
    """The first name and the middle names of a run whose names carry their articles: the
    first is dropped where it is the place of the lead-in; when the predicate follows the
    run (ended), "and the" splits its last name in two."""
    if object_of_place(lead, first):
        first = ""
    if ended and middle:
        middle = [*middle[:-1], *split_articled_and(middle[-1])]
    return first, middle
