"""Parts of an entry that coalitions' lists write around the name (issue 22).

- a country before the entry, as a label: "Greek: ADEDY (…)", "Chypre : PEO", "Kenya – …";
- in a numbered list, a short form and a country written in another language or misspelt:
  "2. PEO Chyprue".
"""

from __future__ import annotations

import re

from .countries import country_from_text, country_name_code, is_country_word
from .country_fuzzy import DIGIT, separate_country
from .short_forms import only_short_forms

# "Greek: …", "Italien : …" (French puts a space before the colon); "Kenya – …". The label
# is a few words, as long as a country's name at most ("Saint Vincent and the Grenadines").
_LABEL = re.compile(
    r"^(?P<label>[^\W\d_][^:：()\d–—]{1,40}?)(?P<mark>\s?[:：]|\s[-–—])\s*(?P<rest>\S.*)$"
)

# The label's mark (its colon or dash) comes before this position: the label has 41
# characters at most (a letter, then 1 to 40), and a space may come between.
_MARK_BY = 41 + 1 + 1


def country_prefix(text: str) -> tuple[str, str | None]:
    """(the entry without its label, the label's country) when the entry starts with a
    country's name or adjective and a colon, or a country's name and a dash ("Greek - …"
    is rarer than a name that starts with a nationality); (text, None) otherwise."""
    if (
        ":" not in text
        and "：" not in text
        and " - " not in text
        and " – " not in text
        and " — " not in text
    ):
        return text, None  # most entries: no regular expression run
    head = text[:_MARK_BY]
    if not ("-" in head or "–" in head or "—" in head or ":" in head or "：" in head):
        return text, None  # "A long name 2 – ABC": the mark comes too late for a label
    match = _LABEL.match(text)
    if match is None or match["rest"][:1].islower():
        return text, None
    label = match["label"].strip()
    # Capitalized, or in a script without capitals ("اليونان: …").
    if len(label.split()) > 6 or label[:1].islower():
        return text, None
    if match["mark"].endswith((":", "：")) and is_country_word(label):
        code = country_from_text(label)
    else:
        code = country_name_code(label)
        if code is None and len(label) <= 3:
            # Standing apart, a short name counts too ("希腊：…"), as after a comma.
            found = separate_country(label)
            code = found[0] if found is not None and found[1] == "stated" else None
    if code is None:
        return text, None
    return match["rest"].strip(), code


def numbered_short_form_country(text: str) -> tuple[str, str | None, str]:
    """ "PEO Chyprue" in a numbered list: (short form, country, how the country was read).

    The country stands apart at the end of the line, so a name in another language or a
    misspelt one is read too (country_fuzzy.py), the latter marked unsure."""
    # short_form_and_country(text), then the same head and tail read apart: split once.
    head, _, tail = text.partition(" ")
    spaces = tail.count(" ")
    # A digit in the tail ("MLPD Workers 5"): no country's name (see separate_country). Asked
    # before the head's test, which is dearer and cached for no use when the head is unique.
    if not tail or spaces > 6 or DIGIT.search(tail) or not only_short_forms(head):
        return text, None, "short form"
    code = country_name_code(tail, aliases=False)
    if code is not None:
        return head, code, "short form"
    if spaces > 3:
        return text, None, "short form"
    found = separate_country(tail)
    if found is None:
        return text, None, "short form"
    code, how = found
    return head, code, ("short form" if how == "stated" else how)
