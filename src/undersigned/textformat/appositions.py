"""Names in apposition to the words that announce them, each with its article: "The
undersigned parties that took part in the meeting in Lisbon, the Labour Party of X, the
Left of Y and the Popular Unity of Z, declare …".

The article each name carries marks where a name starts: the capitalised words before the
first one are the object of the lead-in ("in Lisbon", "de Marseille": the meeting's place)
unless an article, an agent ("by") or a colon introduces them; and "and the" before the
last one joins two names, even where no predicate piece follows.
"""

from __future__ import annotations

import re

from .vocabulary import AND_WORDS

# Definite articles that open a name in running text.
_ARTICLE_WORDS = frozenset(
    {"the", "le", "la", "les", "el", "los", "las", "il", "lo", "gli", "i", "o", "os", "as"}
    | {"der", "die", "das", "den", "ο", "η", "το", "οι", "τα", "az"}
)
# Portuguese "a" opens names ("a Força Sindical"); before a name it may be "to" ("a Roma").
_ARTICLES = rf"(?:{'|'.join(_ARTICLE_WORDS | {'a'})})\s+"
# A preposition fused with an article introduces a name as its article does ("além da CUT",
# "signé par des …", "a nome della Rete …").
_FUSED = frozenset(
    {"da", "do", "das", "dos", "du", "des", "del", "della", "dello", "dei", "degli", "delle"}
    | {"al", "au", "aux", "zum", "zur", "vom", "im", "am", "beim", "στον", "στην", "του", "της"}
)
_ARTICLE = re.compile(rf"^(?:{_ARTICLES}|l['’])(?=\S)", re.IGNORECASE)
# "and" in the scripts with capitals (Arabic and Hebrew names carry no article of their own).
_AND = f"(?:{'|'.join(w for w in AND_WORDS if w not in {'a', 'oraz', 'і'})})"
# Words after which a name may open without its article: "signed by Greenpeace, the …".
_AGENTS = frozenset({"by", "par", "por", "von", "from", "door", "av", "przez", "από", "от"})
_ARTICLED_AND = re.compile(rf"\s+{_AND}\s+(?=(?:{_ARTICLES}|l['’])[^\W\d_])", re.IGNORECASE)
ARTICLED_AND = _ARTICLED_AND  # "and" before an article: where names that carry one meet


def articled(items: list[str]) -> bool:
    """Whether the names of a run carry an article each (all of them, at least two)."""
    return len(items) >= 2 and all(_ARTICLE.match(item) for item in items)


def introduced(lead: str, first: str, names: list[str]) -> bool:
    """Whether the first name cut from the lead-in is introduced as a name: by an article
    ("took part, the X"), an agent ("signed by X"), a colon, or the sentence's start. The
    object of any other word ("… the conference in Athens", "an der Konferenz in Wien
    teilgenommen haben") is part of the lead-in, not a signatory."""
    bare = lead.rstrip()
    if not first or not bare.endswith(first):
        return True
    before = bare[: len(bare) - len(first)].rstrip()
    if not before or before.endswith((":", "–", "—", "-")):
        return True
    if all(_ends_capitalised(name) for name in names) and not _ends_capitalised(first):
        return False  # "… Konferenz in Wien teilgenommen haben": a clause, not a name
    word = before.split()[-1].lower()
    return word in _ARTICLE_WORDS or word in _FUSED or word in _AGENTS or word in ("l'", "l’")


def after_article(lead: str, first: str) -> bool:
    """Whether the first name cut from the lead-in follows an article ("…: the X")."""
    bare = lead.rstrip()
    before = bare[: len(bare) - len(first)].split() if bare.endswith(first) else []
    return bool(before) and before[-1].lower() in _ARTICLE_WORDS


def _ends_capitalised(name: str) -> bool:
    last = name.rstrip(" .;").split()[-1] if name.strip(" .;") else ""
    return last[:1].isupper() or last.endswith(")")


def opens_with_article(text: str) -> bool:
    """Whether a piece opens with a definite article ("die GEW - …", "l'Association …")."""
    return _ARTICLE.match(text.strip()) is not None


def split_articled_and(item: str) -> list[str]:
    """ "the Left of Y and the Popular Unity of Z" -> the two names, at "and" before an
    article and a capitalised word."""
    joint = _ARTICLED_AND.search(item)
    if joint is None or not _ARTICLE.sub("", item[joint.end() :])[:1].isupper():
        return [item]
    return [item[: joint.start()], item[joint.end() :]]


def apposed(lead: str, first: str, middle: list[str], ended: bool) -> tuple[str, list[str]]:
    """The first name and the middle names of a run whose names carry their articles: the
    first is dropped where the lead-in does not introduce it as a name; when the predicate
    follows the run (ended), "and the" splits its last name in two."""
    if not introduced(lead, first, middle):
        first = ""
    if ended and middle:
        middle = [*middle[:-1], *split_articled_and(middle[-1])]
    return first, middle
