"""Lists opened by a lead-in in the statement's own language: "امضاکنندگان این فراخوان
عبارتند از :", "Οι οργανώσεις που συνυπογράφουν:", "Plus de 220 personnalités … :".

The lead-in is recognized by its form, not by a word list per language: a short line that
ends in a colon (also " :" and the full-width "："), followed by a run of lines that each
look like one entry. Entry lines may end with a list separator (",", ";", "،", "؛", ".")
that is not part of the name.
"""

from __future__ import annotations

import re

from .classify import Likeness, entry_likeness
from .odd_separators import separated_items
from .sentence_list import OPENING_AND, SentenceList, sentence_list

# The colon, also written ":-" or as a dash ("… হলো-", "Signatories -"), as Bengali, Hindi
# and Urdu texts often do; a dash after a digit or a mark of punctuation is no lead-in's.
_COLON_END = re.compile(r"\s*(?:[:：]\s*[-–—]?|(?<![\s\d\-–—.,;:!?)\]\"'])[-–—]|\s[-–—])\s*$")
_MAX_LEADIN_WORDS = 25
_MAX_LEADIN_CHARS = 220
# The separator that ends an entry line of a list ("Αλκυόνη,", "Arié Alimi, avocat ;"),
# typed twice too ("Party , ,": one left behind would be stripped when the list is read
# again). A full stop only once: "e.V.," keeps its own.
_TRAILING_SEPARATOR = re.compile(r"(?:\s*[,;،؛、，；])+\s*$|\s*(?<![.\s])\.(?!\.)\s*$")
# A full stop that closes a short form ("Inc.", "Ltd.", "e.V.") stays.
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}|(?:[^\W\d_]\.)+[^\W\d_])\.$")
# Greek writes the article before a name in running text ("Το Εργατικό Κέντρο …"); a
# name itself never starts with one.
_GREEK_ARTICLE = re.compile(r"^(?:Το|Η|Ο|Οι|Τα|Τη|Την|Τον|Της|Του|Των)\s+(?=[Α-ΩΆ-Ώ])")
_GREEK_CAPITALS = frozenset("\u0397\u039f\u03a4")  # Greek Η, Ο, Τ
_ENDINGS = frozenset(",;،؛、，；. ")
# A lower-case article between "and" and the last name ("et le CETIM", "e a CUT").
_ARTICLE = re.compile(r"(?:the|le|la|les|l'|el|los|las|il|lo|gli|der|die|das|o|a|os|as)\s+")
# "and" glued to the last name in Arabic and Hebrew ("واتحاد الكتاب" below "نقابة الأطباء،").
_GLUED_AND = re.compile(r"^[وו](?=[^\W\d_]{3})")
_SENTENCE_END = ("?", "!", "؟", ":", "：")
_LIST_SEPARATORS = ",;،؛、，；"


def _same_separator(previous: str, text: str) -> bool:
    last = previous.rstrip()[-1:]
    return bool(last) and last in _LIST_SEPARATORS and text.rstrip().endswith(last)


