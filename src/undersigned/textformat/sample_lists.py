"""A sample of the signers named in one sentence (issue 22): "Organizations such as A, B,
C, among others, are signatories", "Parmi les signataires figurent des associations comme A,
B et C". A news item often names only a few of its signers so; the names may be long
("Commission of the Bar Association of X"), longer than a sentence list allows, because the
frame says what they are.

The words before the list end in "such as" (como, wie, comme, come, zoals, z. B. …); the
sentence must say the names are signers: a signer noun after the list ("…, among others,
are signatories"), or before it after "among" ("among the signatories are bodies such as").
"Bodies such as A, B and C criticized the law" names no signers; nor does "the signatories
call on bodies such as the Council …", where the noun is the subject, not "among the …".
"""

from __future__ import annotations

import re

from .vocabulary import AMONG_WORDS, AND_WORDS, SIGNER_NOUNS

# "such as" closing the words before the list.
_SUCH_AS = re.compile(
    r"(?<!\w)(?:such as|like|including|como|como por ejemplo|tales como|wie(?: z\. ?B\.)?"
    r"|z\. ?B\.|comme|tels? que|telles? que|come|quali|tra cui|zoals|som|jak|takie jak"
    r"|такие как|как|як|como as)\s+",
    re.IGNORECASE,
)
# "among others" closing the list.
_AMONG_OTHERS = re.compile(
    r",?\s+(?:entre otr[oa]s|among others|amongst others|and others|unter anderem|u\. ?a\."
    r"|und andere|entre autres|et d'autres|tra gli altri|tra le altre|e altr[ie]"
    r"|entre outr[oa]s|onder andere|en andere|bland andra|m\. ?fl\.|i inne|и другие"
    r"|та інші|y otr[oa]s)(?!\w),?\s*",
    re.IGNORECASE,
)
_SIGNER_NOUN = re.compile(SIGNER_NOUNS, re.IGNORECASE)
_AMONG_SIGNERS = re.compile(
    rf"(?<!\w)(?:{AMONG_WORDS})"
    rf"\s+(?:\w+\s+){{0,2}}?(?:{SIGNER_NOUNS})",
    re.IGNORECASE,
)
# A sentence end; the point after a single letter ("u. a.", "z. B.") is none.
_STOP = re.compile(r"(?<!\b\w)[.!?;:](?:\s|$)")
_COMMA = re.compile(r"\s*,\s+")
_AND = re.compile(rf"\s+(?:{'|'.join(AND_WORDS)})\s+(?=[^\W\d_])")
_ARTICLES = frozenset((
    "the", "a", "an", "el", "la", "los", "las", "lo", "der", "die", "das", "den", "dem", "des",
    "le", "les", "l", "il", "i", "gli", "o", "os", "as", "de", "het",
))  # fmt: skip
# Lower-case words of four letters or more inside names of bodies: "Fundación para el …".
_JOINING = frozenset((
    "para", "pour", "with", "sobre", "contra", "entre", "della", "delle", "degli", "dello",
    "dela", "voor", "über", "fuer", "für", "against", "zwischen", "among", "avec", "senza",
))  # fmt: skip
_MIN_ITEMS = 3
_MAX_WORDS = 16


def sample_entries(paragraph: str) -> list[str]:
    """The signers a sentence names as a sample after "such as", else []."""
    for start in _SUCH_AS.finditer(paragraph):
        sentence_start = max(
            (m.end() for m in _STOP.finditer(paragraph, 0, start.start())), default=0
        )
        lead = paragraph[sentence_start : start.start()]
        stop = _STOP.search(paragraph, start.end())
        end = stop.start() if stop else len(paragraph)
        rest = paragraph[start.end() : end]
        others = _AMONG_OTHERS.search(rest)
        if others:
            run, tail = rest[: others.start()], rest[others.end() :]
            signers = _SIGNER_NOUN.search(tail) or _AMONG_SIGNERS.search(lead)
        else:
            run, signers = rest, _AMONG_SIGNERS.search(lead)
        if not signers:
            continue
        items = name_items(run)
        if len(items) >= _MIN_ITEMS:
            return items
    return []


def name_items(run: str, broken: bool = False) -> list[str]:
    """The names of a run "A, B (X), C and D": commas outside parentheses part them; the last
    "and" parts the last two only where a capitalized word, not an article, follows it.
    broken: the text breaks off inside the run, whose last piece is then left out."""
    pieces = _outside_commas(run.strip())
    if broken:
        pieces = pieces[:-1]
    if not pieces:
        return []
    last = pieces[-1]
    for joint in reversed(list(_AND.finditer(last))):
        after = last[joint.end() :].split()
        if after and after[0][0].isupper() and after[0].lower() not in _ARTICLES:
            pieces[-1:] = [last[: joint.start()], last[joint.end() :]]
            break
    items = [piece.strip() for piece in pieces]
    if not broken:
        items[-1] = _name_end(items[-1])
    if not all(_name_like(item) for item in items):
        return []
    return items


def _name_end(item: str) -> str:
    """The last name without the words of the sentence that run on after it ("Amnesty told
    the BBC on Monday"): cut at the first lower-case word, not a small joining word."""
    words = item.split()
    for position, word in enumerate(words[1:], 1):
        if word[0].islower() and len(word) > 3 and word.lower() not in _JOINING:
            return " ".join(words[:position])
    return item


def _outside_commas(text: str) -> list[str]:
    """The text cut at its commas outside parentheses."""
    pieces, depth, begin = [], 0, 0
    for match in re.finditer(r"[()]|\s*,\s+", text):
        token = match.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[begin : match.start()])
            begin = match.end()
    pieces.append(text[begin:])
    return pieces


def _name_like(item: str) -> bool:
    """A name: it opens with a capital or a digit and is not a long clause."""
    words = item.split()
    return (
        bool(words)
        and (words[0][0].isupper() or words[0][0].isdigit())
        and len(words) <= _MAX_WORDS
    )


__all__ = ["name_items", "sample_entries"]
