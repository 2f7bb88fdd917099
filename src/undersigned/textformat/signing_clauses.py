"""Persons named in running text right after a verb of signing: "Saopštenje su potpisali
Jana Novak iz Udruge X", "The letter was signed by Jane Doe of X and John Roe of Y.", "…, яке
підписали A, B, C, D." (no "and" before the last), "Among the signatories are the writer
Jane Doe and …", "A and B signed the letter", "with the signatures of A and B", and the
signers a second clause adds after a run of names ("…, while it is supported by Judge A.B.
Roe and 200 others").

A news item often names only one or two signers so; a sentence list needs three. The
sentence must say that a document (the statement, the letter, the appeal) was signed, and
the names must follow the verb at once: "the law was signed by the president" names no one,
and a body sentence naming persons without the verb gives nothing.
"""

from __future__ import annotations

import re

from .folding import fold
from .persons import is_person_name, is_role
from .vocabulary import AND_WORDS

# Stems of "to sign" (folded) in languages the older cue words missed: Ukrainian,
# Serbo-Croatian and Macedonian, Czech, Baltic, Finnic, Hungarian, Romanian, Albanian, Dutch,
# Scandinavian, Indonesian.
SIGNING_STEMS = (
    r"підпис|потпис|падпіс|potpis|podeps|pasiras|parakst|allkirj|allekirj|alair|semnat"
    r"|nenshkr|ondertek|underteck|underskr|undertegn|tandatangan"
)
# A verb (folded) that says the names after it signed: past forms and participles.
_VERB = re.compile(
    r"(?<!\w)(?:signed|co-signed|potpisal[aeio]?|potpisan[aoie]?|podepsal[aiy]?"
    r"|podepsan[aiy]?|podpisal[aiy]?|podpisan[aeiy]?|подписал[аио]?|подписан[аоы]?|підписал[аио]?"
    r"|підписан[аоі]?|потпишал[аеи]?|потпиша[ан]|unterzeichnet(?:en)?|unterschrieben|signee?s?"
    r"|firmad[oa]s?|firmat[oaie]|firmaron|firmarono|assinad[oa]s?|assinaram|ondertekend"
    r"|underteckna[dt]e?|underskrevet|undertegnet|imzaladi|imzalandi|allekirjoitti(?:vat)?)(?!\w)"
    r"(?:\s+(?:by|par|von|od|por|pelo|pela|da|dai|przez|door|av|af|от|від|од))?\s+"
)
# A document that is signed (folded stems): a sentence about a law or a treaty is not.
_DOCUMENT = re.compile(
    r"statement|letter|appeal|declaration|petition|manifest|communique|saopstenj|izjav|pism"
    r"|dopis|proglas|apel|petic|zvernen|звернен|заяв|обращен|письм|лист|писмо|изјав|саопштењ"
    r"|lettre|appel|tribune|carta|comunicado|dichiarazion|lettera|appello|erklarung|brief"
    r"|aufruf|stellungnahme|oproep|verklaring|bildiri|aciklama|mektup|vyzv|prohlasen|list\b|comunicat"
    r"|uttaland|udtalels|uttalels|opprop|upprop"
)
# "Among the signatories are …", "Entre los firmantes figuran …" (folded): the noun for the
# signers with its verb, which needs no document named.
_SIGNERS_ARE = re.compile(
    r"(?<!\w)(?:signatories|signers|signataires|firmantes|firmatari|signatarios|signatarias"
    r"|signatarios|unterzeichner(?:innen|n)?|ondertekenaars|undertecknare|підписант(?:ами|и|ів)"
    r"|подписант(?:ами|ы|ов)|potpisni(?:ci|ce|ka|cima)|signant(?:s|es))"
    r"(?:\s+(?:of|du|de|del|des|der|dell[ao']?)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)?"
    r"\s+(?:are|include|were|sont|figurent|son|figuran|estan|sono|figurano|sao|estao|sind|waren"
    r"|zijn|є|були|были|su|destaquen|destacan|hi ha|ci sono)\s+"
)
# "with the signatures of A and B" (folded).
_WITH_SIGNATURES = re.compile(
    r"(?<!\w)(?:signatures?|firmas?|firme|assinaturas?|unterschriften?|podpisem|подписями"
    r"|підписами|potpisima)\s+(?:of|de|di|von|da|das|dos|do|del|della)?\s*"
)
# The persons as the subject, then "signed the letter" (folded): the verb, at most two small
# words, the document.
_SIGNED_DOCUMENT = re.compile(
    r"\s+(?:have |has )?(?:signed|co-signed|firmaron|han firmado|firmarono|hanno firmato"
    r"|unterzeichneten|unterschrieben|ont signe|signent|signerent|assinaram|ondertekenden"
    r"|undertecknade|подписали|підписали|potpisali su|su potpisali|podepsali|podpisali)"
    r"(?:\s+[^\W\d_]{1,5}){0,2}\s+(?:" + _DOCUMENT.pattern + ")"
)
_AND = "|".join(AND_WORDS)
_ITEM_SPLIT = re.compile(rf"\s*[,;]\s+(?:(?:{_AND})\s+)?|\s+(?:{_AND})\s+")
# "Name iz/of/from Organisation": the organisation the person signs for.
_FROM = re.compile(
    r"^(?:iz|of|from|z|ze|из|з|із|од|от|de|du|des|von|vom|aus|da|do|della|del|van|fra|från)\s+"
    r"(?=\S)"
)
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})[.!?](?=\s|$)|(?<=[»\"”“])[.!?](?=\s|$)")
_MAX_NAME_WORDS = 4


def _person_prefix(piece: str) -> tuple[str, str] | None:
    """The person's name that opens the piece and the words after it, or None."""
    words = piece.split()
    for size in range(min(_MAX_NAME_WORDS, len(words)), 1, -1):
        name = " ".join(words[:size])
        if is_person_name(name):
            return name, " ".join(words[size:])
    return None


def _signer(piece: str) -> str | None:
    """ "Jana Novak iz Udruge X" -> "Jana Novak, Udruge X"; a piece that is no person -> None."""
    words = piece.split()
    # "the writer Jane Doe": a role in lower case before the name goes.
    lead = next((i for i, word in enumerate(words[:4]) if not word[:1].islower()), 0)
    found = _person_prefix(" ".join(words[lead:]))
    if found is None:
        return None
    name, rest = found
    if not rest:
        return name
    if rest.startswith("(") and rest.endswith(")"):
        return f"{name} {rest}"  # "Name (Organisation)", as the entry parser reads it
    dash = re.match(r"^[-–—]\s+", rest)
    if dash is not None and is_role(rest[dash.end() :]):
        return f"{name}, {rest[dash.end() :]}"  # "Name – chair of X"
    organisation = _FROM.match(rest)
    if organisation is None or not rest[organisation.end() :][:1].isupper():
        return None  # the name runs on into the predicate: not a list of signers
    return f"{name}, {rest[organisation.end() :]}"


def signed_clause(paragraph: str) -> list[str]:
    """The persons a sentence names right after "(the statement) was signed by", or
    before "signed the statement", else []."""
    for sentence in _sentences(paragraph):
        folded = fold(sentence)
        if len(folded) != len(sentence):  # "ß" -> "ss": letter by letter, so positions carry over
            folded = "".join((fold(ch) or ch)[:1] for ch in sentence)
        verb = _VERB.search(folded)
        if verb is None or not _DOCUMENT.search(folded[: verb.start()]):
            verb = _SIGNERS_ARE.search(folded) or _WITH_SIGNATURES.search(folded)
        items = _signers(sentence[verb.end() :]) if verb is not None else []
        subject = _SIGNED_DOCUMENT.search(folded)
        if not items and subject is not None and subject.start() > 0:
            items = _signers(sentence[: subject.start()], whole=True)
        if items:
            return items
    return []


def _signers(text: str, whole: bool = False) -> list[str]:
    """The persons the text opens with, each maybe with its organisation or role; whole:
    the text must be persons only (the subject before "signed the letter")."""
    items: list[str] = []
    roled = False
    for piece in _ITEM_SPLIT.split(text.strip().rstrip(".!?")):
        signer = _signer(piece)
        if signer is None and items and not roled and is_role(piece):
            items[-1], roled = f"{items[-1]}, {piece}", True  # "Name, chair of X"
            continue
        if signer is None:
            return [] if whole else items
        items.append(signer)
        roled = False
    return items


def _sentences(paragraph: str) -> list[str]:
    starts = [0, *(stop.end() for stop in _SENTENCE_END.finditer(paragraph))]
    ends = [*starts[1:], len(paragraph)]
    return [paragraph[start:end].strip() for start, end in zip(starts, ends, strict=True)]


# "…, while it is supported by Justice A.B. Roe and more than 200 others": a verb of backing
# with its agent, after a run of names that ended with a clause.
_BACKED_BY = re.compile(
    r"\b(?:supported|signed|endorsed|backed|joined|co-signed|seconded)\s+by\s+"
    r"|\b(?:soutenue?s?|signée?s?|appuyée?s?)\s+par\s+|\b(?:apoiad[oa]s?|assinad[oa]s?|firmad[oa]s?"
    r"|respaldad[oa]s?|apoyad[oa]s?)\s+por\s+|\b(?:unterstützt|unterzeichnet)\s+von\s+"
    r"|\b(?:sostenut[oa]|firmat[oa]|sottoscritt[oa])\s+da\s+"
)


def later_signers(tail: str) -> list[str]:
    """The persons a clause after a run of names adds ("while it is supported by X and
    more than 200 others"): each the longest run of words ending the piece that is a
    person's name (titles before it go), up to the first piece that is no name."""
    backed = _BACKED_BY.search(tail)
    if backed is None:
        return []
    stop = _SENTENCE_END.search(tail, backed.end())
    names: list[str] = []
    for piece in _ITEM_SPLIT.split(tail[backed.end() : stop.start() if stop else None]):
        words = piece.split()
        found = next(
            (
                " ".join(words[-size:])
                for size in range(min(_MAX_NAME_WORDS, len(words)), 1, -1)
                if "(" not in " ".join(words[-size:]) and is_person_name(" ".join(words[-size:]))
            ),
            None,
        )
        if found is None or not words[0][:1].isupper():
            break
        names.append(found)
    return names
