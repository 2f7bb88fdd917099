"""A dash glued to the short form before it, in lines whose other fields are parted by
spaced dashes: "Ligue des Droits – LDL- Canada" is "Ligue des Droits – LDL – Canada".

Only after a short form in capitals and only where a spaced dash already parts the entry:
"Jugend- und Kulturverein" (a German compound cut short) has neither.
"""

from __future__ import annotations

import re

from .short_forms import is_acronym

_SPACED = (" – ", " — ", " - ")
_GLUED = re.compile(r"(?<=\s)(?P<short>[^\W_][\w&/.]*?)[-–—]\s+(?=\S)")


def unglued_dashes(text: str) -> str:
    """The entry with " – " for a dash glued to the short form before it."""
    # The first of _SPACED in the text, without a generator (asked of every entry).
    spaced = (
        " – " if " – " in text else " — " if " — " in text else " - " if " - " in text else None
    )
    if spaced is None or ("- " not in text and "– " not in text and "— " not in text):
        return text
    # A glued dash has a letter, digit or sign right before it: where every dash has a space
    # before it ("Union – UN"), as in most entries, the pattern has nothing to find.
    if (
        text.count("-") == text.count(" -")
        and text.count("–") == text.count(" –")
        and text.count("—") == text.count(" —")
    ):
        return text

    def part(match: re.Match[str]) -> str:
        short = match["short"]
        if not is_acronym(short, strict=True):
            return match.group()
        return f"{short}{spaced}"

    return _GLUED.sub(part, text)
