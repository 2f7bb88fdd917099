"""Persons one per line as `Name – description`, the description often an occupation in
lower case ("poet", "artista plástico"), with no heading above the run (issue 22).

Invented texts in several languages; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.described_persons import described_person, description_affiliation


def signers(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse(text).signatories]


def test_english_run_of_occupations_after_the_undersigned() -> None:
    text = (
        "Save the River Park\n\n"
        "We, the undersigned, ask the council to keep the river park open to everyone and "
        "to stop the sale of its northern meadow to developers.\n\n"
        "Helen Marsh – painter\n"
        "Tom Okafor – retired teacher\n"
        "Dr Ruth Klein – historian, Northfield College\n"
        "Sam Patel – editor of riverside.org\n"
    )
    assert signers(text) == [
        ("Helen Marsh", None),
        ("Tom Okafor", None),
        ("Ruth Klein", "Northfield College"),
        ("Sam Patel", "riverside.org"),
    ]


def test_spanish_run_with_em_dashes() -> None:
    text = (
        "Carta por la biblioteca municipal\n\n"
        "Los abajo firmantes pedimos al ayuntamiento que no cierre la biblioteca del barrio, "
        "que es el único espacio de lectura para cientos de familias.\n\n"
        "Lucía Fernández — escritora\n"
        "Andrés Molina — profesor de la Universidad de Valencia\n"
        "Marta Ruiz — poeta\n"
    )
    assert signers(text) == [
        ("Lucía Fernández", None),
        ("Andrés Molina", "Universidad de Valencia"),
        ("Marta Ruiz", None),
    ]


def test_polish_titles_before_the_name_are_dropped() -> None:
    text = (
        "Apel w sprawie parku\n\n"
        "My niżej podpisani apelujemy do władz miasta o ochronę starego parku przed "
        "wycinką drzew i zabudową.\n\n"
        "dr hab. Anna Wiśniewska – biolog\n"
        "prof. Marek Zieliński – Prezes Towarzystwa Przyrodniczego\n"
        "mgr Ewa Nowicka – nauczycielka\n"
    )
    assert signers(text) == [
        ("Anna Wiśniewska", None),
        ("Marek Zieliński", "Towarzystwa Przyrodniczego"),
        ("Ewa Nowicka", None),
    ]


def test_czech_five_without_an_undersigned_cue() -> None:
    text = (
        "Otevřený dopis\n\n"
        "Žádáme vládu, aby zachovala financování venkovských knihoven a nezavírala je "
        "kvůli úsporám v rozpočtu na příští rok.\n\n"
        "Jana Dvořáková – spisovatelka\n"
        "Petr Svoboda – historik\n"
        "Karel Novák – poslanec\n"
        "Eva Černá – herečka\n"
        "Tomáš Marek – básník\n"
    )
    assert [name for name, _ in signers(text)] == [
        "Jana Dvořáková",
        "Petr Svoboda",
        "Karel Novák",
        "Eva Černá",
        "Tomáš Marek",
    ]


def test_line_shapes() -> None:
    assert described_person("Jean Dupont – sculpteur")
    assert described_person("Maria Rossi - giornalista, Radio Libera")
    assert described_person("Jan Kowalski – NSZZ X – Gdańsk")
    # Near misses: a name and its short form, one name in parts, a sentence of the body.
    assert not described_person("France Nature Environnement – FNE")
    assert not described_person("Union Textile - Cuir - Habillement")
    assert not described_person("John Smith – our founder – said the decision was wrong.")
    assert not described_person("The council decided – without any debate – to sell.")


def test_affiliation_of_a_description() -> None:
    assert description_affiliation("poeta") is None
    assert description_affiliation("historyk UJ") == "UJ"
    assert description_affiliation("Poseł na Sejm RP") == "Sejm RP"
    assert description_affiliation("painter, Royal Academy") == "Royal Academy"
    assert description_affiliation("Greenpeace former director") == "Greenpeace"


def test_a_body_paragraph_with_a_dash_is_not_a_list() -> None:
    text = (
        "Statement\n\n"
        "The festival will go on this summer. Anna Berg – our chair – will open it with a "
        "talk on the river and its people.\n\n"
        "Contact: press office\n"
    )
    assert signers(text) == []
