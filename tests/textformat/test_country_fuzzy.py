"""Country names in more languages and misspelt ones, read only where a country stands apart."""

from __future__ import annotations

import pytest

from undersigned.textformat.countries import country_from_text, country_name_code
from undersigned.textformat.country_fuzzy import fuzzy_country, separate_country
from undersigned.textformat.signatories import parse_signatory
from undersigned.textformat.tables import country_cell


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sverige", "SE"),
        ("Узбекистан", "UZ"),
        ("Ουγγαρία", "HU"),
        ("日本", "JP"),
        ("مصر", "EG"),
        ("ایران", "IR"),
        ("Россия", "RU"),
        ("Nederland", "NL"),
        ("Holanda", "NL"),
        ("República Checa", "CZ"),
        ("Polska", "PL"),
        ("Suomi", "FI"),
        ("Україна", "UA"),
        ("Magyarország", "HU"),
        ("대한민국", "KR"),
        ("Kenya", "KE"),
        ("Ελλάδα", "GR"),
    ],
)
def test_names_in_other_languages_and_scripts(text: str, code: str) -> None:
    assert separate_country(text) == (code, "stated")
    assert parse_signatory(f"Some Union ({text})").country == code
    assert parse_signatory(f"Some Union, {text}").country == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chyprue", "CY"),
        ("Swisse", "CH"),
        ("Allemagnee", "DE"),
        ("Untied Kingdom", "GB"),
        ("Brazill", "BR"),
        ("Morrocco", "MA"),
        ("Sweeden", "SE"),
        ("Nederlands", "NL"),
        ("Austira", "AT"),
        ("Portgual", "PT"),  # two letters swapped count as one edit
    ],
)
def test_misspelt_countries_read_fuzzily_with_lower_confidence(text: str, code: str) -> None:
    assert fuzzy_country(text) == code
    for written in (f"Red Rock Collective ({text})", f"Red Rock Collective, {text}"):
        signatory = parse_signatory(written)
        assert (signatory.name, signatory.country) == ("Red Rock Collective", code)
        assert signatory.field_confidence["country"] < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Lagos",  # a city at one edit from Laos: four-letter names never match fuzzily
        "Berlin",
        "Harvard University",
        "Moscou Trade",
        "SEATINI",  # capitals: an abbreviation
        "CESTA",
        "Peru2",
        "Coalition",
        "Kore",
        "Konya",  # one edit from Kenya, but five-letter names never match fuzzily
        "Murcia",  # one edit from "Turcia" (Romanian): the first letter must be right
        "Saint Mary",  # two edits from "Saint-Marin": several words allow one
    ],
)
def test_near_misses_that_are_not_countries(text: str) -> None:
    assert fuzzy_country(text) is None


def test_fuzzy_needs_one_best_country() -> None:
    # "Gambia" and "Zambia" are one edit apart: "Xambia" is as close to both.
    assert fuzzy_country("Xambia") is None


def test_other_languages_never_read_inside_a_name() -> None:
    # Words of a name are guessed only in the main languages; short or common foreign names
    # ("Cada", Spanish "each"; "Kina") are not whole-line names either.
    assert country_from_text("Sverige Fackförbund Kommunal") is None
    assert country_name_code("Cada") is None
    assert separate_country("Cada") == ("TD", "stated")  # Catalan for Chad, written apart
    assert country_name_code("Tai") is None
    signatory = parse_signatory("Swisse Watchmakers Guild")
    assert signatory.country is None and signatory.name == "Swisse Watchmakers Guild"
    signatory = parse_signatory("Chyprue Bakers, Lagos")
    assert signatory.country is None


def test_a_country_column_reads_other_languages_and_misspellings() -> None:
    assert country_cell("Holanda") == "NL"
    assert country_cell("Сербия") == "RS"
    assert country_cell("Swisse") == "CH"
    assert country_cell("Red Rock") is None


def test_korea_alone_is_read_only_apart() -> None:
    assert country_from_text("Korea Teachers Union") is None
    assert parse_signatory("Public Service Union (Corea)").country == "KR"
