"""A note below the signers that they sign in a personal capacity, in parentheses: "(in a
personal capacity, like all who sign)", "(à titre personnel)", "(a título pessoal)".

Such a note closes a list of signatures, so the lines right above it are signers even when
the copied text breaks off after the first of them.
"""

import re

from .folding import fold

_CAPACITY = re.compile(
    r"personal capacity|individual capacity|in a private capacity|titre personnel"
    r"|titre individuel|titulo pessoal|titulo individual|titulo personal|titolo personale"
    r"|personlich|privat unterzeichn|persoonlijke titel|prywatn|osobist|osobne|lichnom"
    r"|личн\w* качеств|a kisisel|kisisel olarak"
)
_LONGEST = 160


def capacity_note(text: str) -> bool:
    """Whether a line is a parenthesized note that the signers sign for themselves."""
    stripped = text.strip()
    if len(stripped) > _LONGEST or not (stripped.startswith("(") and stripped.endswith(")")):
        return False
    return _CAPACITY.search(fold(stripped)) is not None


__all__ = ["capacity_note"]
