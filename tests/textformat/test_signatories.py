from __future__ import annotations

import pytest
from textformat_samples import (
    ALL,
    BULLETS_BY_CONTINENT,
    ENGLISH_OPEN_LETTER,
    FRENCH_COUNTRY_HEADINGS,
    GERMAN_ABBREVIATIONS_AFTER,
    ITALIAN,
    NO_HEADING_TRAILING_LIST,
    PORTUGUESE,
    SPANISH_FIRMANTES,
    TURKISH,
)

from undersigned.textformat import parse, render_text
from undersigned.textformat.signatories import parse_signatory


def _rows(text: str) -> list[tuple]:
    return [
        (s.number, s.abbreviation, s.name, s.name_en, s.country, s.group, s.kind, s.affiliation)
        for s in parse(text).signatories
    ]


@pytest.mark.parametrize("name", sorted(ALL))
def test_it_round_trips_every_sample(name):
    doc = parse(ALL[name])
    assert doc.signatories
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_it_reads_french_country_headings():
    doc = parse(FRENCH_COUNTRY_HEADINGS)
    assert doc.kind == "joint statement"
    assert doc.title == "Non à la guerre impérialiste !"
    assert doc.date == "2022-03-03"
    assert doc.signatories_as_of == "2022-03-03"
    assert doc.further_signatories_possible
    assert _rows(FRENCH_COUNTRY_HEADINGS) == [
        (1, "MLPD", "Marxistisch-Leninistische Partei Deutschlands", None, "DE", "Allemagne",
         "organization", None),
        (2, None, "Kommunistische Organisation Luxemburg", None, "LU", "Allemagne",
         "organization", None),
        (3, None, "Unité Communiste", None, "FR", "France", "organization", None),
        (4, None, "Union Prolétarienne Marxiste-Léniniste", None, "FR", "France",
         "organization", None),
        (5, None, "Parti Communiste du Togo", None, "TG", "Afrique", "organization", None),
    ]  # fmt: skip


def test_it_reads_a_spanish_bulleted_list_with_countries_in_parentheses_and_suffixes():
    rows = _rows(SPANISH_FIRMANTES)
    assert [(r[2], r[4]) for r in rows] == [
        ("Partido Comunista Paraguayo", "PY"),
        ("Partido Comunista Revolucionario del Uruguay", "UY"),
        ("Movimiento Popular Revolucionario", "EC"),
        ("Organización Apoyante del Partido Comunista de México", "MX"),
    ]
    assert all(r[0] is None and r[6] == "organization" for r in rows)


def test_it_reads_german_abbreviations_after_the_name():
    doc = parse(GERMAN_ABBREVIATIONS_AFTER)
    assert doc.signatories_as_of == "2021-10-01"
    assert [(s.abbreviation, s.name, s.country) for s in doc.signatories] == [
        ("MLPD", "Marxistisch-Leninistische Partei Deutschlands", "DE"),
        ("KOL", "Kommunistische Organisation Luxemburg", "LU"),
        ("MLGS", "Marxistisch-Leninistische Gruppe Schweiz", "CH"),
        (None, "Internationalistisches Bündnis", None),
    ]


def test_it_reads_individuals_with_affiliations():
    doc = parse(ENGLISH_OPEN_LETTER)
    assert doc.kind == "open letter"
    assert doc.date == "2021-09"
    assert [(s.name, s.affiliation, s.country, s.kind) for s in doc.signatories] == [
        ("Jane Doe", "University of Oxford", None, "person"),
        # Titles are not part of a name.
        ("Hans Müller", "Universität Hamburg", "DE", "person"),
        ("Amina Yusuf", "University of Lagos", "NG", "person"),
        ("John Smith", None, None, "person"),
    ]


def test_it_groups_a_bulleted_list_by_continent_without_setting_a_country():
    doc = parse(BULLETS_BY_CONTINENT)
    assert [(s.group, s.country) for s in doc.signatories] == [
        ("Africa", "CI"),
        ("Africa", "MA"),
        ("Asia", "IN"),
        ("Asia", "NP"),
        ("Europe", "NL"),
        ("Latin America", "PE"),
    ]
    red_star = doc.signatories[2]
    assert red_star.abbreviation == "CPI (ML) Red Star"
    assert red_star.name == "Communist Party of India (Marxist-Leninist) Red Star"
    rode_morgen = doc.signatories[4]
    assert (rode_morgen.name, rode_morgen.name_en, rode_morgen.kind) == (
        "Rode Morgen",
        "Red Dawn",
        "organization",
    )


def test_it_reads_a_turkish_list():
    rows = _rows(TURKISH)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (1, "TKP-ML", "Türkiye Komünist Partisi – Marksist-Leninist", None, "TR"),
        (2, "MLKP", "Marksist Leninist Komünist Parti Türkiye / Kürdistan", None, "TR"),
        (3, None, "Bolşevik Parti (Kuzey Kürdistan-Türkiye)", None, "TR"),
        (4, None, "Devrimci Sendikalar Konfederasyonu", None, None),
    ]


def test_it_reads_an_italian_list_with_parenthesized_numbers():
    rows = _rows(ITALIAN)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        (1, "PCIML", "Partito Comunista Italiano Marxista-Leninista", "IT"),
        (2, None, "Piattaforma Comunista", "IT"),
        (3, None, "Unione dei Comunisti Svizzeri", "CH"),
    ]


