"""Finding the signatory list (or lists) among the lines of a statement.

Every non-blank line gets a role. The list is looked for in this order, and the first
way that finds entries wins:

1. under headings: the vocabulary, or short lines about signing ("Les signataires :");
   several headed blocks make one list (a list split by endnotes);
2. tables ("N | Name | Country"), which need no heading, and win over headed blocks they
   outnumber (see table_lists for several tables under group headings);
3. with no heading, after a sign-off ("Sincerely,") or a place-and-date line;
4. a trailing run of entry-like lines at the end of the text;
5. signatories named in running text ("… Tresorit und Tutanota."): see running_text.

Inside a block each line is an entry, a group heading, the continuation of a wrapped
entry, or the end of the block. What follows the last block is a footer when it is
shorter than the text before the list. Decisions look at lines, never at blank-line
layout, so that a rendered document (which has its own layout) reads back alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import tables
from .behalf_signoff import leading_body
from .capacity_notes import capacity_note
from .categories import capitals_category, capitals_over_entries
from .classify import Likeness, entry_likeness
from .closing_names import closing_names
from .contacts import contact_line
from .countries import country_name_code, is_region
from .dated_cells import take_dated_table
from .described_persons import described_person
from .features import context_at
from .folding import fold
from .headings import (
    COLON_LEADIN,
    FURTHER,
    INVITATION,
    SHORT_HEADING,
    as_of_line,
    footer_line,
    group_heading,
    list_heading,
    place_date_line,
    sign_off,
    undersigned_cue,
    vocabulary_heading,
)
from .joint_pairs import joint_pair
from .leadins import (
    entry_after_leadin,
    last_after_separator,
    leadin,
    list_line,
    opens_a_run,
    strip_separator,
    without_glued_and,
)
from .lines import Line, nonblank_lines
from .named_bodies import names_bodies
from .odd_separators import separated_items
from .paragraph_entries import few_entries, persons_in_paragraph
from .paren_lists import names_with_short_forms
from .persons import is_person_name
from .plan import HOW_SURE, Entry, Plan
from .run_groups import colon_group, run_above
from .running_text import find_in_running_text
from .semicolon_persons import semicolon_paragraphs, semicolon_persons
from .separated_lines import lone_separated_line, without_cut_tail
from .stanzas import opens_stanzas, stanza_size, stanza_text
from .table_lists import read_tables, table_ahead
from .titled_rows import titled_rows
from .wrapping import continues, split_glued

ENTRY, PROSE = 0.45, 0.3  # likeness above which a line is an entry / below which it is prose


@dataclass
class _Block:
    entries: list[Entry]
    roles: dict[int, tuple[str, str]]
    end: int  # position (in the non-blank lines) of the first line not taken
    as_of: str | None = None  # an "as of" line inside the block
    stanzas: bool = False  # one entry a paragraph of lines (see stanzas)


# Words that name a kind of signatory in a group heading ("Organisations nationales").
# Not "international": it ends too many names ("Amnesty International").
_GROUP_WORDS = re.compile(
    r"\b(?:national\w*|regional\w*|local\w*|organi[sz]ations|organisationen"
    r"|organizaciones|organizacoes|organizzazioni|individuals|personnes|persons|personas"
    r"|pessoas|persone|personalit\w*|einzelpersonen|unions|syndicats|sindicatos|parties|partis"
    r"|partidos|ngos|ong|networks|reseaux|academics|members|mitglieder|miembros|associations"
    r"|verbande|companies|entreprises|unternehmen|empresas|kurumlar|bireyler|orgutler)\b"
)


def _group_like(line: Line, following: Line | None, marked_list: bool) -> str | None:
    """A heading inside a list ("Africa", "Maryland:", "Organisations nationales")."""
    if line.marked or following is None or len(line.text) > 80:
        return None
    if line.text.endswith((".", "!", "?", ",", ";")):
        return None
    if marked_list:
        if not following.marked:
            return None
        return group_heading(line.text, True)
    # In a list without markers an explicit heading shape makes a group, and so does a
    # line naming a kind of signatory that opens a paragraph of entries. (A rendered list
    # always has markers, so looking at blank lines here keeps the fixed point.)
    if line.text.endswith(":") or is_region(line.text) or country_name_code(line.text):
        return group_heading(line.text, False)
    if capitals_category(line.text, following.text):
        return line.text
    opens_paragraph = line.after_blank and not following.after_blank
    opens_paragraph = opens_paragraph or capitals_over_entries(line.text, following.text)
    if (
        opens_paragraph
        and len(line.text) <= 60
        and len(line.text.split()) <= 4
        and not any(ch in line.text for ch in "(),|")
        and _GROUP_WORDS.search(fold(line.text))
    ):
        return line.text
    return None


def _collect(lines: list[Line], start: int, how: str, stop: int | None = None) -> _Block:
    """The entries from lines[start] on, up to the first line that is not part of a list
    (or up to lines[stop])."""
    roles: dict[int, tuple[str, str]] = {}
    entries: list[Entry] = []
    position = start
    # An explanation or two may sit between the heading and the entries.
    skipped = 0
    while (
        position < len(lines)
        and skipped < 2
        and how == "heading"
        and not lines[position].marked
        and entry_likeness(lines[position].text).score < PROSE
        and list_heading(lines[position].text) is None
        and not _opens_group(lines, position)
        and not table_ahead(lines, position)
    ):
        roles[lines[position].index] = ("note", "an explanation under the heading")
        position += 1
        skipped += 1
    if table_ahead(lines, position):
        return _collect_table(lines, position, how, roles)
    marked_list = position < len(lines) and lines[position].marked
    if not marked_list and position < len(lines) - 1:
        marked_list = _group_like(lines[position], lines[position + 1], True) is not None
    group: str | None = None
    stop = len(lines) if stop is None else stop
    if not marked_list and opens_stanzas(lines, position, stop):
        return _collect_stanzas(lines, position, how, stop, roles)
    while position < stop:
        line = lines[position]
        following = lines[position + 1] if position + 1 < len(lines) else None
        heading = None if line.marked else list_heading(line.text)
        # Inside a list, a short line with a signing word may be a name ("Firma Müller").
        if heading is not None and not (
            entries and heading == SHORT_HEADING and _entry_score(line) >= ENTRY
        ):
            break  # the next list, or a heading with nothing under it
        reason = footer_line(line.text)
        if reason is not None or _footnote(line, entries):
            break
        why = continues(entries[-1].text, line.text) if entries and not line.marked else None
        if why and not last_after_separator(entries[-1].text, line.text):
            entries[-1].text += " " + line.text
            entries[-1].lines.append(line.index)
            roles[line.index] = ("continuation", f"continues the entry above: {why}")
            position += 1
            continue
        heading = _group_like(line, following, marked_list)
        if heading is not None and (following is not None and _entry_score(following) >= PROSE):
            group = heading
            roles[line.index] = ("group", "a heading inside the list")
            position += 1
            continue
        if how == "trailing" and entries and _date_between(line, following):
            roles[line.index] = ("body", "a date between two runs of entries")
            position += 1
            continue
        if not line.marked and place_date_line(line.text):
            break
        likeness = _likeness(lines, position, stop, entries, how)
        threshold = ENTRY
        if line.marked:
            threshold = 0.15 if how == "heading" else PROSE
        if marked_list and not line.marked:
            if not _marks_lost(lines, position, stop):
                break
            # Some lines of the list lost their marker ("– A" / "B" / "– C"): from here on
            # an unmarked line is read as in a list without markers.
            marked_list = False
        named = _several_in_line(how, line, following, entries, group, likeness.score)
        if named:
            entries.extend(named)
            roles[line.index] = ("entry", f"names {len(named)} entries in one line")
            position += 1
            continue
        if likeness.score < threshold and not _shaped_like_neighbours(entries, line, following):
            break
        for text in split_glued(line.content):
            # Both must hold: the block is the list (how it was found) and the line is an
            # entry (the line model's probability). A sum let a doubtful line under a heading
            # pass for sure (dev: wrong fields marked unsure 0.13 before, 0.79 now).
            sure = HOW_SURE[how] * likeness.score
            entries.append(Entry(text, line.number, group, [line.index], _round2(sure)))
        roles[line.index] = ("entry", likeness.reason)
        position += 1
    _finish(entries, how)
    return _Block(entries, roles, position)


# Confidence -> rounded: round() writes the float out in decimal (a third of a
# microsecond), for every line of a list, whose lines share a few confidences.
_ROUNDED: dict[float, float] = {}


def _round2(value: float) -> float:
    """round(value, 2), remembered."""
    rounded = _ROUNDED.get(value)
    if rounded is None:
        rounded = round(value, 2)
        if value > 0 and len(_ROUNDED) < 1024:  # not -0.0, which 0.0 would answer for
            _ROUNDED[value] = rounded
    return rounded


def _collect_stanzas(
    lines: list[Line], position: int, how: str, stop: int, roles: dict[int, tuple[str, str]]
) -> _Block:
    """One entry a stanza ("Jane Doe" / "Chair, Friends of the Earth" / "Tel. …")."""
    entries: list[Entry] = []
    while position < stop and (size := stanza_size(lines, position, stop)):
        stanza = lines[position : position + size]
        sure = round(HOW_SURE[how] * max(0.6, _entry_score(stanza[0])), 2)
        entries.append(
            Entry(stanza_text(stanza), None, None, [line.index for line in stanza], sure)
        )
        roles[stanza[0].index] = ("entry", "a person's name opening a stanza of the list")
        for line in stanza[1:]:
            roles[line.index] = ("continuation", "a line of the stanza above")
        position += size
    return _Block(entries, roles, position, stanzas=True)


def _likeness(
    lines: list[Line], position: int, stop: int, entries: list[Entry], how: str
) -> Likeness:
    """How much lines[position] looks like one more entry of a list found so."""
    line = lines[position]
    if _established(entries, line, how):
        return _LIKE_THE_OTHERS
    if how == "lead-in":
        return _after_leadin(lines, position, stop, entries)
    likeness = entry_likeness(line.content, context_at(lines, position))
    if how in ("sign-off", "heading") and likeness.score < ENTRY and not line.marked:
        # Names one a line after "Sincerely," or "Belgrade, 11 February 2009", or under a
        # signatories heading, as under a lead-in: names written in sentence case
        # ("Kuća ljudskih prava", "Rädda barnen"), which the line model alone takes for prose.
        return _after_leadin(lines, position, stop, entries)
    return likeness


def _after_leadin(lines: list[Line], position: int, stop: int, entries: list[Entry]) -> Likeness:
    """How much lines[position], under a lead-in, looks like one entry of its list."""
    above = entries[-1].text if entries else None
    # The first of a run of short capitalized lines is judged as one of the run.
    if above is None and opens_a_run([line.content for line in lines[position:stop][:3]]):
        above = ""
    return entry_after_leadin(lines[position].content, above)


# Footnote marks after a name ("Scholars at Risk*", "Jane Doe†"): the name's note, not its name.
_NOTE_MARKS = ("*", "†", "‡")


def _finish(entries: list[Entry], how: str) -> None:
    """The entries without the separators and the "and" that join them in the text."""
    if len(entries) >= 3:
        entries[-1].text = without_glued_and(entries[-2].text, entries[-1].text)
    for entry in entries:
        entry.text = strip_separator(entry.text, how == "lead-in")
        if entry.text.endswith(_NOTE_MARKS) and len(entry.text) > 1:
            entry.text = entry.text.rstrip("".join(_NOTE_MARKS)).rstrip()


def _footnote(line: Line, entries: list[Entry]) -> bool:
    """ "* Member of the steering group" below entries that carry the mark: their note."""
    mark = line.text[:1]
    return (
        mark in _NOTE_MARKS
        and line.after_blank
        and any(entry.text.rstrip().endswith(mark) for entry in entries)
    )


_RESUMES_WITHIN = 4  # unmarked lines at most between two marked ones of one list


def _marks_lost(lines: list[Line], position: int, stop: int) -> bool:
    """Whether the unmarked lines[position] is an entry whose marker was lost: it and the
    few unmarked lines below it look like entries, and the marked list resumes after them
    ("– Association A (AA)" / "Groupe B (GB)" / "– Réseau C (RC)")."""
    for ahead in range(position, min(position + _RESUMES_WITHIN + 1, stop)):
        line = lines[ahead]
        if line.marked:
            return ahead > position and _entry_score(line) >= ENTRY
        if (
            line.text.endswith((":", "!", "?"))
            or list_heading(line.text) is not None
            or footer_line(line.text) is not None
            or _entry_score(line) < ENTRY
        ):
            return False
    return False


def _date_between(line: Line, following: Line | None) -> bool:
    """A date between two runs of entries: the run above was signed on that date, the
    run below goes on."""
    return _dated(line) and following is not None and _entry_score(following) >= ENTRY


def _named_in_line(line: Line, group: str | None) -> list[Entry]:
    """ "Οι Ομοσπονδίες A, B, C." under a lead-in: one line naming several entries."""
    persons = semicolon_persons(line.content)  # "office, Name; office, Name; …"
    if persons:
        sure = HOW_SURE["lead-in"]
        return [Entry(text, line.number, group, [line.index], sure) for text in persons]
    named = list_line(line.content)
    if named is None:
        return []
    sure = round(HOW_SURE["lead-in"] * 0.6 + named.score * 0.4, 2)
    items = without_cut_tail(named.items)
    return [Entry(text, line.number, group, [line.index], sure) for text in items]


def _several_in_line(
    how: str,
    line: Line,
    following: Line | None,
    entries: list[Entry],
    group: str | None,
    score: float,
) -> list[Entry]:
    """The entries of one line that names several: a weak line under a lead-in, or a
    heading's only line ("Signatories" / "ARTICLE 19, CIVICUS, Front Line Defenders, …")."""
    if how == "lead-in" and score < ENTRY:
        return _named_in_line(line, group)
    if how in ("lead-in", "heading") and not entries and not line.marked:
        # "A | B (BB) | C": names between pipes, as the list's one line (not one entry's
        # fields, "Jane Doe | Berlin | Germany").
        items = separated_items(line.content)
        if items and not any(country_name_code(item) or is_region(item) for item in items):
            return _named_in_line(line, group)
    # A lead-in's one paragraph ("The first signers are:" / "A (role), B (role), …") too.
    if how not in ("heading", "lead-in") or entries or line.marked or line.text.count(", ") < 3:
        return []
    if is_person_name(line.content.partition(", ")[0]):
        return []  # "Ann Moe, Lecturer, Wilbur Wright College, Chicago": one person
    alone = following is None or _entry_score(following) < ENTRY
    return _named_in_line(line, group) if alone else []