def is_cased(text: str) -> bool:
    """Whether the script writes capitals (Latin, Greek, Cyrillic, Armenian)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() or ch.islower() for ch in letters) > len(letters) / 2


def leadin(line: str) -> str | None:
    """Why a line may open a list by its form (a short line ending in a colon), or None."""
    text = line.strip().strip("*_#").strip()
    if len(text) > _MAX_LEADIN_CHARS or not _COLON_END.search(text):
        return None
    words = text.split()
    if not 1 <= len(words) <= _MAX_LEADIN_WORDS or not any(ch.isalpha() for ch in text):
        return None
    return "a short lead-in ending with a colon, above a run of entries"


def strip_separator(text: str, full_stop: bool = True) -> str:
    """The entry without the list separator that ends its line (a full stop too, unless
    full_stop is False), nor the "and" that opens the last line ("και ΑΡΧΕΛΩΝ.", "и
    Голос", "and WWF")."""
    if not text:
        return text
    # Cheap tests first: a 5 MB list is read through here, and most entries start with a
    # capital and end with a letter.
    opens_and = not text[0].isupper() and " " in text and OPENING_AND.match(text)
    if opens_and and (text[0].islower() or not is_cased(text)):
        bare = OPENING_AND.sub("", text)
        # "et le CETIM (Suisse)": the article after "and" goes with it.
        article = _ARTICLE.match(bare)
        if article is not None and bare[article.end() :][:1].isupper():
            bare = bare[article.end() :]
        if bare[:1].isupper() or not is_cased(bare):
            text = bare
    if full_stop and text[0] in _GREEK_CAPITALS:
        text = _GREEK_ARTICLE.sub("", text)
    if text[-1] not in _ENDINGS:
        return text
    if text.endswith(".") and (not full_stop or _ABBREVIATION_END.search(text)):
        return text
    return _TRAILING_SEPARATOR.sub("", text)


def without_glued_and(previous: str, text: str) -> str:
    """The last entry of a list whose lines end with a comma, without the "and" glued to
    it ("جمعية النور،" / … / "واتحاد الكتاب."): only below a comma, since a name may
    itself open with the letter ("وكالة", agency)."""
    if previous.rstrip()[-1:] in ",،" and not text.rstrip().endswith((",", "،")):
        return _GLUED_AND.sub("", text)
    return text


def last_after_separator(previous: str, line: str) -> bool:
    """ "Access Now," / "and Privacy International.": the line after an entry that ends
    with a list separator and that opens with "and" is the last entry, not the rest of
    the one above."""
    return previous.rstrip()[-1:] in _LIST_SEPARATORS and OPENING_AND.match(line) is not None


def _short_cased(bare: str) -> bool:
    """A short line (without its separator) opening with a capital."""
    return bare[:1].isupper() and len(bare.split()) <= 8 and len(bare) <= 80


def opens_a_run(texts: list[str]) -> bool:
    """Whether the first lines under a lead-in are a run of short lines opening with a
    capital that do not end like sentences ("Žene u crnom" / "Fond za otvoreno društvo" /
    …): names written in sentence case, one a line, which the line model alone takes for
    prose. Three such lines make the run."""
    if len(texts) < 3:
        return False
    for text in texts[:3]:
        bare = strip_separator(text)
        if not (is_cased(bare) and _short_cased(bare)) or bare.endswith((*_SENTENCE_END, ".")):
            return False
    return True


def entry_after_leadin(text: str, previous: str | None = None) -> Likeness:
    """How much a line under a lead-in looks like one entry.

    The trailing separator is not held against it; in a script without capitals (where
    the line model's capital-letter evidence says nothing) a short line that does not end
    like a sentence is an entry. A line that ends with the same separator as the entry
    above and starts with a name is one more entry ("Patricia Allio, autrice, metteuse en
    scène et réalisatrice ;" under "Arié Alimi, avocat ;").
    """
    bare = strip_separator(text)
    if not bare or bare.endswith(_SENTENCE_END):
        return Likeness(0.1, "ends like a sentence or an introduction")
    likeness = entry_likeness(bare)
    if likeness.score < 0.6 and previous is not None and _same_separator(previous, text):
        head = re.split(r"[,،]", bare, maxsplit=1)[0].strip()
        if len(text) <= 250 and head != bare and entry_likeness(head).score >= 0.6:
            return Likeness(0.6, "looks like an entry: ends like the one above, opens with a name")
    if likeness.score >= 0.6:
        return likeness
    if is_cased(bare):
        # "Союз комитетов солдатских матерей" below "Голос": a short line opening with a
        # capital, in a run of entries, is one more whatever case its other words have.
        if previous is not None and _short_cased(bare):
            return Likeness(0.5, "looks like an entry: a short line below the entries above")
        return likeness
    words = bare.split()
    # Chinese and Japanese write no spaces: count characters instead of words.
    short = len(words) <= 12 and len(bare) <= 100 if len(words) > 1 else len(bare) <= 40
    if short and not bare.endswith((".", "。", "۔")):
        return Likeness(0.6, "looks like an entry: a short line in a script without capitals")
    return likeness


def list_line(text: str) -> SentenceList | None:
    """The names of a line under a lead-in that lists several ("Οι Ομοσπονδίες A, B, C.").

    Under a lead-in the context already says "list": three names are enough, with a lower
    score than a paragraph of running text needs.
    """
    if len(text) < 20:
        return None
    separated = separated_items(text)
    if separated is not None:
        return SentenceList(separated, 0.8, {"items": float(len(separated)), "separated": 1.0})
    found = sentence_list(text)
    if found is None or len(found.items) < 3 or found.score < 0.15:
        return None
    return found
