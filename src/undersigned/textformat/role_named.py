"""Persons named in running text, each with a description AROUND the name: "… among them the
writer Jane Doe, the mayor of X, John Roe; the chair of Y, Ann Poe, and the painter Bo Li.",
"… signed by Jane Doe – chair of X and John Roe – head of Y.".

One sentence mixes three ways of writing a person, and a run may change from one to the
next: the description before the name, no comma between ("der Karikaturist Jan Voss", "el
dirigent gallec Xosé Pi"); a role before the name with a comma between ("the mayor of X,
John Roe", "de la República X, Ana Pi" where the role is shared with the item before); the
name first and its role after a dash ("Jan Voss – prezes Fundacji X"). Each item opens with
an article, a word in lower case or "and"; items are set apart by commas, semicolons or the
word for "and"/"or". A description before a name names no organisation the entry parser
could read ("the writer", "the politologist from Madrid"), so such an entry keeps only the
name and a body in parentheses after it ("(SPÖ)"); a role with a comma or a dash is kept
as "Name, role" (the entry parser takes the body from "president of X").

Also here: paragraphs that a blank line cuts in the middle of a sentence (a PDF's column
break, a page's stray break), joined again for the sentence reader.
"""

from __future__ import annotations

import re

from .folding import fold
from .lines import Line
from .persons import is_person_name, is_role
from .role_lists import RoleRun
from .vocabulary import AND_WORDS, NAME_PARTICLES, PERSON_TITLES

_OR_WORDS = ("oder", "or", "ou", "o", "lub", "albo", "eller", "tai", "vagy")
_JOINS = "|".join(sorted({*AND_WORDS, *_OR_WORDS}, key=len, reverse=True))
# Pieces: at commas and semicolons with a space after them, and at "and"/"or" between two
# items (what follows is checked by the item reader).
_SPLIT = re.compile(rf"\s*([,;])\s+|\s+({_JOINS})\s+(?=\S)")
_OPENING_JOIN = re.compile(rf"^(?:{_JOINS})\s+", re.IGNORECASE)
# Definite articles, whole or elided, that open an item in running text.
_ARTICLES = frozenset(
    {"the", "le", "la", "les", "el", "els", "los", "las", "il", "lo", "gli", "o", "os", "as"}
    | {"der", "die", "das", "den", "dem", "de", "het", "en", "ο", "η", "az", "a"}
)
_GERMAN_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
_ELIDED = re.compile(r"^[^\W\d_]{1,2}['’](?=\w)")  # "l'escriptor", "d’Òmnium"
_PREPOSITIONS = frozenset(
    {"de", "del", "della", "di", "da", "do", "du", "des", "of", "von", "vom", "van", "z", "ze"}
    | {"al", "au", "à", "a", "en", "in", "im", "aus", "from", "bei", "at", "per"}
)
# "to (the)": persons a statement is sent to, not its signers ("… sent to the president of
# X, Jane Doe, to the minister Y, …"); "a" only before an article ("a la ministra").
_DATIVE = frozenset(
    {"al", "alla", "allo", "ai", "agli", "alle", "au", "aux", "à", "to", "an", "zum", "zur"}
    | {"para", "pour", "dla", "aan", "till", "til", "naar"}
)
_DASH = re.compile(r"\s+[–—-]\s+")
_PAREN_TAIL = re.compile(r"\s*(\([^()]{1,40}\))$")
# A sentence's end: a stop after a word of three letters at least, before a capital or the end.
_STOP = re.compile(r"(?<=[^\W\d_]{3})[.!?](?=\s+[^\W\d_]|$)")
# Words of a salutation: addressees, not signers ("Dear Minister Jane Doe, dear …").
_SALUTATION = re.compile(
    r"\b(?:dear|geehrte\w*|liebe\w*|cher|chere|chers|estimad\w*|querid\w*|egregi\w*|gentil\w*"
    r"|prezados?|szanown\w*|beste|kaere)\b"
)
# Words that show the sentence is about a statement or its signing, in several languages.
_ABOUT = re.compile(
    r"statement|declar|letter|lettre|brief\b|erklar|stellungnahme|aufruf|appeal|appel|apel"
    r"|manifest|communiq|comunica|carta|lettera|oswiadcz|list\w* otwart|podpis|sign|firm"
    r"|unterzeichn|assin|imza|verklaring|uttalande|erklaering|julkilausum"
)
_MAX_NAME_WORDS = 4
_MIN_PERSONS = 3
_MIN_WITH_CUE = 2  # two persons, each with a role, in a sentence about a statement


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _ends_on_capital(piece: str) -> bool:
    """Whether a piece ends on a capitalised word, a body in parentheses after it or not."""
    words = _PAREN_TAIL.sub("", piece).split()
    return bool(words) and _capital(words[-1])