_LIKE_THE_OTHERS = Likeness(0.9, "a list item like the many above it")


def _established(entries: list[Entry], line: Line, how: str) -> bool:
    """Deep in a long list under a heading, a plain list item needs no closer look (this
    keeps a 5 MB list fast)."""
    return (
        how in ("heading", "lead-in")
        and line.marked
        and len(entries) >= 20
        and len(line.content) <= 160
        and not line.content.endswith((".", "!", "?", ":"))
    )


def _shaped_like_neighbours(entries: list[Entry], line: Line, following: Line | None) -> bool:
    """A weak line between entries that has their shape ("caroline ponder, assistant
    professor of geography, florida state university" among capitalized entries)."""
    if not entries or following is None or line.text.endswith((".", "!", "?", ":")):
        return False
    if _entry_score(following) < ENTRY or entry_likeness(line.content).score < 0.1:
        return False
    return abs(line.content.count(",") - entries[-1].text.count(",")) <= 1 and abs(
        len(line.content) - len(entries[-1].text)
    ) <= max(40, len(entries[-1].text))


def _opens_group(lines: list[Line], position: int) -> bool:
    following = lines[position + 1] if position + 1 < len(lines) else None
    return _group_like(lines[position], following, True) is not None


def _entry_score(line: Line) -> float:
    return entry_likeness(line.content).score


