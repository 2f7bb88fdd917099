"""Each guessed field carries its own confidence: low where the entry's shape says the
reading may be wrong, high where nothing speaks against it. Entries written for the test."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.confidence import FIELDS, LOW, unsure_fields
from undersigned.textformat.signatories import parse_signatory

LETTER = """Open letter

Stop the war

We, the undersigned, demand an end to the war now.

Signatories:
{lines}
"""


def read(line: str):
    """The signatory a headed list makes of one line (a sure list: only fields may doubt)."""
    (signatory,) = parse(LETTER.format(lines=f"- {line}\n- Other Association")).signatories[:1]
    return signatory


@pytest.mark.parametrize(
    "line",
    [
        "Association of Bakers (AOB), France",
        "ABC – Association of Bakers",
        "Economic Justice Network (EJN), Kenya",
        "Jane Doe, Professor of History, University of Lisbon",
        "Jane Doe, University of Lisbon",
        # The role leads to the organization, and the article goes with the role.
        "Marie Curie, présidente de l’UNEF",
        "Anne Roy, porte-parole d’Alternative Paysanne",
    ],
)
def test_an_entry_read_plainly_has_no_unsure_field(line):
    signatory = read(line)
    assert unsure_fields(signatory) == []
    assert all(signatory.sureness(field) >= LOW for field in FIELDS)


@pytest.mark.parametrize(
    ("line", "unsure"),
    [
        # A parenthesis the reading did not take: it may hold the abbreviation.
        ("Latin Network for Access (Redlam)", ["name", "abbreviation"]),
        # A person and an organization, not a name and its short form: a person told by
        # the shape of the name only.
        ("Pascal Martin (CGTX)", ["kind"]),
        ("Thomas Roy (Attac)", ["kind"]),
        # A person guessed from the words before "for" only: or an organization's name cut.
        ("Hope Rivers for Clean Water", ["name", "kind"]),
        # Two entries glued by a comma; a parenthesis that never closes.
        ("SPI,SPP", ["name", "abbreviation"]),
        ("Jane Doe (UGT", ["name", "country", "kind", "affiliation"]),
        ("Union of Bakers (UOB", ["name", "abbreviation", "country", "kind", "affiliation"]),
        # The whole name taken as its own short form, in mixed case.
        ("ApTX", ["abbreviation"]),
    ],
)
def test_a_doubtful_shape_marks_the_fields_it_puts_in_doubt(line, unsure):
    signatory = read(line)
    assert unsure_fields(signatory) == unsure
    assert set(signatory.doubts) == set(unsure)  # each with a reason


def test_a_country_after_a_comma_is_surer_than_one_guessed_from_a_word():
    stated = read("Association of Bakers, France")
    guessed = read("French Association of Bakers")
    assert stated.country == guessed.country == "FR"
    assert stated.sureness("country") > guessed.sureness("country")


def test_the_entry_bounds_its_fields_and_a_fragment_is_doubted_as_an_entry():
    sure = read("Association of Bakers (AOB), France")
    signed_off = parse(
        "Open letter\n\nStop the war\n\nWe demand an end to the war now.\n\n"
        "With best regards,\n\nAssociation of Bakers\nUnion of Millers\nGuild of Cooks\n"
    ).signatories
    assert len(signed_off) == 3 and min(s.confidence for s in signed_off) < sure.confidence
    for signatory in signed_off:
        ceiling = 1 - (1 - signatory.confidence) / 3
        assert max(signatory.field_confidence.values()) <= ceiling + 1e-9
    # A field is not marked for the entry's doubt alone: the row is.
    assert all(unsure_fields(s) == [] for s in signed_off)
    fragment = read("France) and the unions")
    assert fragment.confidence < LOW


def test_to_dict_carries_every_field_confidence_and_the_cache_stays_intact():
    data = read("Pascal Martin (CGTX)").to_dict(confidence=True)
    assert set(data["field_confidence"]) == set(FIELDS)
    assert data["field_confidence"]["kind"] < LOW <= data["field_confidence"]["name"]
    first = parse_signatory("Latin Network for Access (Redlam)")
    first.field_confidence["name"] = 1.0
    first.doubts.clear()
    again = parse_signatory("Latin Network for Access (Redlam)")
    assert again.sureness("name") < LOW and "name" in again.doubts


def test_a_parenthesis_inside_a_name_is_not_doubted_but_one_closing_it_is():
    inside = read("Friends of Bread (FoB) Uruguay")
    assert "name" not in inside.doubts
    closing = read("Latin Network for Access (Redlam)")
    assert "name" in closing.doubts


def test_a_place_of_work_after_a_dash_says_the_name_is_a_persons():
    signatory = read("Amal Rahimi - Northern Bakery College")
    assert (signatory.kind, signatory.affiliation) == ("person", "Northern Bakery College")
    assert unsure_fields(signatory) == []


def test_a_place_of_work_in_lower_case_is_no_role_left_over():
    assert "affiliation" not in read("Jane Doe, université Lyon Sud").doubts
    assert "affiliation" in read("Jane Doe, chargée de mission à l’ABCD").doubts
