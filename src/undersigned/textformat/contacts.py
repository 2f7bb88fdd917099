"""A page's contact block after a list: "CONTACT: X – Union of …" / "12 Road, 10020 Town
Phone: (0212) 555 12 34". The label line is a footer (headings.footer_line); the address
line below it holds a phone or fax label followed by its number somewhere in the line,
which a name never does ("Union of Telephone Workers", "Phone House, Lagos")."""

from __future__ import annotations

import re

# A phone or fax label (any of the languages seen) followed by the number's first digit.
_PHONE = re.compile(
    r"(?:^|[\s,;(])(?:phone|telephone|tel|tél|téléphone|telefon|telefono|teléfono|telefone"
    r"|telefoon|tlf|fax|тел|телефон|факс|هاتف|تلفن|טל)\.?\s*:?\s*[+(]?\s*\d",
    re.IGNORECASE,
)
_MIN_DIGITS = 6  # a phone number has six digits at least


def contact_line(text: str) -> bool:
    """Whether a line is an address or contact line of a page footer: a phone or fax label
    followed by a number of six digits or more."""
    if sum(ch.isdigit() for ch in text) < _MIN_DIGITS:
        return False
    return _PHONE.search(text) is not None


__all__ = ["contact_line"]