def _collect_table(
    lines: list[Line], start: int, how: str, roles: dict[int, tuple[str, str]]
) -> _Block:
    """The entries of the tables from lines[start] on (see table_lists)."""
    found = read_tables(lines, start)
    if found is None:
        return _Block([], roles, start)
    for position, role in found.roles.items():
        roles[lines[position].index] = role
    entries: list[Entry] = []
    sure = round(HOW_SURE[how] * 0.6 + 0.35, 2)
    for segment in found.segments:
        group = segment.heading if found.grouped else None
        rows = [row.cells for row in segment.rows]
        columns = tables.columns(rows)
        if how == "table" and not columns.names:
            continue  # without a heading, a table of sentences is layout, not a list
        reads = tables.row_entries(rows, columns)
        why = f"a table row ({columns.describe()})"
        for row, read in zip(segment.rows, reads, strict=True):
            first = lines[row.positions[0]]
            if read is None:
                roles[first.index] = ("decoy", "a table row without a name")
                continue
            indexes = [lines[p].index for p in row.positions]
            entries.append(Entry(read.text, read.number, group, indexes, sure, read.country, True))
            roles[first.index] = ("entry", why)
    return _Block(entries, roles, found.end, found.as_of)


def _take(plan: Plan, block: _Block) -> None:
    plan.entries.extend(block.entries)
    plan.signatories_as_of = plan.signatories_as_of or block.as_of
    plan.roles.update(block.roles)


