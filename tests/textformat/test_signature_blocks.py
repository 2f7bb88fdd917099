"""Shapes of signature blocks and lists (issue 22): two-line signatures right under the
place and date with nicknames in parentheses (stanzas.py, nicknames.py); persons "office,
Name" parted by semicolons under a group heading (semicolon_persons.py); "&" inside a name
of a running list whose "and" is a word (sentence_list.py); a dash glued to a short form
(glued_dashes.py).

Every statement and name here is invented for the test.
"""

from __future__ import annotations

import pytest
from textformat_samples import SCHOOLS_BODY, parsed_both_ways

from undersigned.textformat import parse
from undersigned.textformat.glued_dashes import unglued_dashes
from undersigned.textformat.nicknames import without_nickname
from undersigned.textformat.semicolon_persons import semicolon_persons
from undersigned.textformat.signatories import parse_signatory


def _people(doc) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.affiliation, s.group) for s in doc.signatories]


# Two-line signatures right under the place and date, no heading, no blank line first.
STANZAS = {
    "pt": (
        "Rio de Janeiro, 3 de maio de 2021",
        [
            ("Mariana Tavares Lopes", "Presidenta da FENAPROF"),
            ("Joaquim Barreto (Quinzinho)", "Presidente da Central Operária"),
            ("Rita Campos", "Presidente da UST"),
        ],
    ),
    "es": (
        "Lima, 12 de junio de 2019",
        [
            ("Rosa Quispe Huamán", "Presidenta de la CGTL"),
            ("Julio Mendoza (El Flaco)", "Secretario General de la FENUT"),
            ("Andrés Salazar", "Presidente de la CUTP"),
        ],
    ),
    "it": (
        "Roma, 4 marzo 2020",
        [
            ("Giulia Ferrante", "Presidente della FILCA"),
            ("Marco Bellini (Bebo)", "Segretario generale della UILPA"),
            ("Paolo Greco", "Presidente della CONFSAL"),
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(STANZAS))
def test_two_line_signatures_under_the_place_and_date(language: str) -> None:
    place_date, blocks = STANZAS[language]
    text = "\n\n".join(
        [
            "Nota conjunta",
            SCHOOLS_BODY,
            f"{place_date}\n" + "\n\n".join(f"{name}\n{role}" for name, role in blocks),
        ]
    )
    doc = parsed_both_ways(text)
    names = [s.name for s in doc.signatories]
    assert names == [name for name, _ in blocks]
    assert all(s.kind == "person" for s in doc.signatories)
    assert doc.signatories[0].affiliation == blocks[0][1].split()[-1]


def test_a_nickname_stays_in_the_name_when_an_office_follows() -> None:
    found = parse_signatory("Joaquim Barreto (Quinzinho), Presidente da Central Operária")
    assert (found.name, found.kind, found.affiliation) == (
        "Joaquim Barreto (Quinzinho)",
        "person",
        "Central Operária",
    )


@pytest.mark.parametrize(
    "head",
    [
        "Jane Doe (ATTAC)",  # an acronym is no nickname
        "Jane Doe (Friends of the Earth)",  # nor a body's name
        "Jane Doe (Verdes Unidos Union)",
        "Green Union (Verdes)",  # no person before it
    ],
)
def test_what_is_no_nickname(head: str) -> None:
    assert without_nickname(head)[1] is None


def test_without_an_office_the_parenthesis_is_the_organization() -> None:
    found = parse_signatory("Jane Doe (Greenpeace)")
    assert (found.name, found.affiliation) == ("Jane Doe", "Greenpeace")


# Persons "office, Name" parted by semicolons under a group heading; a second group below.
SEMICOLONS = {
    "en": (
        "The following ministers took part:",
        "For the Ruritanian side:",
        "Prime Minister, H.E. Mr Karl Ostrow; Minister of Finance, Ms Hana Leclerc; "
        "Minister of Education, Youth and Sports,\nMr Tomas Weller; Director of the National "
        "Cyber Agency, Mr Pavel Brandt.",
        "For the Borduvian side:",
        ["Karl Ostrow", "Hana Leclerc", "Tomas Weller", "Pavel Brandt"],
    ),
    "cs": (
        "Jednání se zúčastnili tito členové vlád:",
        "Za ruritánskou stranu:",
        "předseda vlády, J. E. pan Karel Ostrý; ministryně financí, paní Hana Lecová; "
        "ministr školství, mládeže a tělovýchovy,\npan Tomáš Veselý; ředitel Národního "
        "kybernetického úřadu, pan Pavel Brant.",
        "Za borduvijskou stranu:",
        ["Karel Ostrý", "Hana Lecová", "Tomáš Veselý", "Pavel Brant"],
    ),
    "de": (
        "An den Konsultationen nahmen teil:",
        "Für die ruritanische Seite:",
        "Ministerpräsident, Herr Karl Osterwald; Finanzministerin, Frau Hanna Leist; "
        "Bildungsminister, Herr Tobias Weller; Direktor des Nationalen Cyberamtes, Herr "
        "Paul Brandt.",
        "Für die borduvische Seite:",
        ["Karl Osterwald", "Hanna Leist", "Tobias Weller", "Paul Brandt"],
    ),
    "fr": (
        "Ont participé aux consultations :",
        "Pour la partie ruritanienne :",
        "Premier ministre, S.E. M. Karl Ostrow ; ministre des Finances, Mme Hana Leclerc ; "
        "ministre de l’Éducation, M. Tomas Weller ; directeur de l’Agence nationale, M. "
        "Pavel Brandt.",
        "Pour la partie borduvienne :",
        ["Karl Ostrow", "Hana Leclerc", "Tomas Weller", "Pavel Brandt"],
    ),
}


@pytest.mark.parametrize("language", sorted(SEMICOLONS))
def test_persons_parted_by_semicolons_under_a_group(language: str) -> None:
    lead, group, paragraph, other, names = SEMICOLONS[language]
    text = "\n\n".join(["Joint statement", SCHOOLS_BODY, lead, group, paragraph, other])
    doc = parsed_both_ways(text)
    assert [s.name for s in doc.signatories] == names
    assert {s.group for s in doc.signatories} == {group.rstrip(" :")}
    assert all(s.kind == "person" for s in doc.signatories)


def test_the_office_before_a_body_gives_the_affiliation() -> None:
    found = semicolon_persons(
        "Prime Minister, Mr Karl Ostrow; Minister of Finance, Ms Hana Leclerc; "
        "Director of the Cyber Agency, Mr Pavel Brandt."
    )
    assert found == ["Karl Ostrow", "Hana Leclerc", "Pavel Brandt, Director of the Cyber Agency"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Paris, Berlin; Rome, Madrid; Oslo, Bergen.",  # places
        "The school closes; the parents, angry, protest; the mayor, Mr Karl Ostrow, listens.",
        "Prime Minister, Mr Karl Ostrow; Minister of Finance, Ms Hana Leclerc.",  # two only
    ],
)
def test_what_is_no_run_of_persons(paragraph: str) -> None:
    assert semicolon_persons(paragraph) is None


def test_a_body_paragraph_with_semicolons_gives_no_entries() -> None:
    text = "\n\n".join(
        [
            "Joint statement",
            "The talks covered:",
            "energy, trade and transport; research, science and innovation; health, "
            "education and culture.",
        ]
    )
    assert not parse(text).signatories


# A running list whose "and" is a word: "&" joins inside one of its names.
AMPERSAND = {
    "it": "Le associazioni sono: Rete Verde (RV), Amici del Fiume, Suolo & Acqua e il Forum "
    "Civico Europeo.",
    "en": "The organisations are: Green Network (GN), Friends of the River, Soil & Water "
    "and the European Civic Forum.",
    "es": "Las organizaciones son: Red Verde (RV), Amigos del Río, Suelo & Agua y el Foro "
    "Cívico Europeo.",
}


@pytest.mark.parametrize("language", sorted(AMPERSAND))
def test_an_ampersand_inside_a_name_is_no_separator(language: str) -> None:
    doc = parsed_both_ways(
        "\n\n".join(["Cinque ONG lasciano il forum", SCHOOLS_BODY, AMPERSAND[language]])
    )
    names = [s.name for s in doc.signatories]
    assert len(names) == 4
    assert any("&" in name for name in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liga por los Derechos – LPD- Chile", "Liga por los Derechos – LPD – Chile"),
        ("Ligue des Droits – LDD- Canada", "Ligue des Droits – LDD – Canada"),
        ("Jugend- und Kulturverein – Berlin", "Jugend- und Kulturverein – Berlin"),
        ("Verein – Jugend- und Kultur", "Verein – Jugend- und Kultur"),
        ("Name – ABC-Kreis – Germany", "Name – ABC-Kreis – Germany"),
        ("LPD- Chile", "LPD- Chile"),  # no spaced dash elsewhere
    ],
)
def test_a_dash_glued_to_a_short_form(text: str, expected: str) -> None:
    assert unglued_dashes(text) == expected