def _tail_name(words: list[str], german: bool) -> tuple[str, int] | None:
    """The person's name the words end with, and where it starts, or None: the trailing
    capitalised words, less the object of a preposition before them ("de Madrid Jaime Pi" ->
    "Jaime Pi") and, in German, where nouns have capitals too, all but the last two words."""
    end = len(words)
    start = end
    while start > 0 and (
        _capital(words[start - 1])
        or (
            fold(words[start - 1]) in NAME_PARTICLES
            and start - 1 > 0
            and _capital(words[start - 2])
            and start < end
        )
    ):
        start -= 1
    if (
        start > 0
        and _ELIDED.match(words[start - 1])
        and _capital(_ELIDED.sub("", words[start - 1]))
    ):
        return None  # "d'EH Bildu al Parlament": the run goes on with a body's name
    if start < end and _ELIDED.match(words[start]):
        start += 1  # "d’Òmnium Cultural": the object of an elided preposition
    elif start > 0 and fold(words[start - 1]) in _PREPOSITIONS:
        start += 1  # "de Madrid Jaime Pi": the place belongs to the description
    if german:
        start = max(start, end - 2)
    start = max(start, end - _MAX_NAME_WORDS)
    while start < end and fold(words[start]) in NAME_PARTICLES:
        start += 1
    if end - start < 2:
        return None
    name = " ".join(words[start:end])
    if not is_person_name(name) or is_role(name):
        return None
    return name, start


def _addressed(words: list[str]) -> bool:
    """Whether the words before a name send something to the person: "to" opens them or
    leads to a role in lower case ("… sent to the president of X", "al ministro"), not to a
    place ("la portaveu … al Parlament")."""
    folded = [fold(word) for word in words]
    for at, word in enumerate(folded):
        following = words[at + 1] if at + 1 < len(words) else ""
        dative = word in _DATIVE or (word == "a" and fold(following) in _ARTICLES)
        if dative and (at == 0 or following[:1].islower()):
            return True
    return False


def _opens_item(piece: str) -> bool:
    """Whether a piece starts as an item does: an article, an elided article or a word in
    lower case ("de la República X" shares the role of the item before)."""
    first = piece.split()[0] if piece.split() else ""
    return bool(first) and (
        first[:1].islower() or bool(_ELIDED.match(first)) or fold(first) in _ARTICLES
    )


def _exact_name(piece: str) -> str | None:
    piece = _PAREN_TAIL.sub("", piece.strip())
    words = piece.split()
    if 2 <= len(words) <= _MAX_NAME_WORDS and is_person_name(piece) and not is_role(piece):
        return piece
    return None


def _role(piece: str) -> str:
    """The role without its article, for "Name, role"; "" when it names no body (no capital
    after its first word: "the writer")."""
    words = piece.split()
    # "de la República X" (the role shared with the item before): the body alone.
    while len(words) > 1 and fold(words[0]) in _ARTICLES | _PREPOSITIONS:
        words = words[1:]
    if words and _ELIDED.match(words[0]):
        words[0] = _ELIDED.sub("", words[0])
    return " ".join(words) if any(_capital(w) for w in words[1:]) else ""


def _with(name: str, role: str, paren: str = "") -> str:
    return ", ".join(part for part in (name + paren, role) if part)


