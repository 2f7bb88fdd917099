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
    text = "The letter was signed by Open Lanes, River Trust and Quiet Streets. It asks for more."
    assert signed_by_bodies(text) == ["Open Lanes", "River Trust", "Quiet Streets"]
    text = "La lettre a été signée par Terre Claire, Vents du Nord et Maison des Jeunes."
    assert signed_by_bodies(text) == ["Terre Claire", "Vents du Nord", "Maison des Jeunes"]


def test_no_document_or_lower_case_gives_nothing() -> None:
    assert signed_by_bodies("La ley fue firmada por el presidente y el ministro.") == []
    text = "The treaty was signed by France, Spain and Italy in 1990."
    assert signed_by_bodies(text) == []
