"""Bodies named right after "the text was signed by" (issue 22): invented texts."""

from undersigned.textformat.signed_by_bodies import signed_by_bodies


def test_spanish_broken_off_inside_the_last() -> None:
    text = (
        "Hasta ahora, el manifiesto ha sido suscrito por Red por la Defensa de los Ríos y "
        "Lagos, Colectivo Vecinal del Sur (CVS), y la Federación Estat"
    )
    assert signed_by_bodies(text) == [
        "Red por la Defensa de los Ríos y Lagos",
        "Colectivo Vecinal del Sur (CVS)",
    ]


def test_english_and_french_whole_sentences() -> None:
    text = (
        "The letter was signed by Friends of the Harbour, River Trust of Lakeside and Quiet "
        "Streets. It asks for more."
    )
    assert signed_by_bodies(text) == [
        "Friends of the Harbour",
        "River Trust of Lakeside",
        "Quiet Streets",
    ]
    text = (
        "La lettre a été signée par Ligue des Droits de l'Homme, Amis de la Terre et Maison "
        "des Jeunes de Brest."
    )
    assert signed_by_bodies(text) == [
        "Ligue des Droits de l'Homme",
        "Amis de la Terre",
        "Maison des Jeunes de Brest",
    ]


def test_persons_are_left_to_signing_clauses() -> None:
    text = "The letter was signed by Jane Doe, John Roe and Ann Poe."
    assert signed_by_bodies(text) == []


def test_no_document_or_lower_case_gives_nothing() -> None:
    assert signed_by_bodies("La ley fue firmada por el presidente y el ministro.") == []
    text = "The treaty was signed by France, Spain and Italy in 1990."
    assert signed_by_bodies(text) == []
