"""Everyday shapes of signatory lists that nothing in the corpus had taught the parser: cells
copied with tabs, a short closing list under "We, the undersigned", a heading with its list on
the same line, a heading dated in brackets.

Every statement here is written for the test; the organizations are common public names.
"""

from __future__ import annotations

import pytest

from undersigned.textformat import parse, render_text

TITLE = "Joint statement on the right to protest"
BODY = (
    "We call on the government to withdraw the bill that restricts peaceful assembly and to "
    "respect its obligations under international law."
)
NAMES = ["Friends of the Earth", "Centre for Legal Studies", "Human Rights Watch"]


def _parsed(tail: str, body: str = BODY):
    doc = parse(f"{TITLE}\n\n{body}\n\n{tail}")
    assert parse(render_text(doc)).to_dict() == doc.to_dict()
    return doc


def test_cells_copied_with_tabs_are_columns():
    doc = _parsed(
        "Signatories\n1\tFriends of the Earth\tUnited Kingdom\n"
        "2\tCentre for Legal Studies\tArgentina\n3\tHuman Rights Watch\tUnited States\n"
    )
    assert [s.name for s in doc.signatories] == NAMES
    assert [s.country for s in doc.signatories] == ["GB", "AR", "US"]


def test_a_tab_that_only_indents_a_line_changes_nothing():
    doc = _parsed("Signatories:\n\tFriends of the Earth\n\tCentre for Legal Studies\n")
    assert [s.name for s in doc.signatories] == NAMES[:2]


@pytest.mark.parametrize(
    "body",
    [
        "We, the undersigned organisations, call on the government to withdraw the bill.",
        "Les organisations soussignées demandent au gouvernement de retirer le projet de loi.",
        "Die unterzeichnenden Organisationen fordern die Regierung auf, das Gesetz zurückzuziehen.",
        "Las organizaciones abajo firmantes pedimos al gobierno que retire el proyecto de ley.",
        "Нижеподписавшиеся организации требуют отозвать законопроект.",
    ],
)
def test_under_we_the_undersigned_a_short_closing_run_is_the_list(body):
    doc = _parsed("\n".join([*NAMES, "Liberty"]) + "\n", body=body)
    assert [s.name for s in doc.signatories] == [*NAMES, "Liberty"]
    assert doc.issuer is None


def test_without_such_a_sentence_a_short_closing_block_stays_the_issuer():
    doc = _parsed("Coordination Committee\nInternational Secretariat\n")
    assert doc.signatories == []
    assert doc.issuer == "Coordination Committee\nInternational Secretariat"


@pytest.mark.parametrize(
    "line",
    [
        "Signed by: Friends of the Earth; Centre for Legal Studies; Human Rights Watch.",
        "Signed by: Friends of the Earth · Centre for Legal Studies · Human Rights Watch",
        "Signatories: Friends of the Earth | Centre for Legal Studies | Human Rights Watch",
        "Firmantes: Friends of the Earth; Centre for Legal Studies; y Human Rights Watch.",
    ],
)
def test_a_heading_and_its_list_on_one_line(line):
    doc = _parsed(line + "\n")
    assert [s.name for s in doc.signatories] == NAMES


def test_a_sentence_with_semicolons_after_a_colon_is_no_list():
    doc = _parsed("Our demands: withdraw the bill; respect the right to protest; free them all.\n")
    assert doc.signatories == []


def test_a_heading_dated_in_brackets_is_still_short():
    doc = _parsed("Endorsing organizations (as of 3 May 2024)\n" + "\n".join(NAMES) + "\n")
    assert [s.name for s in doc.signatories] == NAMES
    assert doc.signatories_as_of == "2024-05-03"


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ("Access Now (Global)", "Access Now"),
        ("EDRi (Europe)", "EDRi"),
        ("ARTICLE 19 – Global", "ARTICLE 19"),
        ("Red Latinoamericana (Internacional)", "Red Latinoamericana"),
        ("Friends of the Earth Europe", "Friends of the Earth Europe"),
        ("Amnesty International", "Amnesty International"),
    ],
)
def test_a_scope_where_a_country_would_stand_is_neither_country_nor_name(entry, name):
    doc = _parsed("Signatories:\n" + "\n".join([entry, *NAMES]) + "\n")
    assert doc.signatories[0].name == name
    assert doc.signatories[0].country is None


@pytest.mark.parametrize(
    "line",
    ["and 34 other organisations", "+ 12 more", "et 34 autres organisations", "und 5 weitere"],
)
def test_a_line_saying_how_many_more_signed_is_no_signatory(line):
    doc = _parsed("Signatories:\n" + "\n".join([*NAMES, line]) + "\n")
    assert [s.name for s in doc.signatories] == NAMES


def test_a_numbered_name_that_opens_with_others_stays_a_name():
    doc = _parsed("Signatories:\n1. Otros Mundos\n2. Centre for Legal Studies\n3. Liberty\n")
    assert [s.name for s in doc.signatories] == [
        "Otros Mundos",
        "Centre for Legal Studies",
        "Liberty",
    ]


def test_a_headings_only_line_naming_several_is_split():
    doc = _parsed("Signatories\n" + ", ".join([*NAMES, "Liberty"]) + "\n")
    assert [s.name for s in doc.signatories] == [*NAMES, "Liberty"]


@pytest.mark.parametrize("mark", ["*", "†"])
def test_a_footnote_mark_is_no_part_of_the_name_and_its_note_no_entry(mark):
    doc = _parsed(
        f"Signatories\n{NAMES[0]}{mark}\n{NAMES[1]}\n{NAMES[2]}{mark}\n\n"
        f"{mark} Member of the coalition's steering group\n"
    )
    assert [s.name for s in doc.signatories] == NAMES


def test_a_bulleted_list_with_asterisks_stays_a_list():
    doc = _parsed("Signatories\n\n* " + "\n* ".join(NAMES) + "\n")
    assert [s.name for s in doc.signatories] == NAMES