class _Reader:
    def __init__(self, pieces: list[str], german: bool) -> None:
        self.pieces = pieces
        self.german = german
        self.seen: dict[tuple[int, bool], tuple[str, int, bool] | None] = {}

    def item(self, at: int, lead: bool) -> tuple[str, int, bool] | None:
        """The entry the pieces at `at` write, how many pieces it takes and whether it has a
        role, or None. A lead piece may open with the words that lead into the run."""
        key = (at, lead)
        if key not in self.seen:
            self.seen[key] = self._item(at, lead)
        return self.seen[key]

    def _item(self, at: int, lead: bool) -> tuple[str, int, bool] | None:
        piece = self.pieces[at]
        following = self.pieces[at + 1] if at + 1 < len(self.pieces) else ""
        # Cheap first: every shape ends the piece with a capitalised word, has a dash, or
        # has the name in the next piece.
        named = _ends_on_capital(piece) or following[:1].isupper()
        if not named and not _DASH.search(piece):
            return None
        piece = _OPENING_JOIN.sub("", piece)
        stop = _ends(piece)
        piece = piece[: stop.start()] if stop else piece
        if not piece:
            return None
        # The name, a dash, the role: "Jan Voss – chair of X" (the name opens the item).
        dashed = _DASH.split(piece)
        if len(dashed) >= 2 and dashed[-1][:1].islower():
            found = _tail_name(" ".join(dashed[:-1]).split(), False)
            if found is not None and (lead or found[1] == 0):
                return _with(found[0], dashed[-1]), 1, True
        if not lead and not _opens_item(piece):
            return None
        # The role, a comma, the name: "the mayor of X, John Roe".
        stop = _ends(following)
        following = following[: stop.start()] if stop else following
        name = _exact_name(following)
        if _addressed(piece.split()):
            return None
        if name is not None and (_opens_item(piece) or is_role(piece.split()[-1])):
            if lead:  # the clause leading into the run ends with the first role
                piece = _lead_role(piece) or (piece if _opens_item(piece) else "")
                if not piece:
                    return None
            paren = _PAREN_TAIL.search(following.strip())
            return _with(name, _role(piece), f" {paren.group(1)}" if paren else ""), 2, True
        # The description, the name: "the writer Jane Doe (X)".
        paren = _PAREN_TAIL.search(piece)
        bare = piece[: paren.start()] if paren else piece
        words = bare.split()
        found = _tail_name(words, self.german)
        if found is None or found[1] == 0:
            return None
        before = words[: found[1]]
        described = any(w[:1].islower() for w in before) or any(map(is_role, before))
        # "a X – Y Z": a dash joins a body's name to what it is called, no person.
        if not described or any(_DASH.fullmatch(f" {w} ") for w in before):
            return None
        return found[0] + (f" {paren.group(1)}" if paren else ""), 1, False


def _lead_role(piece: str) -> str:
    """The role that ends the clause leading into the run, from its article or its role
    word ("Los Presidentes de la República X" -> all of it)."""
    words = piece.split()
    for index in range(len(words) - 1, -1, -1):
        # An article before a word in lower case ("il sindaco di X"), not before a name's
        # capital ("de la República X": the role goes on to the left).
        following = words[index + 1] if index + 1 < len(words) else ""
        if fold(words[index]) in _ARTICLES and following[:1].islower():
            return " ".join(words[index:])
        if is_role(words[index]):
            article = index > 0 and fold(words[index - 1]) in _ARTICLES
            return " ".join(words[index - 1 if article else index :])
    return ""


def _pieces(text: str) -> list[str]:
    parts = _SPLIT.split(text.strip())
    pieces = [parts[0]]
    for index in range(1, len(parts), 3):
        joint = parts[index + 1]
        following = parts[index + 2] if index + 2 < len(parts) else ""
        pieces.append(f"{joint} {following}" if joint else following)
    return [piece.strip() for piece in pieces if piece and piece.strip()]


def _ends(piece: str) -> re.Match[str] | None:
    """The first full stop that ends a sentence inside a piece, not one after a title."""
    for stop in _STOP.finditer(piece):
        word = piece[: stop.start()].split()[-1]
        if fold(word) not in PERSON_TITLES:
            return stop
    return None


