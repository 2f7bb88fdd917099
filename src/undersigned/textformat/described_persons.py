"""Persons one per line, each followed by a dash and what they are ("Jane Doe – historian",
"prof. Jan Nowak – Poseł na Sejm", "Dr. María Pérez — directora, Instituto X").

Short descriptions in lower case ("poeta", "artysta plastyk") make such lines score as prose
word by word, so a trailing run of them was cut short or missed. The shape itself is the
cue: a person's name (titles allowed) before a spaced dash, a short description after it.
"""

import re

from .folding import fold
from .persons import _is_role_word as is_role_word
from .persons import is_person_name
from .short_forms import is_acronym

# A dash with space on both sides: en dash, em dash, or a hyphen standing in for them.
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")
_MAX_DESCRIPTION = 120  # a description, not a sentence of the body


def described_person(text: str) -> bool:
    """Whether a line reads `Name – description` with a person's name before the dash."""
    parts = _SPACED_DASH.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return False
    name, description = parts
    if not description or len(description) > _MAX_DESCRIPTION or description.endswith((".", ":")):
        return False
    # "Amis de la Terre – ADLT" is a name and its short form; "Textile - Clothing - Leather"
    # one name in parts (single words between the dashes).
    first = _SPACED_DASH.split(description, maxsplit=1)[0]
    if is_acronym(description, strict=True) or (first != description and " " not in first):
        return False
    return is_person_name(name)


# A web address names a body in lower case ("editor of example.org").
_DOMAIN = re.compile(r"\w\.[a-z]{2,}$")


def _named(word: str) -> bool:
    """A word of a body's name: a capital first letter ("„Solidarność”" too), a digit, or
    a web address."""
    letters = word.lstrip("„“\"'«(")
    return letters[:1].isupper() or letters[:1].isdigit() or bool(_DOMAIN.search(word))


def _role(word: str) -> bool:
    # "President-elect", "Vice-Chair": the role is the first part.
    return is_role_word(fold(word.strip(",.").split("-")[0]))


def _body(part: str) -> str | None:
    """ "historyk UJ" -> "UJ", "Poseł na Sejm RP" -> "Sejm RP", "poeta" -> None: the
    occupation and role words before a body's name go; a former role after it too ("NSZZ
    X były Przewodniczący KRH" -> "NSZZ X")."""
    words = part.split()
    start = 0
    while start < len(words) and (not _named(words[start]) or _role(words[start])):
        start += 1
    if start == len(words):
        return None
    end = start + 1
    while end < len(words):
        following = words[end + 1] if end + 1 < len(words) else ""
        # A role in lower case ("former director") ends the body; one with a capital may be
        # a word of its name ("European Research Council").
        lower = not _named(words[end])
        if lower and (_role(words[end]) or (following and _role(following))):
            break
        end += 1
    return " ".join(words[start:end])


def description_affiliation(description: str) -> str | None:
    """The body a person's description after the dash names, as written, or None when it
    names only an occupation ("artysta plastyk", "historian")."""
    for part in description.split(", "):
        body = _body(part.strip())
        if body:
            return body
    return None


__all__ = ["described_person", "description_affiliation"]
