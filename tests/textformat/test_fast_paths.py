"""The shortcuts taken for speed give the answers of the full reading (issue 22)."""

from undersigned.textformat.confidence import entry_bound
from undersigned.textformat.model import Signatory
from undersigned.textformat.short_forms import is_acronym
from undersigned.textformat.signatories import _closing_group, parse_signatory


def test_it_finds_the_group_that_closes_the_entry() -> None:
    assert _closing_group("Union of Bakers (UB)") == 16
    assert _closing_group("Union of Bakers (Local 3 (North))") == 16
    assert _closing_group("Union (UB) (North)") == 11
    assert _closing_group("Union of Bakers (UB（North）)") == 16
    assert _closing_group("Union of Bakers （UB)") == 16
    assert _closing_group("Union of Bakers UB)") is None
    assert _closing_group("Union of Bakers") is None


def test_it_needs_two_capitals_for_an_acronym() -> None:
    assert is_acronym("UoB")
    assert is_acronym("UB-North")
    assert not is_acronym("Union")
    assert not is_acronym("7")
    assert not is_acronym("")


def test_it_bounds_a_fragment_whatever_its_first_letter() -> None:
    def named(name: str) -> Signatory:
        return Signatory(None, None, name, None, None, None, "organization", None)

    assert entry_bound(named("Spain)"), 0.9) == 0.6
    assert entry_bound(named("- the bakers"), 0.9) == 0.6
    assert entry_bound(named("Union of Bakers (UB)"), 0.9) == 0.9


def test_a_person_and_an_organization_read_as_before() -> None:
    person = parse_signatory("Jane Roe, Professor of Baking, University of Lyon")
    assert (person.kind, person.name, person.affiliation) == (
        "person",
        "Jane Roe",
        "University of Lyon",
    )
    again = parse_signatory("John Poe, Professor of Baking, University of Peru")
    assert (again.kind, again.affiliation, again.country) == ("person", "University of Peru", "PE")
    body = parse_signatory("Union of Bakers (UB), France")
    assert (body.kind, body.abbreviation, body.name, body.country) == (
        "organization",
        "UB",
        "Union of Bakers",
        "FR",
    )
