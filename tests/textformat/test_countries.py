from __future__ import annotations

import pytest

from undersigned.textformat import country_from_text
from undersigned.textformat.countries import country_name_code, english_country_name, is_region


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Deutschlands", "DE"), ("deutsche Arbeiter", "DE"), ("Paraguayo", "PY"),
        ("Paraguaya", "PY"), ("Portuguesa", "PT"), ("Português", "PT"), ("Moroccan", "MA"),
        ("Marocain", "MA"), ("Marroquí", "MA"), ("Française", "FR"), ("Türkiye", "TR"),
        ("Turkey", "TR"), ("Mexicano", "MX"), ("Colombia", "CO"), ("Iran", "IR"),
        ("Iranian", "IR"), ("Côte d'Ivoire", "CI"), ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"), ("Union of Cypriots", "CY"), ("Luxemburg", "LU"),
        ("Schweiz", "CH"), ("Switzerland", "CH"), ("ByH", "BA"), ("Bosnia and Herzegovina", "BA"),
        ("Democratic Republic of the Congo", "CD"), ("Congo", "CG"),
        ("Communist Party of India (Marxist-Leninist)", "IN"),
        ("Bolşevik Parti (Kuzey Kürdistan-Türkiye)", "TR"),
        ("Hezb-e Ranjbaran-e Iran", "IR"), ("Communist Party of South Africa", "ZA"),
        ("Papua New Guinea", "PG"), ("Equatorial Guinea", "GQ"), ("Guinea", "GN"),
        ("Guinea-Bissau", "GW"), ("Niger", "NE"), ("Nigeria", "NG"), ("Dominica", "DM"),
        ("Dominican Republic", "DO"), ("Sudan", "SD"), ("South Sudan", "SS"),
        ("Georgia", "GE"), ("Jordan", "JO"), ("Chad", "TD"), ("USA", "US"),
        ("Unione dei Comunisti Svizzeri", "CH"), ("Frankreichs", "FR"), ("Allemagne", "DE"),
        ("Estados Unidos", "US"), ("Almanya", "DE"), ("Filistin", "PS"),
        ("Iranian Workers in Germany", "DE"),
    ],
)  # fmt: skip
def test_it_finds_the_country_in_a_fragment(text, code):
    assert country_from_text(text) == code


@pytest.mark.parametrize(
    "text",
    ["Kurdistan", "Kürdistan", "Red Star", "Union", "Latin American Workers", "us", "Korea",
     "", "   ", "Marxist-Leninist Proletarian Union", "Comité Maurice Audin"],
)  # fmt: skip
def test_it_finds_no_country_where_there_is_none(text):
    assert country_from_text(text) is None


def test_it_knows_whole_country_names_but_not_adjectives_as_names():
    assert country_name_code("Deutschland") == "DE"
    assert country_name_code("Peru") == "PE"
    assert country_name_code("German") is None
    assert country_name_code("Partija Rada - ByH") is None


def test_it_recognizes_regions_in_several_languages():
    for region in ("Africa", "Amérique latine", "Lateinamerika", "Oriente Medio", "Orta Doğu",
                   "Okyanusya", "Middle East", "North America", "Asie"):  # fmt: skip
        assert is_region(region), region
    assert not is_region("Germany")


def test_it_writes_english_names_that_map_back_to_the_same_code():
    import pycountry

    for country in pycountry.countries:
        name = english_country_name(country.alpha_2)
        assert country_name_code(name) == country.alpha_2, (country.alpha_2, name)
