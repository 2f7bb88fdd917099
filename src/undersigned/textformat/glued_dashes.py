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
    spaced = next((dash for dash in _SPACED if dash in text), None)
    if spaced is None or ("- " not in text and "– " not in text and "— " not in text):
        return text

    def part(match: re.Match[str]) -> str:
        short = match["short"]
        if not is_acronym(short, strict=True):
            return match.group()
        return f"{short}{spaced}"

    return _GLUED.sub(part, text)
