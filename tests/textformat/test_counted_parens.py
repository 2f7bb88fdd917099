"""Bodies a sentence counts, then names in parentheses (issue 22): invented texts."""

from undersigned.textformat.counted_parens import counted_entries


def test_italian_two_runs_joined_by_lower_case_words() -> None:
    text = (
        "Cinque associazioni della provincia (accanto a Lega Nord Ovest e Cosa Viva ci sono "
        "Terra Mia, Acqua Pulita e Cra) chiedono un incontro,"
    )
    assert counted_entries(text) == [
        "Lega Nord Ovest",
        "Cosa Viva",
        "Terra Mia",
        "Acqua Pulita",
        "Cra",
    ]


def test_spanish_english_and_digits() -> None:
    text = "Cuatro colectivos (Red Sol, Vecinos Unidos, Amigos del Mar y Casa Abierta) firman."
    assert counted_entries(text) == ["Red Sol", "Vecinos Unidos", "Amigos del Mar", "Casa Abierta"]
    text = "The 3 unions (River Workers, Bay Staff Union and Harbour Guild) signed the letter."
    assert counted_entries(text) == ["River Workers", "Bay Staff Union", "Harbour Guild"]


def test_count_that_does_not_match_gives_nothing() -> None:
    text = "Zehn Verbände (darunter Grüne Stadt und Mieterrat Süd) fordern mehr Geld."
    assert counted_entries(text) == []


def test_no_number_gives_nothing() -> None:
    text = "Several unions (River Workers, Bay Staff and Harbour Guild) met the mayor."
    assert counted_entries(text) == []
