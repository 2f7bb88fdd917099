"""Degrees and professions before the organization in the parenthesis after a person's
name, as petition cards write it: "(Dr.phil. Kuratorin Universität Wien)", "(Prof. Dipl.
Arch. ETH Architekt BHSF Architektur)", "(M.Sc. Urban Designer Studio X)", "(PhD,
Researcher, Institute Y)". What follows them is the organization; nothing may follow.

Degrees are abbreviations with dots ("Dr.phil.", "Mag.rer.soc.oec.", "Dipl.-Ing.",
"M.Sc.", "Prof. em."), a Swiss school's short form after a diploma ("Dipl. Arch. ETH").
A profession is a role word, or a German compound whose last part is one
("Kunsthistoriker", "Vorstandsmitglied", "Bestandsanwältin"), maybe after one adjective
("transdisziplinäre Forscherin", "Urban Designer").
"""

from __future__ import annotations

import re

from .folding import fold
from .persons import _is_role_word as is_role_word

# "Dr.phil.", "Mag.rer.soc.oec.", "Dipl.-Ing.", "Prof.", "em.", "ehm.": a known title
# opens the word; "M.Sc.", "PhD": known degrees. Not any short word with a dot ("St.
# Mary's Hospital", "Univ. Wien", "U.S. Army" open organizations).
_TITLES = frozenset(
    ["dr", "dra", "prof", "dipl", "mag", "lic", "ing", "em", "ehm", "phil", "arch", "dott", "doz"]
)
_DEGREE_WORDS = frozenset(
    ["msc", "bsc", "ma", "ba", "phd", "md", "mba", "llm", "meng", "mphil", "dphil"]
)
# A school's short form written after a diploma: "Dipl. Arch. ETH", "Dipl. Ing. FH".
_SCHOOL_AFTER_DIPLOMA = re.compile(r"^[A-Z]{2,5}$")
# German professions, folded, also as the last part of a compound ("Kunsthistoriker").
_PROFESSION_TEXT = """architekt architektin forscher forscherin kurator kuratorin historiker
    historikerin volkswirt volkswirtin planer planerin dozent dozentin mitglied designer designerin
    anwalt anwaltin pionier pionierin ingenieur ingenieurin soziologe soziologin kunstler
    kunstlerin journalist journalistin okonom okonomin geograf geografin wissenschaftler
    wissenschaftlerin berater beraterin"""
_PROFESSION_HEADS = tuple(_PROFESSION_TEXT.split())
_MIN_HEAD = 5


def _is_degree(word: str, previous: str) -> bool:
    folded = fold(word).strip(",")
    if folded.split(".")[0] in _TITLES and (folded.endswith(".") or folded in ("em", "phil")):
        return True
    if folded.replace(".", "") in _DEGREE_WORDS:
        return True
    return previous.endswith(".") and bool(_SCHOOL_AFTER_DIPLOMA.match(word.rstrip(",")))


def _is_profession(word: str) -> bool:
    folded = fold(word.rstrip(",")).replace("-", "")
    if is_role_word(folded):
        return True
    return len(folded) >= _MIN_HEAD and folded.endswith(_PROFESSION_HEADS)


def without_credentials(content: str) -> str:
    """What the parenthesis says after the person's degrees and professions: the text
    itself when none lead it, "" when nothing follows them."""
    words = content.split()
    at, previous = 0, ""
    while at < len(words) and _is_degree(words[at], previous):
        previous, at = words[at], at + 1
    # Only after a degree: a role alone leads to its body by a preposition ("Member of the
    # Board of X", "exregidor PSUC Badalona"), which persons.affiliation reads.
    if at == 0 or (at < len(words) and words[at][:1].islower()):
        return content
    while at < len(words):
        word = words[at]
        if _is_profession(word):
            at += 1
        elif at + 1 < len(words) and not word.endswith(",") and _is_profession(words[at + 1]):
            at += 2  # "transdisziplinäre Forscherin", "Urban Designer"
        else:
            break
        # One profession after another, parted by commas or not.
    return " ".join(words[at:]).strip(" ,")