def test_it_reads_a_portuguese_list():
    rows = _rows(PORTUGUESE)
    assert [(r[2], r[3], r[4]) for r in rows] == [
        ("União Marxista-Leninista Portuguesa", "Portuguese Marxist-Leninist Union", "PT"),
        ("Partido Comunista Revolucionário", None, "BR"),
        ("Movimento Operário", None, "AO"),
    ]


def test_it_finds_a_trailing_numbered_list_without_a_heading():
    doc = parse(NO_HEADING_TRAILING_LIST)
    assert doc.body == ["We demand the immediate release of all political prisoners."]
    assert [(s.abbreviation, s.country) for s in doc.signatories] == [
        ("MLPD", "DE"),
        (None, "CA"),
        (None, "GR"),
    ]


@pytest.mark.parametrize(
    ("line", "abbreviation", "name", "name_en"),
    [
        ("CPSA (ML) Communist Party of South Africa (Marxist-Leninist)", "CPSA (ML)",
         "Communist Party of South Africa (Marxist-Leninist)", None),
        ("PCP (independiente) Partido Comunista Paraguayo (independiente) (Paraguayan "
         "Communist Party (independent))", "PCP (independiente)",
         "Partido Comunista Paraguayo (independiente)", "Paraguayan Communist Party (independent)"),
        ("BP (NK-T) Bolşevik Parti (Kuzey Kürdistan-Türkiye) (Bolshevik Party (North "
         "Kurdistan-Turkey))", "BP (NK-T)", "Bolşevik Parti (Kuzey Kürdistan-Türkiye)",
         "Bolshevik Party (North Kurdistan-Turkey)"),
        ("CPA/ML Communist Party of Australia (Marxist-Leninist)", "CPA/ML",
         "Communist Party of Australia (Marxist-Leninist)", None),
        ("UoC Union of Cypriots", "UoC", "Union of Cypriots", None),
        ("Ranjbaran Hezb-e Ranjbaran-e Iran (Proletarian Party of Iran)", "Ranjbaran",
         "Hezb-e Ranjbaran-e Iran", "Proletarian Party of Iran"),
        ("ATTAC Deutschland", None, "ATTAC Deutschland", None),
        ("Marxistisch-Leninistische Partei Deutschlands – MLPD", "MLPD",
         "Marxistisch-Leninistische Partei Deutschlands", None),
        ("Partido Comunista de Colombia – Maoista", None,
         "Partido Comunista de Colombia – Maoista", None),
    ],
)  # fmt: skip
def test_it_splits_abbreviation_name_and_translation(line, abbreviation, name, name_en):
    s = parse_signatory(line)
    assert (s.abbreviation, s.name, s.name_en) == (abbreviation, name, name_en)
    assert s.kind == "organization"


@pytest.mark.parametrize(
    ("line", "kind", "name", "affiliation", "country"),
    [
        ("Jane Doe, University of X", "person", "Jane Doe", "University of X", None),
        ("Prof. Dr. Jane Doe (University of X, Germany)", "person", "Jane Doe",
         "University of X", "DE"),
        ("Jean-Luc de la Roche, Lycée Voltaire, France", "person", "Jean-Luc de la Roche",
         "Lycée Voltaire", "FR"),
        ("Michael Jordan", "person", "Michael Jordan", None, None),
        ("Lotta Comunista", "organization", "Lotta Comunista", None, None),
        ("Red Dawn Collective, USA", "organization", "Red Dawn Collective", None, "US"),
    ],
)  # fmt: skip
def test_it_tells_people_from_organizations(line, kind, name, affiliation, country):
    s = parse_signatory(line)
    assert (s.kind, s.name, s.affiliation, s.country) == (kind, name, affiliation, country)


def test_it_prefers_the_stated_country_over_the_heading_and_the_heading_over_the_name():
    doc = parse(
        "Signatories:\nGermany\n1. Türkiye Komünist Partisi\n2. Grupo Rojo, Spain\n3. Foo Bar e.V."
    )
    assert [(s.country, s.group) for s in doc.signatories] == [
        ("DE", "Germany"),
        ("ES", "Germany"),
        ("DE", "Germany"),
    ]


def test_it_accepts_each_list_marker():
    for marker in ("1.", "1)", "(1)"):
        doc = parse(f"Signatories:\n{marker} MLPD Marxistisch-Leninistische Partei Deutschlands")
        assert doc.signatories[0].number == 1
    for marker in ("-", "*", "•", "–"):
        doc = parse(f"Signatories:\n{marker} MLPD Marxistisch-Leninistische Partei Deutschlands")
        assert doc.signatories[0].number is None
        assert doc.signatories[0].abbreviation == "MLPD"


@pytest.mark.parametrize(
    "heading",
    [
        "Signatories", "SIGNATORIES:", "Signed by:", "Signatures", "Initial signatories:",
        "Unterzeichner:", "Signataires :", "Firmantes", "Signatários:", "Firmatari:",
        "İmzacılar:", "Signatories (as of 15 September 2021):",
        "Unterzeichner (Stand: 1. Oktober 2021)", "Signataires (au 3 mars 2022)",
        "Firmantes (al 15 de septiembre de 2021):",
    ],
)  # fmt: skip
def test_it_recognizes_signatory_headings(heading):
    doc = parse(f"Title\n\nA sentence.\n\n{heading}\nMLPD Marxistisch-Leninistische Partei")
    assert len(doc.signatories) == 1
    assert doc.body == ["A sentence."]
