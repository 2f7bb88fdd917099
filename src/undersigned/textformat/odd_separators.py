"""Lists whose separators are odd or lost (issue 22).

- One line of names between pipes or middle dots under a lead-in ("… unterzeichnet:" /
  "A | B (BB) | C"): the separator is the pipe, not the comma.
- Cards `Name | (titles, organisation)` run together with only spaces between them, as a
  petition platform prints its first signers: the closing parenthesis ends an entry.
- Bodies `Name (ABBR)` run together with only spaces, as a document loses the line breaks of
  its "on behalf of" list: the short form ends an entry, and its letters tell where the name
  it abbreviates starts, so that a body without a short form before it becomes an entry too.
- Persons `Name (role, organisation); Name, role; …` in a paragraph whose lines a PDF
  wrapped anywhere, inside names too: read with the lines joined (running_text._wrapped).

(Persons with 1-4 comma fields each, "Name, role, degree, city, Name, …", are role_lists'.)

Written for shapes, not for a text: no word list names a signatory.
"""

from __future__ import annotations

import re

from .headings import footer_line
from .persons import is_person_name

# Pipes, spaced or not; spaced dots and stars (a dot between letters is a name's own: "Mo·ment").
# The katakana middle dot is left alone: it joins the parts of one foreign name.
_SEPARATED = re.compile(r"\s*[|｜]\s*|\s+[·•▪◦∙*]\s+")
# A sentence ends at a full stop after a word of four letters at least ("e.V.", "Inc." are
# short forms that end names).
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{4})[.!?](?:\s|$)|[!?:]$")
_MAX_ITEM_WORDS = 12
_MIN_ITEMS = 3

# A card: the name, then " | (" and the person's titles and organisation in the parenthesis.
_CARD = re.compile(r"\s*(?:\||\s[–—]|\s-)\s*\(([^()]*)\)")
_MAX_NAME_WORDS = 4

# A short form in brackets: two capitals at least ("NNTC", "Venro" is no sure one).
_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z&]{1,11})\)")
# Lower-case words that go inside the name of a body; any other one is prose.
_SMALL_WORDS = frozenset(
    {
        *("of", "and", "for", "the", "de", "del", "della", "dei", "des", "du", "la", "le"),
        *("les", "los", "las", "y", "e", "et", "i", "und", "für", "der", "die", "das", "van"),
        *("von", "den", "di", "da", "do", "dos", "och", "og", "à", "a", "en", "on"),
    }
)
_MAX_BODY_WORDS = 16


def separated_items(text: str) -> list[str] | None:
    """The names of one line written between pipes or middle dots, or None."""
    pieces = [piece.strip(" ,;") for piece in _SEPARATED.split(text.strip())]
    if len(pieces) < _MIN_ITEMS:
        return None
    for piece in pieces:
        words = piece.split()
        if not words or len(words) > _MAX_ITEM_WORDS or not _opens_name(piece):
            return None
        # A sentence, a postal address, a phone number or an e-mail is no name.
        if _SENTENCE_END.search(piece) or "@" in piece or sum(map(str.isdigit, piece)) > 2:
            return None
        if footer_line(piece) is not None:
            return None  # a site's menu: "Home | About us | Contact"
    return pieces