def _headed(lines: list[Line], plan: Plan) -> int | None:
    """Take every block under a heading; the position after the last one, or None."""
    position, last_end = 0, None
    while position < len(lines):
        line = lines[position]
        reason = list_heading(line.text)
        if reason is None:
            position += 1
            continue
        metadata = vocabulary_heading(line.text)
        # "Το κάλεσμα μέχρι στιγμής υπογράφουν:" introduces its list as a lead-in does.
        how = "lead-in" if reason == COLON_LEADIN else "heading"
        block = _collect(lines, position + 1, how)
        if how == "heading" and few_entries(len(block.entries)):
            _split_paragraphs(block)
        if block.entries or metadata is not None:
            plan.mark(line, "heading", reason)
            if metadata is not None:
                plan.signatories_as_of = plan.signatories_as_of or metadata[0]
                plan.further = plan.further or metadata[1]
        if block.entries:
            # "Endorses as of November 19, 2021:" heads the list and dates it.
            plan.signatories_as_of = plan.signatories_as_of or as_of_line(line.text)
            _take(plan, block)
            last_end = block.end
            position = block.end
        else:
            position += 1
    return last_end


def _split_paragraphs(block: _Block) -> None:
    """A paragraph under the heading that names several persons, taken for one entry:
    that many entries (see paragraph_entries)."""
    entries: list[Entry] = []
    for entry in block.entries:
        found = persons_in_paragraph(entry.text) if len(entry.lines) == 1 else None
        if found is None:
            entries.append(entry)
            continue
        sure = round(HOW_SURE["heading"] * 0.6 + found.score * 0.4, 2)
        for text in found.items:
            entries.append(Entry(text, None, entry.group, entry.lines, sure))
        why = f"names {len(found.items)} persons in one paragraph"
        block.roles[entry.lines[0]] = ("entry", why)
    block.entries = entries


