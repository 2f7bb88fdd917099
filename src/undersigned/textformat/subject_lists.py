"""The bodies (or ministers) that sign, named inside a sentence, often as its subject:
"A kezdeményezők között van A Város Mindenkié, az Átlátszó … és a Védegylet.",
"Η Ύπατη Αρμοστεία … (UNHCR) και η Εθνική Επιτροπή … (ΕΕΔΑ), …, εκφράζουν …",
"X (Argentina), Y (Brasil) y Z (Chile) felicitan …", "باسم A، وB، وC، نعلن …".

Helpers that sentence_list calls at a few points: where an article before a name is part
of it, which of two readings of one paragraph to keep, and which of two paragraphs naming
the same parties names the signers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .persons import is_person_name

if TYPE_CHECKING:
    from .sentence_list import SentenceList

# Articles and prepositions that lead a name in running text; the same words as
# sentence_list's, compiled twice: once for any case (at a sentence's start, "The X, …"),
# once for lower case only (inside a sentence a capitalised article belongs to the name:
# "… van A Város Mindenkié", "… and The Guardian").
_LEAD_WORDS = (
    r"(?:(?:the|a|o|os|as|da|do|das|dos|de|del|della|dello|degli|delle|la|le|les|el|los|las"
    r"|il|lo|gli|l'|der|die|das|des|az|του|της|το|οι|η|ο|τα|на|от|и|from|by|da|par|por)\s+"
    r"|(?-i:l)['’](?=[^\W\d_]))+"
)
_ANY_LEAD = re.compile(rf"^{_LEAD_WORDS}", re.IGNORECASE)

# The persons who act for the bodies named after them, at a sentence's start, folded:
# "Representantes de Cáritas, …", "Representatives of the X, …", "Vertreter der Y, …".
_DELEGATES = re.compile(
    r"^(?:representatives|representantes|representants|rappresentanti|vertreter(?:innen)?"
    r"|vertegenwoordigers|przedstawiciele|predstavnici|εκπροσωποι|представители|представники"
    r"|temsilcileri|leaders|dirigentes|dirigeants|dirigenti|delegates|delegados|delegues"
    r"|delegati|delegierte)$"
)
# "of" and "of the" after them (the article goes with the name and is dropped there).
_OF = frozenset({"of", "de", "des", "du", "da", "do", "das", "dos", "di", "dei", "degli"})
_OF |= {"della", "delle", "del", "von", "der", "van", "των", "του", "της"}


def delegates_lead(folded: list[str]) -> int:
    """How many words at a sentence's start name the delegates of the bodies that follow
    ("Representantes de" -> 2), 0 where the sentence opens otherwise. Scripts that mark
    "of" by the case of the name ("Представители профсоюзов") need only the noun."""
    if len(folded) < 2 or not _DELEGATES.match(folded[0]):
        return 0
    return 2 if folded[1] in _OF and len(folded) > 2 else 1


def without_lead(item: str, opens_sentence: bool) -> str:
    """The name without the articles before it: any article at a sentence's start, only a
    lower-case one inside the sentence (a capital there says the article is the name's)."""
    if item[:1].isupper() and not opens_sentence:
        return item
    return _ANY_LEAD.sub("", item)


def names_more(plain: SentenceList | None, roles: SentenceList) -> bool:
    """Whether the plain reading of a paragraph (one name between two commas) beats the
    reading as persons with their roles: more names, at least as sure. Organisations named
    after a person ("Eötvös Károly Intézet") look like a person followed by roles, and a
    real run of persons with roles breaks the plain reading at the first role in lower
    case."""
    return plain is not None and len(plain.items) > len(roles.items) and plain.score >= roles.score


def ends_name(head: str) -> bool:
    """Whether the words before a second "and" after the list's own are a whole name: one
    closed by its parenthesis ("… et Annamaria Furlan (CSIL) et Anna Rea …"), or a person's
    ("Anna Rea et Carmelo Barbagallo"). Else the "and" is inside the last name ("… y
    Justicia y Paz han entregado …")."""
    return head.rstrip().endswith(")") or is_person_name(head)
