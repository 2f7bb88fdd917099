"""The bodies (or ministers) that sign, named inside a sentence, often as its subject:
"A kezdeményezők között van A Város Mindenkié, az Átlátszó … és a Védegylet.",
"Η Ύπατη Αρμοστεία … (UNHCR) και η Εθνική Επιτροπή … (ΕΕΔΑ), …, εκφράζουν …",
"X (Argentina), Y (Brasil) y Z (Chile) felicitan …", "باسم A، وB، وC، نعلن …".

Helpers that sentence_list calls at a few points: where an article before a name is part
of it, where the lead-in ends ("Representatives of"), which of two readings of a paragraph
to keep, where "and" stays inside the last name, "on behalf of" in Arabic script, names
after a verb of asking (addressees), a joint statement as a cue. Which paragraph names the
signers is subject_paragraphs' business.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .persons import is_person_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from .sentence_list import SentenceList

# Articles and prepositions that lead a name in running text ("a Força Sindical", "на
# Съюз", Hungarian "az Átlátszó"), and the elided article in lower case glued to it
# ("l'Association", not "L'Oréal"). Any case matches: at a sentence's start "The X, …";
# inside it a capitalised article is the name's own ("… van A Város Mindenkié", see
# without_lead).
LEAD = re.compile(
    r"^(?:(?:the|a|o|os|as|da|do|das|dos|de|del|della|dello|degli|delle|la|le|les|el|los|las"
    r"|il|lo|gli|l'|der|die|das|des|az|του|της|το|οι|η|ο|τα|на|от|и|from|by|da|par|por)\s+"
    r"|(?-i:l)['’](?=[^\W\d_]))+",
    re.IGNORECASE,
)
# A statement issued jointly, or "the following statement", folded, in the languages seen.
_JOINT_STATEMENT = re.compile(
    r"(?:joint|following) (?:statement|letter|declaration|communique|press release)"
    r"|(?:comunicado|declaracion|nota|carta) conjunta?|(?:declaration|lettre) commune"
    r"|communique commun|gemeinsame\w* (?:erklarung|stellungnahme|brief)"
    r"|(?:dichiarazione|nota|lettera) congiunta|(?:nota|declaracao|carta) conjunta"
    r"|ortak (?:basin )?aciklama|κοινη (?:δηλωση|ανακοινωση|επιστολη)|совместн\w* заявлени"
    r"|kozos (?:nyilatkozat|allasfoglalas)|wspoln\w* (?:oswiadczeni|stanowisk)"
    r"|gezamenlijke verklaring|felles uttalelse|gemensamt uttalande|pernyataan bersama"
    r"|بيان\w* مشترك|بيانيه مشترک|הצהרה משותפת"
)
# Each phrase holds one of these: looked for first, as a regex of many branches is slow on
# every paragraph.
_JOINT_STEMS = (
    "joint", "following", "conjunt", "commun", "gemeinsam", "congiunt", "ortak", "κοιν",
    "совместн", "kozos", "wspoln", "gezamenlijk", "felles", "gemensam", "bersama", "مشترك",
    "مشترک", "משותפת",
)  # fmt: skip


def joint_statement(folded: str) -> bool:
    """Whether a folded paragraph speaks of a statement issued jointly, or of "the following
    statement": the names that issue it are its signers ("A, B and C issued the following
    statement", "firmaron un comunicado conjunto")."""
    if not any(stem in folded for stem in _JOINT_STEMS):
        return False
    return _JOINT_STATEMENT.search(folded) is not None


# A name, capitalised, then its parenthesis: "Aiko Tanaka (Japão)", "Frente Amplio (FA)".
_NAME_WITH_PAREN = re.compile(r"^[^\W\d_][^(),;:]{0,100}?\s\([^()]{1,40}\)")

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
    return LEAD.sub("", item)


def opens_clause(piece: str, first: str) -> bool:
    """Whether the first name of a run opens its sentence: nothing before it in its piece,
    or a dash after a dateline, a sentence end or a quote ("WASHINGTON — The X, the Y …");
    its capital article is then the sentence's, not the name's. After a colon lists go on
    in lower case in most languages, so a capital there is the name's ("promosso da: A
    Buon Diritto, …")."""
    text = piece.strip()
    at = text.rfind(first) if first else -1
    if at < 0:
        return False
    before = text[:at].rstrip()
    return not before or before[-1] in "–—-.!?\"“«„'"


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