def _run(reader: _Reader, at: int) -> tuple[list[str], int, int]:
    """The entries of the run that starts at piece `at`. A piece written as an item but
    naming nobody ("the spokesman of X," the name left out) is passed over, once."""
    pieces = reader.pieces
    stop = _ends(pieces[at])
    while stop is not None:  # the lead piece: its last sentence only
        pieces[at] = pieces[at][stop.end() :].strip()
        stop = _ends(pieces[at])
    entries: list[str] = []
    position, skipped, roles = at, False, 0
    while position < len(pieces):
        found = reader.item(position, lead=not entries)
        if found is None:
            nameless = entries and not skipped and _opens_item(pieces[position])
            if not nameless or position + 1 >= len(pieces) or _ends(pieces[position]):
                break
            skipped, position = True, position + 1
            continue
        entries.append(found[0])
        roles += found[2]
        position += found[1]
        if _ends(pieces[position - 1]) is not None:
            break
    return entries, roles, position


def role_named_run(text: str) -> RoleRun | None:
    """The persons a sentence names each with a description around the name, or None:
    three at least, or two in a sentence about a statement or its signing."""
    if len(text) > 1500 or _SALUTATION.search(fold(text[:200])):
        return None
    pieces = _pieces(text)
    if len(pieces) < _MIN_WITH_CUE:
        return None
    # Most paragraphs are prose: each item ends on a name (or holds a dash), so a run of two
    # needs two pieces that end on a capitalised word.
    ending = sum(1 for p in pieces if _ends_on_capital(p) or _DASH.search(p))
    if ending < _MIN_WITH_CUE:
        return None
    german = any(fold(p.split()[0]) in _GERMAN_ARTICLES for p in pieces[1:] if p.split())
    reader = _Reader(pieces, german)
    best: list[str] = []
    best_roles = 0
    at = 0
    while at < len(pieces):
        entries, roles, end = _run(reader, at)
        if len(entries) > len(best):
            best, best_roles = entries, roles
        at = max(end, at + 1)  # a run that starts inside this one ends where it ends
    # Two persons make a list only with their roles after a comma or a dash, in a sentence
    # about a statement: "the writer A and the painter B" is said of anyone in prose.
    two = len(best) == _MIN_WITH_CUE and best_roles == len(best) and _ABOUT.search(fold(text))
    if len(best) < _MIN_PERSONS and not two:
        return None
    return RoleRun(best, len(best), best_roles, False)


# A line that ends in the middle of a sentence: with a word (in lower case), no stop after it.
_OPEN_END = re.compile(r"(?:^|\s)[^\W\d_]*\s*$")
_MIN_CUT_WORDS = 8  # fewer words above the cut: a heading, not a sentence's first part


def sentences_across_blanks(lines: list[Line]) -> list[tuple[list[Line], str]]:
    """The paragraphs that one sentence spans across a blank line, with their lines joined: a
    paragraph whose last line ends on a word in lower case, no stop or comma after it, and
    the next one that opens with a capital ("… de la República del" / "Paraguay, …")."""
    found = []
    for position in range(len(lines) - 1):
        below = lines[position + 1]
        if not below.after_blank or not below.text[:1].isupper():
            continue
        last = _OPEN_END.search(lines[position].text)
        if last is None or not last.group().strip()[:1].islower() or lines[position].marked:
            continue
        start = position
        while start > 0 and not lines[start].after_blank:
            start -= 1
        end = position + 2
        while end < len(lines) and not lines[end].after_blank:
            end += 1
        if sum(len(line.text.split()) for line in lines[start : position + 1]) < _MIN_CUT_WORDS:
            continue  # a heading ("Joint statement") above its paragraph
        group = lines[start:end]
        found.append((group, " ".join(line.text for line in group)))
    return found


def fragment_of(lines: list[Line], group: list[Line]) -> bool:
    """Whether lines are a part of a joined group that does not start where it starts."""
    inside = {line.index for line in group}
    return {line.index for line in lines} <= inside and lines[0].index != group[0].index


def outnumbers(named: RoleRun | None, text: str, *others: RoleRun | None) -> bool:
    """Whether this module's reading names more persons than the other readings of the same
    paragraph. A name the other reading found right after a definite article ("Los
    Presidentes de la República X, A B; …") is the role of the first person, no person."""
    if named is None:
        return False
    for other in others:
        if other is None:
            continue
        persons = other.persons
        first = other.items[0].split(", ")[0]
        at = text.find(first)
        before = text[:at].split() if at > 0 else []
        if before and fold(before[-1]) in _ARTICLES:
            persons -= 2  # one person fewer, and its reading is out of step with the text
        if named.persons <= persons:
            return False
    return True
