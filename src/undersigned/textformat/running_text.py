"""Signatories named in running text, for a statement whose lines hold no list of their own.

blocks.find_signatories calls find_in_running_text when headings, tables, sign-offs and
trailing runs found nothing. It tries, in this order: a heading with its list on the same
line; a sentence among the first lines naming the signatories (inline); the paragraph that
most looks like a list of names in any script (sentence_list), also with its hand-made line
breaks joined and across a blank line that cuts a sentence; then persons after a verb of
signing or below "for <Body>"; persons in a paragraph a PDF wrapped inside names; persons
parted by semicolons under a colon line; two bodies opening the text; the few named after
"among them are"; and last, bodies written with spaces only in Arabic script.
"""

from __future__ import annotations

from collections.abc import Callable

from .among_persons import among_persons
from .among_runs import among_entries
from .behalf_signoff import behalf_entries
from .cjk_including import including_bodies
from .closing_members import closing_members
from .counted_parens import counted_entries
from .headed_lines import heading_line_entries
from .honorific_names import honorific_persons, without_broken_tail
from .inline import inline_entries
from .lines import Line
from .odd_separators import paren_person_run
from .plan import HOW_SURE, Entry, Plan
from .role_named import fragment_of, sentences_across_blanks
from .sample_lists import sample_entries
from .semicolon_persons import semicolon_paragraphs
from .sentence_list import SENTENCE_LIST, item_confidence, sentence_list
from .signed_by_bodies import signed_by_bodies
from .signing_clauses import signed_clause
from .spaced_lists import spaced_list
from .subject_paragraphs import better, joined_outranks, opening_pair, wrapped_paragraphs
from .we_persons import we_persons


def _one_line(
    lines: list[Line], plan: Plan, find: Callable[[str], list[str]], how: str, role: str, why: str
) -> bool:
    """The entries of the first line that names them all, if any line does."""
    for line in lines:
        found = find(line.text)
        if found:
            plan.entries.extend(
                Entry(text, None, None, [line.index], HOW_SURE[how]) for text in found
            )
            plan.mark(line, role, why)
            return True
    return False


# The finders that take a list from one line, tried in order: what each finds, how sure it
# is, and among how many first lines it looks (None: all).
_ONE_LINE_FINDERS: tuple[tuple[Callable[[str], list[str]], str, str, int | None], ...] = (
    (heading_line_entries, "lead-in", "a signatories heading with its list on the same line", None),
    (inline_entries, "inline", "a sentence that names the signatories", 8),
    (
        honorific_persons,
        "inline",
        "persons named with an honorific in a sentence about signing",
        None,
    ),
    (
        including_bodies,
        "inline",
        "bodies given as examples (包括…等) in a sentence about co-signing",
        None,
    ),
)


def find_in_running_text(lines: list[Line], plan: Plan) -> None:
    """The signatories named in running text, when no list stands apart from it: a heading
    with its list on one line, a sentence naming them, then the shapes below in turn."""
    for find, how, why, first in _ONE_LINE_FINDERS:
        role = "heading" if find is heading_line_entries else "body"
        if _one_line(lines[:first], plan, find, how, role, why):
            return
    if _closing(lines, plan) or _first_found(lines, plan, _FRAMED):
        return
    # Running text in any script: the paragraph that most looks like a list of names.
    best = None
    for line in lines:
        found = sentence_list(line.text)
        kept = better(found, best[1] if best else None, SENTENCE_LIST) if found else None
        if kept is not None:
            best = ([line] if kept[0] or best is None else best[0], kept[1])
    # A paragraph broken by hand again and again: its lines joined, whose run outranks the
    # piece of it one of its lines shows.
    for group, text in wrapped_paragraphs(lines):
        found = sentence_list(text)
        if found is not None and joined_outranks(found, group, best, SENTENCE_LIST):
            best = (group, found)
    # One sentence cut by a blank line (a PDF's column break): its paragraphs joined. A run
    # read from the piece below the cut starts in the middle of the sentence: the whole wins.
    for group, text in sentences_across_blanks(lines):
        found = sentence_list(text)
        if found is None or found.score < SENTENCE_LIST:
            continue
        cut = best is not None and fragment_of(best[0], group)
        if cut or joined_outranks(found, group, best, SENTENCE_LIST):
            best = (group, found)
    if best is None or best[1].score < SENTENCE_LIST:
        if _signed_clause(lines, plan) or _wrapped(lines, plan) or _semicolons(lines, plan):
            return
        pair = opening_pair(lines)
        if pair is not None:
            for text in pair[1]:
                plan.entries.append(Entry(text, None, None, [pair[0].index], HOW_SURE["inline"]))
            plan.mark(
                pair[0], "body", "opens with two bodies, each with its short form, as its subject"
            )
            return
        if _among(lines, plan):
            return
        _spaced(lines, plan)
        return
    group, found = best
    # A paragraph that breaks off inside its last item: that item is not whole.
    whole = without_broken_tail(found.items, group[-1].text)
    for position, text in enumerate(whole):
        sure = item_confidence(found, position)
        plan.entries.append(Entry(text, None, None, [line.index for line in group], sure))
    shown = ", ".join(f"{k} {v:g}" for k, v in found.features.items())
    for line in group:
        plan.mark(
            line, "body", f"names the signatories in running text (score {found.score}: {shown})"
        )