def _without_heading(lines: list[Line], plan: Plan) -> int | None:
    """With no heading from the vocabulary: the list after a sign-off, else the trailing
    run; but a list under a lead-in wins when it holds as many entries or more (a lead-in
    often sits above a run that a line like "Αρκτούρος," cuts short as a sign-off)."""
    led, other = Plan(), Plan()
    led_end = _led_in(lines, led)
    lead = min((i for i, (role, _) in led.roles.items() if role == "heading"), default=-1)
    other_end = _after_sign_off(lines, other)
    # A lead-in list that closes the text leaves no longer trailing run to find.
    closes = led_end is not None and all(footer_line(line.text) for line in lines[led_end:])
    if other_end is None and not closes:
        other_end = _trailing(lines, other)
    if led_end is None or other_end is None:
        chosen, end = (led, led_end) if led_end is not None else (other, other_end)
    elif _goes_on_under(lines, other_end, lead, led):
        # "Belgrade, 11 February 2009" / names / "Supported by:" / more names: one list.
        other.entries.extend(led.entries)
        other.roles.update(led.roles)
        chosen, end = other, led_end
    elif max(i for entry in other.entries for i in entry.lines) < lead:
        chosen, end = other, other_end  # the list, then a lead-in to contacts or notes
    # A run that took the lead-in itself as a line of the list, with a line or two above
    # it, is that list read from too high ("Изявление" / "Подписали:" / "1. …").
    elif _read_from_too_high(other, lead) or len(led.entries) >= len(other.entries):
        chosen, end = led, led_end
    else:
        chosen, end = other, other_end
    plan.entries.extend(chosen.entries)
    plan.roles.update(chosen.roles)
    return end


def _goes_on_under(lines: list[Line], end: int, lead: int, led: Plan) -> bool:
    """Whether the list ends right on a lead-in above three entries or more: a second
    block of the same list ("Supported by:")."""
    return end < len(lines) and lines[end].index == lead and len(led.entries) >= 3


def _read_from_too_high(other: Plan, lead: int) -> bool:
    above = sum(1 for entry in other.entries if entry.lines[0] < lead)
    return lead in other.roles and above <= 2


