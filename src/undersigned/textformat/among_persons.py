"""Persons a sentence names after "among the (first) signers are" (issue 22): "Zu den
Erstunterzeichnern gehören neben A, role, und B auch Forscher wie z. B. C und D sowie
viele Bürger", "Among the first signatories are, besides A, the writers C and D".

The opening words say that the names in the rest of the sentence are signers, whatever
words come between them (roles, "such as", "besides … also"); a name is a run of two or
three capitalized words that reads as a person's name. Nouns of a kind ("Wissenschaftler*
innen", "Bürger") stand alone, so a German sentence's capitalized nouns are not taken.
Two names at least: one is as likely a mention as a signer.
"""

from __future__ import annotations

import re

from .persons import is_person_name
from .vocabulary import AMONG_WORDS, SIGNER_NOUNS

# "Among the (first) signers", opening the sentence.
_LEAD = re.compile(
    rf"^(?:{AMONG_WORDS})"
    rf"\s+(?:\w+\s+){{0,2}}?\w*(?:{SIGNER_NOUNS})",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)(?=\S)(.+?)(?:(?<!\b\w)[.!?](?=\s|$)|$)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S")
_MIN_NAMES = 2


def among_persons(paragraph: str) -> list[str]:
    """The persons a sentence names after "among the signers are", else []."""
    for sentence in _SENTENCE.finditer(paragraph):
        text = sentence.group(1)
        lead = _LEAD.match(text)
        if not lead:
            continue
        names = [run for run in _capitalized_runs(text[lead.end() :]) if is_person_name(run)]
        if len(names) >= _MIN_NAMES:
            return names
    return []


def _capitalized_runs(text: str) -> list[str]:
    """The runs of two or three words in a row that open with a capital and are no short
    form in capitals nor a noun with a gender star."""
    runs: list[list[str]] = [[]]
    for token in _WORD.findall(text):
        if token[0].isupper() and not token.isupper() and "*" not in token:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if 2 <= len(run) <= 3]


__all__ = ["among_persons"]