def test_dashed_entries_with_a_glued_dash() -> None:
    found = parse_signatory("Liga por los Derechos Civiles – LPDC- Chile")
    assert (found.name, found.abbreviation, found.country) == (
        "Liga por los Derechos Civiles",
        "LPDC",
        "CL",
    )


# Degrees and professions before the organization in a petition card's parenthesis.
CREDENTIALS = [
    ("Lena Vogt (Dr.phil. Mag.rer.nat. Kuratorin, Stadtmuseum Grünau)", "Stadtmuseum Grünau"),
    ("Jonas Brand (Prof. Dipl. Arch. ETH Architekt Brand Partner AG)", "Brand Partner AG"),
    ("Mira Falk (Dipl.-Ing. Kunsthistorikerin Universität Grünau)", "Universität Grünau"),
    ("Tom Reed (M.Sc. Urban Designer Studio Nordlicht)", "Studio Nordlicht"),
    ("Ann Moe (PhD, Researcher, Institute of Rural Studies)", "Institute of Rural Studies"),
    ("Ana Ruiz (Dra. Profesora, Universidad de Almira)", "Universidad de Almira"),
    ("Lena Vogt (Dr. Kuratorin)", None),  # nothing after the profession
    # No degree first: a role leads to its body as before.
    ("Ann Moe (Member of the Board of the Film Academy)", "Film Academy"),
    ("Pau Serra (exregidor PSUC Vilafranca)", "PSUC"),
]


@pytest.mark.parametrize(("text", "expected"), CREDENTIALS)
def test_degrees_and_professions_before_the_organization(text: str, expected: str | None) -> None:
    found = parse_signatory(text)
    assert (found.kind, found.affiliation) == ("person", expected)
