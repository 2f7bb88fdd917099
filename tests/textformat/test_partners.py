"""Names closed by their short form in a dateline's sentence, bodies joined "in collaboration
with", and organisations' words in the Slavic languages (issue 22); the texts are invented."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.partners import after_with, through_short_form
from undersigned.textformat.persons import is_person_name


def _pairs(text: str) -> list[tuple[str | None, str]]:
    return [(s.abbreviation, s.name) for s in parse(text).signatories]


_DATELINES = [
    (
        "MONTRÉAL, le 3 mars 2024 /CNW/ - Les syndicats de la santé - la Fédération des "
        "infirmières et infirmiers du Nord (FIIN), l'Alliance des techniciens de laboratoire "
        "(ATL), le Regroupement des préposés aux soins (RPS) et la Fédération des travailleurs "
        "et travailleuses de la santé (FTTS) -, en collaboration avec la Coalition des "
        "patient(e)s du Nord (CPN) et leurs partenaires, ont publié la lettre suivante. Le "
        "gouvernement du Parti de l'avenir (PDA) reste sourd à leurs demandes.",
        [
            ("FIIN", "Fédération des infirmières et infirmiers du Nord"),
            ("ATL", "Alliance des techniciens de laboratoire"),
            ("RPS", "Regroupement des préposés aux soins"),
            ("FTTS", "Fédération des travailleurs et travailleuses de la santé"),
            ("CPN", "Coalition des patient(e)s du Nord"),
        ],
    ),
    (
        "SPRINGFIELD, May 4, 2023 /PRNewswire/ -- The nurses' unions - the Union of Nurses "
        "and Midwives of the Valley (UNMV), the Guild of Laboratory Technicians (GLT), the "
        "Association of Care Workers (ACW) and the Federation of Workers in Health and Care "
        "(FWHC) -, in collaboration with the Alliance of Patients and Carers (APC), have "
        "signed the following letter against the bill of the Freedom Party (FP).",
        [
            ("UNMV", "Union of Nurses and Midwives of the Valley"),
            ("GLT", "Guild of Laboratory Technicians"),
            ("ACW", "Association of Care Workers"),
            ("FWHC", "Federation of Workers in Health and Care"),
            ("APC", "Alliance of Patients and Carers"),
        ],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), _DATELINES)
def test_a_dateline_sentence_names_the_issuers_closed_by_their_short_forms(paragraph, expected):
    assert _pairs(paragraph + "\n\nLa suite du communiqué.\n") == expected


def test_a_sentence_naming_a_party_and_a_bill_gives_no_entries():
    text = (
        "Le ministre du Travail et le gouvernement de la Coalition du progrès (CDP) ont "
        "déposé le projet de loi 12 (PL-12), qui vise à limiter le droit de grève.\n"
    )
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        (
            "la Fédération des travailleurs du Nord (FTN) -",
            "la Fédération des travailleurs du Nord (FTN)",
        ),
        (
            "l'Union des accidenté(e)s du Sud (UAS) et leurs alliés",
            "l'Union des accidenté(e)s du Sud (UAS)",
        ),
        ("WWF (Italia) hanno coinvolto", None),
        ("(FTN) la Fédération", None),
    ],
)
def test_through_short_form(piece, expected):
    assert through_short_form(piece) == expected


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("en collaboration avec l'Union (UAS)", "l'Union (UAS)"),
        ("in partnership with the Guild (GLT)", "the Guild (GLT)"),
        ("gemeinsam mit dem Verband (VDX)", "dem Verband (VDX)"),
        ("совместно с Союзом (СП)", "Союзом (СП)"),
        ("ont publié la lettre suivante", None),
    ],
)
def test_after_with(piece, expected):
    assert after_with(piece) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Wspólnota Robocza Związków Organizacji Socjalnych",
        "Ogólnopolska Federacja Organizacji Pozarządowych",
        "Stowarzyszenie Przyjaciół Ziemi Lubuskiej",
        "Nordisk Organisasjon Miljøvern",
    ],
)
def test_slavic_and_nordic_organisations_are_no_persons(name):
    assert not is_person_name(name)


def test_a_polish_invitation_to_join_says_further_signatories_are_possible():
    text = (
        "Zapraszamy organizacje pozarządowe do dołączenia się do apelu.\n\n"
        "Inicjatorzy apelu:\nFundacja Zielony Las\nStowarzyszenie Czysta Rzeka\n"
    )
    assert parse(text).further_signatories_possible is True


def test_a_short_form_far_after_the_last_name_does_not_stretch_it():
    text = (
        "Climate groups protest\n\nThe letter was signed by Greenpeace, Oxfam, WWF and Amnesty "
        "told the BBC (UK) on Monday.\n"
    )
    assert [s.name for s in parse(text).signatories] == ["Greenpeace", "Oxfam", "WWF", "Amnesty"]