def _led_in(lines: list[Line], plan: Plan) -> int | None:
    """The longest run of entries under a lead-in that ends with a colon, when no heading
    from the vocabulary opened a list; the position after it, or None."""
    best: tuple[int, _Block] | None = None
    above = 0  # characters of the lines above the candidate
    below: list[int] = []  # characters from each line on, footers aside (made when needed)
    taken = 0  # lines inside a block already read are not lead-ins of another
    for position, line in enumerate(lines[:-1]):
        above += len(lines[position - 1].text) if position else 0
        # Below a list item it is a group heading of that list ("Maryland:").
        if (
            position < taken
            or leadin(line.text) is None
            or footer_line(line.text) is not None
            or (position and lines[position - 1].marked)
        ):
            continue
        block = _collect(lines, position + 1, "lead-in")
        taken = block.end
        if len(block.entries) < 2:
            continue
        if not below:
            below = _text_below(lines)
        # Two entries are a list only when nothing but footers follows them; a list of
        # demands leads into more of the statement, signatories close it.
        enough = (len(block.entries) >= 3 or below[block.end] == 0) and below[block.end] <= above
        # Names each with its short form in brackets are bodies, whatever text follows.
        enough = enough or names_with_short_forms([entry.text for entry in block.entries])
        if enough and (best is None or len(block.entries) >= len(best[1].entries)):
            best = (position, block)
    if best is None:
        return None
    lead, block = best
    line = lines[lead]
    if _group_of_run_above(lines, lead, block, plan):
        return block.end
    plan.mark(line, "heading", leadin(line.text) or "")
    _take(plan, block)
    return block.end


def _group_of_run_above(lines: list[Line], lead: int, block: _Block, plan: Plan) -> bool:
    """Names one a line after the prose, then "Veterans of the uprising:" and more names:
    one list, the colon line the group of the names below it (see run_groups)."""
    line = lines[lead]
    start = run_above(lines, lead, _entry_score, 0.6, PROSE)
    if start is None:
        return False
    above = _collect(lines, start, "trailing", lead)
    if above.end != lead or len(above.entries) < 3:
        return False
    group = colon_group(line)
    for entry in block.entries:
        entry.group = entry.group or group
    _take(plan, above)
    plan.mark(line, "group", "a group heading after a run of names that follows the text")
    _take(plan, block)
    return True


def _text_below(lines: list[Line]) -> list[int]:
    """For each position, the characters of the lines from there on that are not footers."""
    below = [0] * (len(lines) + 1)
    for position in range(len(lines) - 1, -1, -1):
        text = lines[position].text
        below[position] = below[position + 1] + (0 if footer_line(text) else len(text))
    return below


def _tables(lines: list[Line], plan: Plan) -> int | None:
    """With no heading: the longest run of tables (three rows at least), with the heading
    line above it."""
    best: _Block | None = None
    position = 0
    while position < len(lines):
        if not tables.is_row(lines[position].text) or not table_ahead(lines, position):
            position += 1
            continue
        start = position
        while start > 0 and start > position - 2 and table_ahead(lines, start - 1):
            start -= 1
        block = _collect_table(lines, start, "table", {})
        if best is None or len(block.entries) > len(best.entries):
            best = block
        position = max(block.end, position + 1)
    if best is None or len(best.entries) < 3:
        return None
    _take(plan, best)
    return best.end


def _after_sign_off(lines: list[Line], plan: Plan) -> int | None:
    """Entries right after the last sign-off or place-and-date line."""
    for position in range(len(lines) - 2, -1, -1):
        line = lines[position]
        reason = sign_off(line.text) or ("a place and date" if place_date_line(line.text) else None)
        if reason is None:
            continue
        block = _collect(lines, position + 1, "sign-off")
        needed = 2 if sign_off(line.text) else 3
        # A closing comes near the end: the text below the list is shorter than above it.
        below = sum(len(other.text) for other in lines[block.end :])
        above = sum(len(other.text) for other in lines[:position])
        if len(block.entries) >= needed and below < above:
            plan.roles[line.index] = ("body", f"{reason} before the list")
            _take(plan, block)
            return block.end
        if _names_closing(lines, position + 1, plan):
            plan.roles[line.index] = ("body", f"{reason} before the signers' line")
            return position + 2
    return None


def _names_closing(lines: list[Line], position: int, plan: Plan) -> bool:
    """The last line of the text (footers aside) names the few signers ("A, B")."""
    if any(footer_line(line.text) is None for line in lines[position + 1 :]):
        return False
    line = lines[position]
    names = None if line.marked else closing_names(line.text)
    if names is None:
        return False
    sure = HOW_SURE["sign-off"]
    plan.entries.extend(Entry(name, None, None, [line.index], sure) for name in names)
    plan.mark(line, "entry", "names the signers, below the place and date or sign-off")
    return True


# A date in any language, maybe with a place ("25 марта 2006 г. Киев", "Київ, 2 травня
# 2014"): a day, a month word, a year. Between two runs of signatures it dates the first.
_DATED = re.compile(r"^(?:[^\W\d_][^\d,]{0,40},\s*)?\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}\b")


