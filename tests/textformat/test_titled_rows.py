"""Rows of a signatory table flattened to text with single spaces: "Title First Last
Country Position field", one person per line (issue 22).

Invented rows; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.titled_rows import read_row


def test_english_petition_page() -> None:
    text = (
        "A petition for open research data.\n\n"
        "Signatories\n\n"
        "512 people have signed the petition!\n\n"
        "TitleFirst nameLast nameCountryPositionField\n"
        "Prof Anna Lindqvist Sweden Director Nordic Ocean Institute oceanography\n"
        "Dr Pedro Alves Portugal University of Coimbra chemistry\n"
        "Prof Jan de Vries Netherlands Dean Faculty of Law, Leiden University law\n"
        "Dr Maria Schmidt United Kingdom Royal Botanic Society botany\n"
    )
    found = parse(text).signatories
    assert [(s.name, s.country) for s in found] == [
        ("Anna Lindqvist", "SE"),
        ("Pedro Alves", "PT"),
        ("Jan de Vries", "NL"),
        ("Maria Schmidt", "GB"),
    ]
    assert found[1].affiliation == "University of Coimbra"


def test_row_cells_in_other_languages() -> None:
    assert read_row("Dr. Hans Müller Deutschland Professor Universität Bonn physik") == (
        "Hans Müller",
        "Deutschland",
        "Professor Universität Bonn",
    )
    assert read_row("Prof. Lucía Gómez España Universidad de Sevilla historia") == (
        "Lucía Gómez",
        "España",
        "Universidad de Sevilla",
    )
    assert read_row("Mme Claire Petit France Présidente Association Verte")[:2] == (
        "Claire Petit",
        "France",
    )


def test_near_misses() -> None:
    # No title first, no country after the name, a sentence that names a country.
    assert read_row("Anna Lindqvist Sweden Director Nordic Ocean Institute") is None
    assert read_row("Prof Anna Lindqvist Director Nordic Ocean Institute") is None
    assert read_row("Dr Smith went to France to speak at the Nordic Ocean Institute.") is None


def test_a_list_of_a_few_rows_among_others_is_left_alone() -> None:
    text = (
        "Open letter\n\n"
        "We ask the ministry to restore the research budget cut last spring.\n\n"
        "Signed:\n\n"
        "Anna Lindqvist, Nordic Ocean Institute\n"
        "Pedro Alves, University of Coimbra\n"
        "Prof Jan de Vries Netherlands Leiden University\n"
        "Maria Schmidt, Royal Botanic Society\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names[:2] == ["Anna Lindqvist", "Pedro Alves"]
