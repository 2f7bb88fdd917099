"""A short form that is a word of the name it stands for: "Unite the Union (Unite)".

Its letters are no initials, so short_forms.py's initials test alone would not take it; and
read as a short form repeated inside the name ("Ranjbaran Hezb-e Ranjbaran-e …") the first
word was split off the name.
"""

from __future__ import annotations

from .folding import word_tuple
from .vocabulary import FUNCTION_WORDS, has_organization_word


def repeats_a_name_word(content: str, before: str) -> bool:
    """ "Unite the Union (Unite)": one capitalized word of the name, not a generic word of
    organizations ("Union") nor a function word, written again as its short form."""
    if " " in content or len(content) < 3 or not content[:1].isupper():
        return False
    key = word_tuple(content)
    if len(key) != 1 or key[0] in FUNCTION_WORDS or has_organization_word(content):
        return False
    # Compared word by word without their signs: "Bakers' Guild of Kent (Bakers)".
    words = before.split()
    return len(words) >= 2 and any(w[:1].isupper() and word_tuple(w) == key for w in words)
