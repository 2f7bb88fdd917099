"""Entries that a line break cut in two, and two entries that lost the break between them."""

from __future__ import annotations

import re

from .folding import fold, word_tuple
from .short_forms import initials_score, is_acronym
from .vocabulary import FUNCTION_WORDS, split_words

# "Olvid (France)OpenCloud (Germany)": a closing parenthesis glued to the next name.
_GLUED = re.compile(r"(?<=\))(?=[^\W\d_])")
_LEADING_ABBREVIATION = re.compile(r"^(?P<abbr>\S+)\s+[-–—]\s+(?P<name>.+)$")


def _letter_after_parenthesis(text: str) -> bool:
    """Whether a ")" is followed by a letter or digit: what _GLUED needs, found without its
    search, which looks behind every letter (most entries have no ")" or one at their end or
    before a comma)."""
    at = text.find(")")
    while at >= 0:
        if text[at + 1 : at + 2].isalnum():
            return True
        at = text.find(")", at + 1)
    return False


def split_glued(text: str) -> list[str]:
    """One line holding two entries with no separator, split; otherwise the line itself."""
    if not _letter_after_parenthesis(text) or not _GLUED.search(text):
        return [text]
    parts = [part.strip() for part in _GLUED.split(text)]
    if len(parts) > 1 and all(part[:1].isupper() for part in parts[1:]):
        return parts
    return [text]


def continues(previous: str, line: str) -> str | None:
    """Why the line is the rest of the entry above rather than an entry of its own (for
    --explain), or None when it is an entry of its own."""
    if len(line) > 80:
        return None
    # "... (Central dos Trabalhadores e Trabalhadoras" / "do Brasil)".
    if previous.count("(") > previous.count(")") and ")" in line:
        return "closes the parenthesis opened above"
    last = previous.rstrip().rsplit(" ", 1)[-1]
    if previous.rstrip().endswith(("-", "–", "&", ",", "/")) and line[:1].islower():
        return "starts in lower case after a line ending in a joining sign"
    if fold(last) in FUNCTION_WORDS and line[:1].islower() and len(word_tuple(previous)) >= 3:
        return f"starts in lower case after a line ending in {last!r}"
    if _cut_after_open_word(previous, last, line):
        return f"the line above ends in {last!r}, which ends no name"
    if _opens_with_preposition(previous, line):
        return f"starts with {line.split(' ', 1)[0]!r}, which starts no name"
    if _completes_abbreviation(previous, line):
        return "completes the initials of the short form above"
    return None


# Prepositions, articles and conjunctions no name ends with ("… of the Republic of" /
# "Moldova (…)"), in the languages of most lists. Written in lower case ("Group E" ends a
# name), or in a script without capitals. Not German particles that end slogans ("Mach mit",
# "Steh auf").
_OPEN_WORDS = FUNCTION_WORDS | frozenset(
    split_words(
        """
        für fur von vom zum zur und gegen über uber
        pour par sur avec contre aux au
        por con contra al
        per degli della delle dello dei ai alla
        com pela pelo nas nos
        van voor het een en
        och og i na w z za dla
        ve ile
        with from against by among towards
        και της του των για στην στο στη σε με
        и в во на по для с со при от из к
        و في من على عن إلى الى در از با برای به
        של עם על
        """
    )
)


# Prepositions that open no name, written in lower case: "Confederation of … of the Republic"
# / "of Serbia (ABC), Serbia". Not conjunctions ("and Privacy International" is the last entry
# of a sentence) nor articles ("la Quadrature du Net" is a name written in lower case).
_OPENING_PREPOSITIONS = frozenset(
    split_words(
        """
        of for in on at to from with by against
        du des del di della dei degli delle do da dos pela pelo
        von vom für zu zum zur
        pour par sur para por em
        """
    )
)


def _cut_after_open_word(previous: str, last: str, line: str) -> bool:
    """ "General Federation of … of the Republic of" / "Moldova (ABC), Moldova": the entry
    above stopped at a word no name ends with, so the line that follows, whatever its case,
    is its end."""
    if not line[:1].isalnum():
        return False
    if last == "&":
        return len(word_tuple(previous)) >= 2
    return last == last.lower() and fold(last) in _OPEN_WORDS and len(word_tuple(previous)) >= 3


def _completes_abbreviation(previous: str, line: str) -> bool:
    """ "MRJC – Mouvement Rural de Jeunesse" / "Chrétienne": the next word holds the C."""
    match = _LEADING_ABBREVIATION.match(previous)
    if match is None or len(word_tuple(line)) > 3 or not is_acronym(match["abbr"], strict=True):
        return False
    if any(is_acronym(token, strict=True) for token in line.split()):
        return False
    before = initials_score(match["abbr"], match["name"])
    after = initials_score(match["abbr"], f"{match['name']} {line}")
    return before < 1.0 and after == 1.0


def _opens_with_preposition(previous: str, line: str) -> bool:
    """ "of Serbia (ABC), Serbia" below a name of three words or more. A short line only:
    "to sign, write to …" below the list is a sentence of its own."""
    first = line.split(" ", 1)[0]
    return (
        first.islower()
        and fold(first) in _OPENING_PREPOSITIONS
        and len(word_tuple(line)) <= 8
        and len(word_tuple(previous)) >= 3
    )