# Sentences whose frame says what their names are, so long names or few pass, tried in order
# before the general search.
_FRAMED: tuple[tuple[Callable[[str], list[str]], str], ...] = (
    (sample_entries, "names a sample of the signers after 'such as' (see sample_lists)"),
    (
        counted_entries,
        "counts the bodies, then names as many in parentheses (see counted_parens)",
    ),
    (we_persons, "opens with 'We, <group>, A, B and C' (see we_persons)"),
)
# Tried last, so that the readers of persons each after a role come first.
_LATE: tuple[tuple[Callable[[str], list[str]], str], ...] = (
    (among_persons, "names persons after 'among the signers are' (see among_persons)"),
    (
        signed_by_bodies,
        "names the bodies right after 'the text was signed by' (see signed_by_bodies)",
    ),
)


def _first_found(
    lines: list[Line], plan: Plan, finders: tuple[tuple[Callable[[str], list[str]], str], ...]
) -> bool:
    """The entries of the first finder that names them in one line, if any does."""
    return any(_one_line(lines, plan, find, "inline", "body", why) for find, why in finders)


def _closing(lines: list[Line], plan: Plan) -> bool:
    closing = closing_members(lines)
    if closing is None:
        return False
    for text in closing[1]:
        plan.entries.append(Entry(text, None, None, [closing[0].index], HOW_SURE["inline"]))
    plan.mark(closing[0], "body", "closes the text: members on one line under a name line")
    return True


def _among(lines: list[Line], plan: Plan) -> bool:
    """The few signers named after "among them are -" (see among_runs), else the persons
    after "among the signers are" (among_persons), the bodies after "signed by"
    (signed_by_bodies)."""
    for position, line in enumerate(lines):
        found = among_entries(line.text, position == len(lines) - 1)
        if found:
            indexes = [line.index]
            plan.entries.extend(Entry(t, None, None, indexes, HOW_SURE["inline"]) for t in found)
            plan.mark(line, "body", "names signers after 'among them are -'")
            return True
    return _first_found(lines, plan, _LATE)


def _signed_clause(lines: list[Line], plan: Plan) -> bool:
    """Persons below a line "for <Body>", else the persons a sentence names right after
    "the statement was signed by" (see behalf_signoff, signing_clauses)."""
    below = behalf_entries([line.text for line in lines])
    if below is not None:
        taken, found = lines[below[0] + 1 :], below[1]
        plan.mark(lines[below[0]], "body", "names the body the persons below sign for")
    else:
        taken = [line for line in lines if signed_clause(line.text)][:1]
        if not taken:
            return False
        found = signed_clause(taken[0].text)
        plan.mark(taken[0], "body", "names the signers right after a verb of signing")
    indexes = [line.index for line in taken]
    plan.entries.extend(Entry(text, None, None, indexes, HOW_SURE["inline"]) for text in found)
    return True


def _wrapped(lines: list[Line], plan: Plan) -> bool:
    """A run "Name (role); Name (role); …" in a paragraph whose lines a PDF wrapped
    anywhere, inside names too (see odd_separators): read with its lines joined."""
    starts = [n for n, line in enumerate(lines) if n == 0 or line.after_blank]
    for start, end in zip(starts, [*starts[1:], len(lines)][: len(starts)], strict=True):
        paragraph = lines[start:end]
        if len(paragraph) < 2:
            continue
        found = paren_person_run(" ".join(line.text for line in paragraph))
        if not found:
            continue
        indices = [line.index for line in paragraph]
        sure = HOW_SURE["inline"]
        plan.entries.extend(Entry(text, None, None, indices, sure) for text in found)
        for line in paragraph:
            plan.mark(line, "body", f"names {len(found)} persons, its lines wrapped inside names")
        return True
    return False


def _semicolons(lines: list[Line], plan: Plan) -> bool:
    """Paragraphs "office, Name; office, Name; …" under a colon line (see semicolon_persons)."""
    found = semicolon_paragraphs(lines)
    for texts, group, indexes in found:
        sure = HOW_SURE["inline"]
        plan.entries.extend(Entry(text, None, group, indexes, sure) for text in texts)
        for index in indexes:
            plan.roles[index] = ("body", f"names {len(texts)} persons parted by semicolons")
    return bool(found)


def _spaced(lines: list[Line], plan: Plan) -> None:
    """Bodies written with spaces only, in Arabic script (see spaced_lists): the longest run."""
    best: tuple[Line, list[str]] | None = None
    for line in lines:
        found = spaced_list(line.text)
        if found and (best is None or len(found) > len(best[1])):
            best = (line, found)
    if best is None:
        return
    line, found = best
    for text in found:
        plan.entries.append(Entry(text, None, None, [line.index], HOW_SURE["inline"]))
    plan.mark(line, "body", f"names {len(found)} bodies, each opened by the noun of its kind")


__all__ = ["find_in_running_text"]