# "In the name of" / "on behalf of" opening a sentence in the scripts without capitals:
# "باسم A، وB، وC، نعلن …" (we declare), "בשם …", "از طرف …".
_ON_BEHALF = re.compile(
    r"^(?:باسم|بإسم|نيابة عن|نيابةً عن|بالنيابة عن|از طرف|به نمایندگی از|בשם)\s+"
)
# The Arabic comma, or a Latin one, between the names.
_COMMA = re.compile(r"\s*[،,]\s*")
# "And" glued to the next name (Arabic و, Hebrew ו), before a word of three letters at least.
_GLUED_AND = re.compile(r"^[وו](?=[^\W\d_]{3})")


def on_behalf_run(sentence: str) -> list[str]:
    """The names after "on behalf of" at a sentence's start, each after the first opened by
    a glued "and" ("باسم A، وB، وC، نعلن …" -> [A, B, C]); the first piece without the "and"
    is the predicate, and what follows it (the persons the statement supports, also joined
    so) is not the list. [] where the sentence opens otherwise or names fewer than three."""
    lead = _ON_BEHALF.match(sentence.strip())
    if lead is None:
        return []
    pieces = _COMMA.split(sentence.strip()[lead.end() :])
    items = [pieces[0]]
    for piece in pieces[1:]:
        if not _GLUED_AND.match(piece):
            break
        items.append(_GLUED_AND.sub("", piece))
    # Each piece a name: no sentence end inside, a few words.
    if len(items) == len(pieces) or any(len(item.split()) > 8 for item in items):
        return []
    return items if len(items) >= 3 else []


def closed_at_paren(item: str) -> str:
    """The last name of a run whose names each end with their parenthesis ("Name (ABBR)"),
    cut after its own: the words after it begin the predicate, capitalised or not ("…
    Birliği (TZOB) TOBB İkiz Kuleler’de … yaptı")."""
    closing = item.find(")")
    return item[: closing + 1] if 0 < closing < len(item.rstrip()) - 1 else item


# A verb of asking that the names follow as its object, folded: the persons or bodies the
# statement addresses ("We call on X (Norway), Y (Kenya) and Z …", "Pedimos a …"), written
# as the signers' run is, are not the signers.
_ADDRESSED = re.compile(
    r"\b(?:call (?:on|upon)|urge|appeal to|we ask|we invite|we request|pedimos a|instamos a"
    r"|exhortamos a|solicitamos a|urgimos a|exigimos a|apelamos a|apelamos ao|apelamos aos"
    r"|apelamos as|exortamos|appelons|demandons a|exhortons|invitons|interpellons"
    r"|chiediamo a|chiediamo al|chiediamo ai|invitiamo|esortiamo|sollecitiamo|appellieren an"
    r"|fordern|bitten|καλουμε|ζηταμε απο|призываем|просим|обращаемся к|wzywamy|apelujemy do"
    r"|roepen|verzoeken)\b"
)
_ADDRESS_REACH = 6  # words before the first name in which the verb of asking stands


def addressed(folded_lead: str) -> bool:
    """Whether the words that lead into a run of names (folded) make them the object of a
    verb of asking (see _ADDRESSED): the statement's addressees."""
    words = folded_lead.split()
    return bool(_ADDRESSED.search(" ".join(words[-_ADDRESS_REACH:])))


def parenthesized_pair(pieces: list[str], joiner: re.Pattern[str]) -> bool:
    """Whether one comma and one "and" join three names that each end with a parenthesis:
    "X (Brasil), Y (Canadá) e Z (Japão) assinaram …", "A (AA), B (BB) and C (CC) call …".
    Three names so are a list as surely as four with two commas; without the parentheses
    "A, B and C" is too common in prose to be read from the shape."""
    if len(pieces) != 2 or not pieces[0].rstrip().endswith(")"):
        return False
    for joint in joiner.finditer(pieces[1]):
        rest = LEAD.sub("", pieces[1][joint.end() :])
        named = rest[:1].isupper() and _NAME_WITH_PAREN.match(rest)
        if named and pieces[1][: joint.start()].endswith(")"):
            return True
    return False


_OPENING_NAME_WORDS = 6
_NOT_IN_OPENING_NAME = re.compile(r"[():;]|\s[-–—]\s")


def opening_name(piece: str, name_like: Callable[[str], bool]) -> bool:
    """Whether the first piece of a sentence, up to its first comma, is a name whole though
    it ends in lower case ("La Ligue des droits, Attac, …"): short, name-like, and with no
    dateline, parenthesis, colon or dash in it ("Lyon (AFP) – Lors du congrès de la …")."""
    text = piece.strip()
    if len(text.split()) > _OPENING_NAME_WORDS or _NOT_IN_OPENING_NAME.search(text):
        return False
    return name_like(text)
