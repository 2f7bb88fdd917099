"""Two small shapes of signatory lists (issue 22): an item whose dash marker lost its space
("-Name" among "- Name" lines), and a sentence's list where "as well as" opens a second run
and "from ORG" after a run says the body of each of its names.
Invented examples, several languages, and near-misses that must not change."""

from undersigned.textformat import parse
from undersigned.textformat.from_clauses import distributed_from, runs_from
from undersigned.textformat.lines import nonblank_lines


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse(text).signatories]


def test_glued_dash_item_portuguese() -> None:
    text = (
        "O manifesto foi assinado até agora pelas seguintes organizações:\n\n"
        "- Coletivo Vozes do Sul\n\n"
        "-Fórum Cidadania Ativa\n\n"
        "- Instituto Casa Aberta\n\n"
        "- Rede Terra Comum\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == [
        "Coletivo Vozes do Sul",
        "Fórum Cidadania Ativa",
        "Instituto Casa Aberta",
        "Rede Terra Comum",
    ]


def test_glued_dash_alone_is_no_marker() -> None:
    lines = nonblank_lines(["Intro text.", "-Wort am Anfang", "Noch ein Satz."])
    assert not lines[1].marked
    # A lower-case word after the dash is a word cut short, not an item.
    lines = nonblank_lines(["- Alfa Verein", "-verein Beta", "- Gamma Bund"])
    assert not lines[1].marked


def test_as_well_as_opens_second_run_norwegian() -> None:
    text = (
        "Oppropet om byparken ble levert til kommunen i går.\n\n"
        "Underskrivere var; Kari Nordmann, Ola Berg, Siri Dahl fra NNF, samt Per Lie, "
        "Anne Moe og Lars Vik.\n"
    )
    assert _people(text) == [
        ("Kari Nordmann", "NNF"),
        ("Ola Berg", "NNF"),
        ("Siri Dahl", "NNF"),
        ("Per Lie", None),
        ("Anne Moe", None),
        ("Lars Vik", None),
    ]


def test_from_body_distributed_english_and_german() -> None:
    assert distributed_from(["Jane Roe", "John Poe from ABC", "Mary Major"]) == [
        "Jane Roe, ABC",
        "John Poe, ABC",
        "Mary Major",
    ]
    # Each run has its own body: a name with its own "from" ends the run before it.
    assert distributed_from(["Anna Weber von VDI", "Jonas Klein", "Eva Roth von BUND"]) == [
        "Anna Weber, VDI",
        "Jonas Klein, BUND",
        "Eva Roth, BUND",
    ]


def test_from_prose_or_particle_is_left_alone() -> None:
    items = ["Jane Roe", "people from the city", "Maria da SILVA", "Jean de LATTRE"]
    assert distributed_from(items) == items
    assert runs_from(["Anna Berg", "sowie weitere", "samt Helge Lund"]) == [
        "Anna Berg",
        "sowie weitere",
        "Helge Lund",
    ]