def _dated(line: Line) -> bool:
    return not line.marked and len(line.text) <= 60 and bool(_DATED.match(line.text))


def _cut_off(lines: list[Line], end: int) -> bool:
    """The last line is a word cut short where the copied text stops ("чл" below a run
    of entries): too short for a name, in lower case."""
    text = lines[end - 1].text
    return end >= 2 and len(text) <= 3 and text.isalpha() and text.islower()


def _trailing(lines: list[Line], plan: Plan) -> int | None:
    """A run of entries that ends the text (after footers), found walking backwards."""
    end = len(lines)
    while end > 0 and (_closing(lines[end - 1].text) or _cut_off(lines, end)):
        end -= 1
    # "(in a personal capacity, like all who sign)" closes a list of signatures.
    noted = end > 1 and capacity_note(lines[end - 1].text)
    end -= noted
    start = end
    while start > 0:
        following = lines[start] if start < end else None
        if _extends_backwards(lines[start - 1], following):
            start -= 1
        # A date between two runs of entries: the signatures above it belong to the list
        # (the last of them, which closes its run with a full stop, need only be an entry).
        elif start >= 2 and start < end and _dated(lines[start - 1]):
            above = lines[start - 2]
            if above.marked or place_date_line(above.text) or _entry_score(above) < ENTRY:
                break
            start -= 2
        else:
            break
    # A list does not open with a heading of nothing.
    while start < end and not lines[start].marked and _entry_score(lines[start]) < 0.6:
        if described_person(lines[start].text):
            break
        start += 1
    if start >= end:
        return None
    block = _collect(lines, start, "trailing", end)
    marked = sum(1 for e in block.entries if lines_marked(lines, e))
    # Without markers, five entries at least, below some prose: short closing lines
    # ("Coordination Committee") are an issuer, not a list. When the body says its
    # signatories sign below it ("We, the undersigned"), two are enough, below whatever prose.
    after_prose = start > 0 and _entry_score(lines[start - 1]) < PROSE
    written = {line.index: line.content for line in lines[start:end]}
    alike = _end_alike([written[entry.lines[-1]] for entry in block.entries])
    if noted:
        needed, after_prose = 1, start > 0
    elif any(undersigned_cue(line.text) for line in lines[:start]):
        needed, after_prose = 2, start > 0
    else:
        needed = 5
    # Three names each closed by its short form ("Union of Public Servants (UPS)") are a
    # list too: prose never strings them so. Stanzas are a list by their shape.
    shorts = after_prose and names_with_short_forms([entry.text for entry in block.entries])
    unmarked = len(block.entries) >= needed and after_prose and alike
    # Bodies of their own below a sentence, even a short one ("All out on Tuesday!").
    below_sentence = after_prose or (start > 0 and lines[start - 1].text.endswith(_SENTENCE_ENDS))
    unmarked = unmarked or (below_sentence and names_bodies([e.text for e in block.entries]))
    if marked >= 2 or unmarked or block.stanzas or shorts:
        _take(plan, block)
        return block.end
    return None


_SENTENCE_ENDS = (".", "!", "?", ":", "。", "！", "？")


def _closing(text: str) -> bool:
    """Boilerplate below a trailing list: a footer, or a contact block's address line."""
    return footer_line(text) is not None or contact_line(text)


def _end_alike(texts: list[str]) -> bool:
    """Entries end alike: some with a full stop and some without are sentences and a
    closing. A full stop that closes a run of entries ending with ";" is the list's own
    ("A;" / "B;" / "C.")."""
    stops = {
        text.endswith(".")
        for index, text in enumerate(texts)
        if not (index and text.endswith(".") and texts[index - 1].endswith(";"))
    }
    return len(stops) <= 1


def _extends_backwards(line: Line, following: Line | None) -> bool:
    """Whether a line belongs to the trailing list that starts below it."""
    if place_date_line(line.text) or sign_off(line.text):
        return False
    if line.marked:
        return _entry_score(line) >= PROSE
    if following is not None and following.marked and _group_like(line, following, True):
        return True
    return _entry_score(line) >= 0.6 or described_person(line.text)


def lines_marked(lines: list[Line], entry: Entry) -> bool:
    first = entry.lines[0]
    return any(line.index == first and line.marked for line in lines)


