"""A few signers named together on the line that closes a statement, below its place and
date ("A, B"), and the Czech, Slovak and Polish place-and-date lines (issue 22).

Invented texts; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.closing_names import closing_names
from undersigned.textformat.headings import place_date_line

_BODY = (
    "We both stand for election this autumn, and we ask our supporters to sign for the "
    "other candidate as well, since the law allows it and our aims agree on the essentials."
)


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_czech_pair_below_place_and_date() -> None:
    text = (
        "Vážení přátelé,\n\n"
        "oba kandidujeme v prezidentských volbách a žádáme své příznivce, aby při sběru "
        "podpisů podpořili i druhého kandidáta, protože nás spojují stejné hodnoty.\n\n"
        "V Brně dne 3. 5. 2021\n\n"
        "Pavel Dostál, Marie Horáková\n"
    )
    assert names(text) == ["Pavel Dostál", "Marie Horáková"]


def test_english_three_joined_by_and() -> None:
    text = (
        f"Joint declaration\n\n{_BODY}\n\nLeeds, 12 March 2019\n\nAnna Berg, Ole Lund and Kim Roe\n"
    )
    assert names(text) == ["Anna Berg", "Ole Lund", "Kim Roe"]


def test_french_pair_below_a_sign_off() -> None:
    text = (
        "Déclaration commune\n\n"
        "Nous appelons nos électeurs à soutenir les deux candidatures, car nos programmes se "
        "complètent et nous partageons les mêmes valeurs.\n\n"
        "Lyon, le 4 juin 2020\n\n"
        "Jean Roy et Marie Dion\n"
    )
    assert names(text) == ["Jean Roy", "Marie Dion"]


def test_a_line_of_places_or_nouns_is_no_signers() -> None:
    assert closing_names("Vážení spoluobčané, příznivci, přátelé,") is None
    assert closing_names("Prague, Brno and Ostrava") is None
    assert closing_names("Jan Novák") is None  # one name: the run finders' case
    assert closing_names("Thank you, Anna Berg") is None


def test_a_closing_line_above_more_text_is_left_alone() -> None:
    text = (
        f"Joint declaration\n\n{_BODY}\n\nLeeds, 12 March 2019\n\nAnna Berg, Ole Lund\n\n"
        "The two candidates will hold a joint meeting in the town hall next Tuesday evening, "
        "where they will answer questions from voters about their programmes.\n"
    )
    assert "Anna Berg" not in names(text)


def test_place_and_date_lines_with_in_and_on_the_day() -> None:
    assert place_date_line("V Praze dne 8. 10. 2012") == "2012-10-08"
    assert place_date_line("Ve Zlíně dne 1.2.2015") == "2015-02-01"
    assert place_date_line("W Krakowie, dnia 3.05.2020") == "2020-05-03"
    assert place_date_line("Dne 8.10. 2012") == "2012-10-08"
    assert place_date_line("Věra Malá 8.10. 2012") is None
