"""Signatory lists written in one line without a list's usual frame (issue 22): names
between spaced stars or dots with nothing above them, and a lead-in's one paragraph of
`Name (profession)` entries, possibly cut off mid-name by its source.
Invented examples, several languages, and near-misses that must give no entries."""

from undersigned.textformat import parse
from undersigned.textformat.separated_lines import split_lost_separators, without_cut_tail


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_lone_line_of_bodies_between_stars_english() -> None:
    text = (
        "Riverbend Watershed Alliance * Greenfield Tenants Union * Harbor City Food Bank * "
        "Northern Plains Land Trust * Citizens for Clean Transit * Lakeshore Youth Network * "
        "Prairie Climate Council\n"
    )
    assert _names(text) == [
        "Riverbend Watershed Alliance",
        "Greenfield Tenants Union",
        "Harbor City Food Bank",
        "Northern Plains Land Trust",
        "Citizens for Clean Transit",
        "Lakeshore Youth Network",
        "Prairie Climate Council",
    ]


def test_lone_line_of_bodies_between_dots_spanish() -> None:
    text = (
        "Las organizaciones que apoyan la campaña por el agua pública en la región.\n\n"
        "Asociación Vecinal Río Claro • Colectivo Tierra Viva • Fundación Horizonte Sur • "
        "Red de Mujeres Rurales • Sindicato de Docentes del Norte • Cooperativa El Roble\n"
    )
    assert len(_names(text)) == 6
    assert _names(text)[0] == "Asociación Vecinal Río Claro"


def test_lone_line_of_bodies_between_stars_german() -> None:
    text = (
        "Bürgerinitiative Saubere Luft * Mieterverein Nordstadt * Naturfreunde Talheim * "
        "Verein Offene Werkstatt * Tafel Lindenau * Jugendring Oberbach * Kulturhaus Mühle\n"
    )
    assert len(_names(text)) == 7


def test_a_short_star_line_is_no_list() -> None:
    # A byline or a title with a few stars: too few items without a lead-in.
    text = (
        "Text * Photos * Layout\n\n"
        "The town council met on Tuesday and discussed the new budget for the schools.\n"
    )
    assert _names(text) == []


def test_stars_in_prose_are_no_list() -> None:
    text = (
        "The formula gives 3 * 4 * 5 as the volume, and the committee approved the plan. "
        "We will meet again next week * as agreed * to talk about the roads, the bridge, "
        "the school, the park and the library.\n"
    )
    assert _names(text) == []


def test_leadin_paragraph_of_persons_with_professions_catalan() -> None:
    text = (
        "La plataforma ha presentat el manifest a favor de la nova biblioteca del barri.\n\n"
        "Els primers signants del manifest són:\n\n"
        "Marta Vilaró (mestra), Jordi Puigdollers (arquitecte), Laia Comas (metgessa), "
        "Pere Soler (historiador), Núria Bosch (periodista)\n"
    )
    assert _names(text) == [
        "Marta Vilaró",
        "Jordi Puigdollers",
        "Laia Comas",
        "Pere Soler",
        "Núria Bosch",
    ]


def test_leadin_paragraph_of_persons_with_professions_french() -> None:
    text = (
        "Le collectif demande la réouverture de la gare de la vallée.\n\n"
        "Les premiers signataires de l'appel sont :\n\n"
        "Claire Morel (infirmière), Paul Girard (agriculteur), Inès Lefort (avocate), "
        "Marc Duval (enseignant)\n"
    )
    assert _names(text) == ["Claire Morel", "Paul Girard", "Inès Lefort", "Marc Duval"]


def test_cut_off_tail_is_dropped() -> None:
    items = ["Ana Rius (mestra)", "Pau Vila (pagès)", "Eva Font (actriu)", "Ro"]
    assert without_cut_tail(items) == items[:3]


def test_a_last_item_like_the_others_stays() -> None:
    items = ["Ana Rius (mestra)", "Pau Vila (pagès)", "Eva Font (actriu)", "Joan Serra"]
    assert without_cut_tail(items) == items
    bare = ["Ana Rius", "Pau Vila", "Eva Font", "Ro"]
    assert without_cut_tail(bare) == bare


def test_invitation_to_adhere_catalan_and_portuguese() -> None:
    text = (
        "La plataforma obre la possibilitat d'adherir-s'hi a tothom fins al dia 20.\n\n"
        "Els primers signants del manifest són:\n\n"
        "Marta Vilaró (mestra), Jordi Puigdollers (arquitecte), Laia Comas (metgessa), "
        "Pere Soler (historiador)\n"
    )
    assert parse(text).further_signatories_possible is True
    text = text.replace(
        "La plataforma obre la possibilitat d'adherir-s'hi a tothom fins al dia 20.",
        "O movimento abre a possibilidade de aderir ao manifesto até o dia 20.",
    )
    assert parse(text).further_signatories_possible is True


def test_no_invitation_without_the_words() -> None:
    text = (
        "La plataforma ha presentat el manifest a la premsa.\n\n"
        "Els primers signants del manifest són:\n\n"
        "Marta Vilaró (mestra), Jordi Puigdollers (arquitecte), Laia Comas (metgessa), "
        "Pere Soler (historiador)\n"
    )
    assert not parse(text).further_signatories_possible


def test_lost_separator_in_a_long_run() -> None:
    items = [
        "Ohio River Council",
        "Ohio Youth Forum",
        "Harbor Tenants Council",
        "Prairie Food Bank",
        "Lake Trust",
        "Mesa Water Council Ohio Clean Energy",
        "Delta Farmers Union",
        "Valley Art Guild",
        "North Shore Network",
        "Pine Ridge Alliance",
        "Bay Area Legal Aid",
        "River Stewards",
    ]
    out = split_lost_separators(items)
    assert "Mesa Water Council" in out and "Ohio Clean Energy" in out
    assert len(out) == len(items) + 1


def test_no_seam_in_a_short_run_or_without_repeated_words() -> None:
    items = ["Mesa Water Council Ohio Clean Energy", "Ohio River Council", "Bay Council"]
    assert split_lost_separators(items) == items
    items = [f"Group {n} Alliance" for n in "ABCDEFGHIJKL"] + ["Center for Law and Justice"]
    assert split_lost_separators(items) == items
