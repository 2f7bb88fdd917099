"""Which paragraph names the signatories when no heading or block does (issue 22): of two
runs naming the same parties, the one that names the persons who signed for them; a paragraph
broken by hard line breaks, read joined; two bodies, each "Name (ABBR)", opening the text as
its subject. Called from running_text.find_in_running_text; the runs come from sentence_list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .countries import country_name_code
from .folding import fold
from .subject_lists import LEAD, without_lead
from .vocabulary import AND_WORDS

if TYPE_CHECKING:
    from .lines import Line
    from .sentence_list import SentenceList

_TRAILING_PAREN = re.compile(r"\(([^()]+)\)\s*$")


def _spells_out(persons: SentenceList, countries: SentenceList) -> bool:
    """Whether one run names a person for each country another run names: "Los gobiernos
    de A, B y C firmaron …" then "X (A), Y (B) y Z (C) felicitan …": the states signed
    through the persons, who are the entries."""
    if not countries.items or len(persons.items) != len(countries.items):
        return False
    if not all(country_name_code(item) for item in countries.items):
        return False
    named = [_TRAILING_PAREN.search(item) for item in persons.items]
    inside = {fold(match.group(1)) for match in named if match is not None}
    return len(inside) == len(named) and inside == {fold(item) for item in countries.items}


def better(
    found: SentenceList, other: SentenceList | None, threshold: float
) -> tuple[bool, SentenceList] | None:
    """Which run of names to keep when a paragraph's run (found) meets the best one so far
    (other): (True, found) when found is surer, None to keep other as it is. Where one run
    names a person for each country the other names, the persons are the list, as sure as
    the countries made them: (True, found) or (False, other), scored again."""
    if other is None:
        return True, found
    for persons, countries in ((found, other), (other, found)):
        if countries.score >= threshold and _spells_out(persons, countries):
            score = max(persons.score, countries.score)
            return persons is found, replace(persons, score=score)
    return (True, found) if found.score > other.score else None


def outranks(found: SentenceList, other: SentenceList | None, threshold: float) -> bool:
    """Whether a run of names is the list rather than the best so far (see better)."""
    kept = better(found, other, threshold)
    return kept is not None and kept[0]


# Where a line ends a sentence or a clause: a hard line break after anything else broke a
# sentence (a page copied with its layout's breaks, even inside "Name (\nABBR)").
_LINE_CLOSED = re.compile(r"[.!?:;…»”\"'。]\s*$")
# What a page's markup leaves of a link around a name: "Memur-Sen' class='x' title='y'>".
_TAG_LEFTOVER = re.compile(r"[^\s>]*['\"](?:\s+[\w-]+=['\"][^'\"]*['\"])+\s*/?>")
_MIN_WRAPPED = 3  # breaks inside sentences in a paragraph broken by hand, at least


def wrapped_paragraphs(lines: list[Line]) -> list[tuple[list[Line], str]]:
    """The paragraphs whose sentences a hard line break cuts again and again, each with its
    lines joined into one text ("… Konfederasyonu (\\nHAK-İŞ),\\n…" -> "… Konfederasyonu
    (HAK-İŞ), …"): a run of names written so is a list no single line shows."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not line.after_blank and line.index == groups[-1][-1].index + 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    found = []
    for group in groups:
        # Most breaks inside a sentence, and more than a title line left unclosed above.
        broken = sum(not _LINE_CLOSED.search(line.text) for line in group[:-1])
        if broken < _MIN_WRAPPED or broken * 2 < len(group) - 1:
            continue
        text = " ".join(line.text for line in group)
        text = _TAG_LEFTOVER.sub("", text).replace("( ", "(").replace(" )", ")")
        found.append((group, text))
    return found


def joined_outranks(
    found: SentenceList,
    group: list[Line],
    best: tuple[list[Line], SentenceList] | None,
    threshold: float,
) -> bool:
    """Whether the run of a paragraph joined from its broken lines is the list: sure enough,
    and naming more than the best run of one line when that line is one of its own (the
    line showed a piece of the run), else surer than it."""
    if found.score < threshold:
        return False
    if best is None:
        return True
    inside = {line.index for line in best[0]} <= {line.index for line in group}
    if inside:
        return len(found.items) > len(best[1].items)
    return outranks(found, best[1], threshold)


# "And" between two names in the scripts with capitals.
_PAIR_AND = "|".join(AND_WORDS)
# Two bodies, each with its short form in parentheses, joined by "and" as the subject that
# opens a text: "Η Ύπατη Αρμοστεία … (UNHCR) και η Εθνική Επιτροπή … (ΕΕΔΑ), …, εκφράζουν",
# "The X Union (XU) and the Y Network (YN) call on …". The predicate (or an apposition
# after a comma) follows the second.
_PAIR = re.compile(
    rf"^(?P<a>[^\W\d_][^(),.;:]{{2,120}}?)\s*\((?P<x>[^()\s][^()]{{0,15}})\)"
    rf"\s+(?:{_PAIR_AND})\s+(?P<b>[^\W\d_][^(),.;:]{{2,120}}?)\s*\((?P<y>[^()\s][^()]{{0,15}})\)"
    r"(?=\s*,|\s+[^\W\d_])",
)


def _short_form(text: str) -> bool:
    """An acronym: capitals for the most part ("UNHCR", "ΕΕΔΑ", "CCOO", "FNV"), no spaces."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        " " not in text
        and len(letters) >= 2
        and sum(ch.isupper() for ch in letters) * 2 > len(letters)
    )


def paired_subject(paragraph: str) -> list[str]:
    """The two bodies named as the subject at the start of a paragraph, each as "Name
    (ABBR)" (see _PAIR), or []. Persons ("President X and Prime Minister Y"), two names
    without short forms, or a pair inside the sentence give nothing: too common in prose."""
    found = _PAIR.match(without_lead(paragraph.strip(), True))
    if found is None:
        return []
    first, second = found["a"].strip(), LEAD.sub("", found["b"].strip())
    if not (_short_form(found["x"]) and _short_form(found["y"])):
        return []
    if not (first[:1].isupper() and second[:1].isupper()):
        return []
    if len(first.split()) < 2 or len(second.split()) < 2:
        return []
    return [f"{first} ({found['x']})", f"{second} ({found['y']})"]


_OPENING_LINES = 3  # the pair opens the text: its first lines, a title above it at most


def opening_pair(lines: list[Line]) -> tuple[Line, list[str]] | None:
    """The line among the text's first ones that opens with two bodies as its subject (see
    paired_subject), with the two, or None."""
    for line in lines[:_OPENING_LINES]:
        pair = paired_subject(line.text)
        if pair:
            return line, pair
    return None