def _opens_name(piece: str) -> bool:
    first = piece[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def card_run(text: str) -> list[str] | None:
    """The entries `Name (titles, organisation)` of a run of cards `Name | (…)` with only
    spaces between them, or None. The first name is cut from the words before it."""
    items: list[str] = []
    start = 0
    for card in _CARD.finditer(text):
        before = text[start : card.start()].split()
        name = _last_name(before) if not items else " ".join(before)
        if name is None or not is_person_name(name) or len(name.split()) > _MAX_NAME_WORDS:
            if len(items) >= _MIN_ITEMS:
                break
            items = []  # the run starts again at this card
            name = _last_name(before)
            if name is None:
                start = card.end()
                continue
        inner = card.group(1).strip()
        items.append(f"{name} ({inner})" if inner else name)
        start = card.end()
    return items if len(items) >= _MIN_ITEMS else None


def _last_name(words: list[str]) -> str | None:
    """The longest person's name the words end with, opening with a capital (the "di" of
    "Comune di Sesto Paolo Rossi" is no particle of his)."""
    for size in range(min(_MAX_NAME_WORDS, len(words)), 1, -1):
        name = " ".join(words[-size:])
        if name[:1].isupper() and is_person_name(name):
            return name
    return None


def acronym_run(text: str) -> list[str] | None:
    """The bodies of a run `Name (ABBR) Name (ABBR) …` with only spaces between them, or
    None. A body without a short form is found by the letters of the short form after it
    (`X Centre New South Wales Land Council (NSWLC)`: two bodies); the first name is cut
    from the lead-in by the same letters. A last body without a short form is taken when
    two spaces or a line end close it."""
    runs: list[list[str]] = [[]]
    start = 0
    last_end = 0
    for form in _SHORT_FORM.finditer(text):
        letters = [ch.lower() for ch in form.group(1) if ch.isupper()]
        if len(letters) < 2:
            continue
        words = text[start : form.start()].split()
        first = not runs[-1]
        if not first and not _body_words(words):
            if len(runs[-1]) >= _MIN_ITEMS:
                break
            runs.append([])
            first = True
        found = _named(words, letters, first)
        if found is None:
            if len(runs[-1]) >= _MIN_ITEMS:
                break
            runs.append([])
        else:
            runs[-1].extend(found[:-1])
            runs[-1].append(f"{found[-1]} ({form.group(1)})")
        start = last_end = form.end()
    best = max(runs, key=len)
    if len(best) < _MIN_ITEMS:
        return None
    if best is runs[-1]:
        last = _last_body(text[last_end:])
        if last is not None:
            best.append(last)
    return best


def _last_body(tail: str) -> str | None:
    """A body without a short form that closes the run: up to two spaces or a line end
    ("… Youth Delegation  Thank you, Chair."), else up to the sentence that follows it,
    whose first word ends the capitalised run ("… Youth Delegation Thank you, Chair.")."""
    closed = re.split(r"\s{2,}|\n", tail.lstrip(" "), maxsplit=1)
    words = closed[0].split()
    if len(closed) == 1:
        end = next((n for n, word in enumerate(words) if not _body_words([word])), None)
        if end is not None:
            words = words[: max(end - 1, 0)]  # the sentence's first word goes with it
            while words and words[-1] in _SMALL_WORDS:
                words = words[:-1]
    if len(words) < 2 or len(words) > _MAX_BODY_WORDS or not _body_words(words):
        return None
    return " ".join(words)


def _body_words(words: list[str]) -> bool:
    """Whether the words can be (one or two) names of bodies: capitalised but for the small
    words inside names, no sentence ended among them."""
    if not words or len(words) > 2 * _MAX_BODY_WORDS:
        return False
    for word in words:
        bare = word.strip(",")
        # "Inc." and "e.V." keep their full stop; "Chair." ends a sentence.
        if not bare or (bare.endswith((".", "!", "?", ":", ";")) and len(bare) > 4):
            return False
        if bare[0].islower() and bare not in _SMALL_WORDS:
            return False
    return True


def _named(words: list[str], letters: list[str], first: bool) -> list[str] | None:
    """The name the short form abbreviates, from the latest word where its letters start
    (the words before it one more body, or the lead-in of the first), or None."""
    initials = [word[:1].lower() for word in words]
    # The latest start that spells the short form: the tightest name it abbreviates.
    for position in range(len(words) - 1, -1, -1):
        initial = initials[position]
        if initial != letters[0] or not words[position][:1].isupper():
            continue
        if _subsequence(letters, initials[position:]):
            before = " ".join(words[:position]).strip(" ,")
            name = " ".join(words[position:])
            if before and not first and before[0].isupper() and _body_words(words[:position]):
                return [before, name]
            return [name]
    if not first and words and len(words) <= _MAX_BODY_WORDS:
        return [" ".join(words)]  # "Venro", a short form that is no initials
    return None


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    found = iter(initials)
    return all(letter in found for letter in letters)


# A person with a parenthesis after the name: "Jane Doe (teacher, Union X)"; the bracket
# may be glued to the name ("Jane Doe(teacher)").
_PAREN_PERSON = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]*)\)\s*(?P<rest>.*)$", re.S)
# A sentence ends at a full stop after a word of four letters at least ("dir." and "Inc."
# are short forms).
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{4})[.!?](?:\s|$)")
_MAX_WRAPPED = 4000