def _footers(lines: list[Line], plan: Plan, end: int) -> None:
    """After the last block: boilerplate, unless the body goes on (a list before the body)."""
    list_start = min((e.lines[0] for e in plan.entries), default=0)
    before = sum(len(line.text) for line in lines if line.index < list_start)
    after = sum(len(line.text) for line in lines[end:])
    footer = after < before or all(footer_line(line.text) for line in lines[end:])
    for line in lines[end:]:
        reason = footer_line(line.text)
        if footer or reason:
            plan.mark(line, "footer", reason or "after the list, shorter than the text before it")


def find_signatories(all_lines: list[str]) -> Plan:
    """Decide what every line is, and collect the entries of the signatory list."""
    lines = nonblank_lines(all_lines)
    plan = Plan()
    end = _headed(lines, plan)
    if not any(entry.from_table for entry in plan.entries):
        # A table of signatories needs no heading; one that outnumbers what the headings
        # found (an initiators' line, "Supported by:" and two names) is the list.
        tabled = Plan()
        table_end = _tables(lines, tabled)
        if table_end is not None and len(tabled.entries) > max(4, 2 * len(plan.entries)):
            plan, end = tabled, table_end
    if end is None:
        end = _without_heading(lines, plan)
    take_dated_table(lines, plan)
    if plan.entries:
        _semicolon_groups(lines, plan)
        _flattened_rows(plan)
    if end is not None and plan.entries:
        _footers(lines, plan, end)
        _for_body(plan)
    elif not plan.entries and not lone_separated_line(lines, plan):
        find_in_running_text(lines, plan)
    if len(plan.entries) <= 2:
        _joint_pair(lines, plan)
    _metadata(lines, plan)
    return plan


def _flattened_rows(plan: Plan) -> None:
    """Rows of a table flattened with single spaces ("Prof Jane Doe Germany Director …"),
    read cell by cell; the lines above the first row are the table's head (titled_rows)."""
    found = titled_rows(plan.entries)
    if found is None:
        return
    plan.entries[:], head = found
    for index in head:
        plan.roles[index] = ("heading", "the head of a table flattened to text")


def _joint_pair(lines: list[Line], plan: Plan) -> None:
    """Two signers a joint statement's title or first sentence names (see joint_pairs), in
    place of nothing or of the lines that name the same pair whole."""
    found = joint_pair(lines)
    if found is None or any(found[1][0] not in entry.text for entry in plan.entries):
        return
    line, pair = found
    for entry in plan.entries:
        for index in entry.lines:
            plan.roles[index] = ("body", "names the two signers of the joint statement whole")
    plan.entries[:] = [Entry(text, None, None, [line.index], HOW_SURE["inline"]) for text in pair]
    plan.mark(line, "body", "names the two signers of a joint statement, joined by 'and'")


def _for_body(plan: Plan) -> None:
    """ "On behalf of the X," taken as the first entry of the persons below it: the body
    they sign for (see behalf_signoff)."""
    if any(entry.group or entry.number is not None for entry in plan.entries):
        return
    found = leading_body([entry.text for entry in plan.entries])
    if found is None:
        return
    first = plan.entries.pop(0)
    plan.roles[first.lines[0]] = ("body", "names the body the persons below sign for")
    plan.entries[:] = [replace(e, text=text) for e, text in zip(plan.entries, found, strict=True)]


def _semicolon_groups(lines: list[Line], plan: Plan) -> None:
    """The group of persons parted by semicolons that a heading took for its lead-in ("For
    the Czech side:" under "The ministers took part:"; see semicolon_persons)."""
    if not any(";" in line.text for line in lines):
        return
    groups = {}
    for _texts, group, indexes in semicolon_paragraphs(lines):
        groups.update(dict.fromkeys(indexes, group) if group else {})
    if groups and all(e.group is None and e.lines[0] in groups for e in plan.entries):
        plan.entries[:] = [replace(e, group=groups[e.lines[0]]) for e in plan.entries]


def _metadata(lines: list[Line], plan: Plan) -> None:
    """As-of dates and invitations to sign, wherever they are written."""
    for line in lines:
        if plan.roles.get(line.index, ("",))[0] in ("entry", "continuation", "group"):
            continue
        folded = fold(line.text)
        if len(line.text) <= 400 and (FURTHER.search(folded) or INVITATION.search(folded)):
            plan.further = True
        if plan.entries and line.index not in plan.roles:
            as_of = as_of_line(line.text)
            if as_of is not None:
                plan.signatories_as_of = plan.signatories_as_of or as_of
                plan.mark(line, "heading", "says as of when the list counts")
        if line.index not in plan.roles and line.marked:
            plan.mark(line, "decoy", "a list item in the body (not a signatory)")


__all__ = ["find_signatories"]
