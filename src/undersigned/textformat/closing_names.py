"""Two or more persons on the one line that closes a statement, below its place and date
or sign-off: "Jiří Novák, Eva Malá", "Anna Berg and Ole Lund", "Jean Roy et Marie Dion".

The run-of-lines finders need a line per signer (three below a place-and-date line); a
joint declaration of a few persons often names them all on one line instead.
"""

import re

from .persons import is_person_name

# Commas, and "and" in the languages of the corpus (Czech and Slovak "a", Polish "i", …).
_PARTS = re.compile(
    r",\s+(?:(?:and|et|und|y|e|i|a|og|en|och|ja|és|ve|и|і)\s+)?"
    r"|\s+(?:and|et|und|y|e|i|a|og|en|och|ja|és|ve|и|і|&)\s+"
)
_MAX_NAMES = 6  # more is a list the line finders read


def closing_names(text: str) -> list[str] | None:
    """The persons a closing line names, when it names nothing else, or None."""
    stripped = text.strip().rstrip(".")
    if len(stripped) > 200:
        return None
    parts = [part.strip() for part in _PARTS.split(stripped)]
    if not 2 <= len(parts) <= _MAX_NAMES or not all(map(is_person_name, parts)):
        return None
    return parts


__all__ = ["closing_names"]