def paren_person_run(text: str) -> list[str] | None:
    """The persons of a run `Name (role, organisation); Name (role); …` in one paragraph
    whose lines were wrapped anywhere (inside names too), or None. The run opens after a
    colon; its first item may hold a person without brackets before the first one
    ("…: A, role X B (role Y); C (role Z)"), its last ends with its bracket."""
    if ";" not in text or len(text) > _MAX_WRAPPED:
        return None
    pieces = _split_semicolons(text)
    items: list[str] = []
    for index, piece in enumerate(pieces):
        found = _paren_person(piece, first=not items, last=index == len(pieces) - 1)
        if found is None:
            if len(items) >= _MIN_ITEMS:
                break
            items = []
            found = _paren_person(piece, first=True, last=index == len(pieces) - 1)
        if found is not None:
            items.extend(found)
    return items if len(items) >= _MIN_ITEMS else None


def _split_semicolons(text: str) -> list[str]:
    pieces, start, depth = [], 0, 0
    for position, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0:
            pieces.append(text[start:position].strip())
            start = position + 1
    pieces.append(text[start:].strip())
    return pieces


def _comma_person(piece: str, first: bool, last: bool) -> list[str] | None:
    """ "Jane Doe, writer" as one item of the run (the first after a colon, the last cut at
    the end of its sentence)."""
    piece = " ".join(piece.split())
    if first:
        if ":" not in piece:
            return None
        piece = piece.rsplit(":", 1)[1].strip()
    if last:
        stop = _SENTENCE_STOP.search(piece)
        piece = piece[: stop.start()] if stop else piece.rstrip(".")
    head, _, descriptor = piece.partition(", ")
    if not descriptor or not is_person_name(head) or len(descriptor.split()) > _MAX_ITEM_WORDS:
        return None
    if _SENTENCE_STOP.search(descriptor):
        return None  # prose goes on after the person
    return [piece]


def _paren_person(piece: str, first: bool, last: bool) -> list[str] | None:
    match = _PAREN_PERSON.match(piece)
    if match is None:
        return _comma_person(piece, first, last)
    rest = match["rest"]
    if rest and not (last and rest.startswith(".")):
        return None  # prose goes on after the bracket
    head, inner = " ".join(match["name"].split()), " ".join(match["inner"].split())
    if not first:
        return [f"{head} ({inner})"] if is_person_name(head) else None
    if ":" not in head:
        name = _last_name(head.split())
        return [f"{name} ({inner})"] if name else None
    head = head.rsplit(":", 1)[1].strip()
    if is_person_name(head):
        return [f"{head} ({inner})"]
    # "A, role X B (role Y)": a person with a comma descriptor, its separator lost.
    name = _last_name(head.split())
    before = head[: len(head) - len(name)].strip(" ,") if name else ""
    lead = before.split(",", 1)[0].strip()
    if name is None or not is_person_name(lead):
        return None
    return [before, f"{name} ({inner})"]


def run_together(text: str) -> list[str] | None:
    """The entries of a paragraph that runs cards or bodies with short forms together."""
    if "|" in text or " – (" in text or " — (" in text or " - (" in text:
        found = card_run(text)
        if found is not None:
            return found
    return acronym_run(text) if ") " in text else None


__all__ = ["acronym_run", "card_run", "paren_person_run", "run_together", "separated_items"]
