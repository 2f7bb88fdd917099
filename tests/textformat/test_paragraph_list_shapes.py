"""Lists written as one paragraph that the parser read badly: persons `Name (role Org)` with a
comma lost or glued, a text that breaks off after one letter (lost_separators.py); bodies as
the subject of a sentence after a dateline, "A, B, C and D, welcome …" (sentence_list.py); a
role followed by the organization with no preposition (persons.py).

Every statement and name here is invented for the test.
"""

from __future__ import annotations

import pytest
from textformat_samples import parsed_both_ways

from undersigned.textformat.sentence_list import sentence_list

PERSONS = {
    "fr": (
        "Appel pour le service public\n\nNous demandons le retrait du projet de loi.\n\n"
        "Signataires :\n",
        "Anne Roux (secrétaire générale UD Gironde), Paul Vidal (CGT Cheminots Lyon), "
        "Marie Lenoir (secrétaire nationale SNES FSU) Luc Perrin (SUD Rail), "
        "Claire Moreau (secrétaire SNUipp FSU),Hélène Faure, Marc Blanc, Julie Petit",
        [
            "Anne Roux",
            "Paul Vidal",
            "Marie Lenoir",
            "Luc Perrin",
            "Claire Moreau",
            "Hélène Faure",
            "Marc Blanc",
            "Julie Petit",
        ],
    ),
    "es": (
        "Por la sanidad pública\n\nExigimos la retirada del decreto.\n\nFirmantes:\n",
        "Ana Ruiz (secretaria general CCOO Madrid), Pedro Gil (UGT Sanidad) "
        "Lucía Mora (secretaria CGT Hospitales), Jorge Sanz (SATSE Valencia),Elena Vidal, "
        "Raúl Ortega",
        ["Ana Ruiz", "Pedro Gil", "Lucía Mora", "Jorge Sanz", "Elena Vidal", "Raúl Ortega"],
    ),
    "en": (
        "Keep our libraries open\n\nWe ask the council to reverse the cuts.\n\nSigned:\n",
        "Jane Doe (Secretary UNISON Leeds), Tom Baker (GMB Yorkshire) Sara Khan (Chair NEU "
        "Bradford), Owen Price (Unite Community),Ruth Evans, Neil Shaw",
        ["Jane Doe", "Tom Baker", "Sara Khan", "Owen Price", "Ruth Evans", "Neil Shaw"],
    ),
}


@pytest.mark.parametrize("language", sorted(PERSONS))
def test_a_lost_or_glued_comma_between_persons_with_parentheses(language):
    head, paragraph, names = PERSONS[language]
    doc = parsed_both_ways(head + paragraph + "\n")
    assert [s.name for s in doc.signatories] == names
    assert all(s.kind == "person" for s in doc.signatories)


@pytest.mark.parametrize("language", sorted(PERSONS))
def test_a_text_that_breaks_off_after_one_letter_has_no_entry_there(language):
    head, paragraph, names = PERSONS[language]
    doc = parsed_both_ways(head + paragraph + ", K\n")
    assert [s.name for s in doc.signatories] == names


def test_one_parenthesis_after_a_name_is_no_lost_comma():
    found = sentence_list(
        "Signed by: Friends of the Earth (FoE) Europe, Oxfam (Novib), Greenpeace, "
        "Human Rights Watch"
    )
    assert found is not None
    assert found.items[0] == "Friends of the Earth (FoE) Europe"


def test_the_organization_after_a_role_with_no_preposition():
    doc = parsed_both_ways(
        "Appel\n\nNous demandons le retrait du projet.\n\nSignataires :\n"
        "Anne Roux (secrétaire générale Fédération CGT des Services publics), "
        "Paul Vidal (président Union SNES des Lycées), Marie Lenoir (Attac)\n"
    )
    assert [s.affiliation for s in doc.signatories] == [
        "Fédération CGT des Services publics",
        "Union SNES des Lycées",
        "Attac",
    ]


SUBJECTS = [
    (
        "12 March 2021- The Coalition for Clean Water (CCW), Greenpeace, the Rivers Trust, "
        "Oxfam Novib, Friends of the Earth and Surfers Against Sewage, welcome the decision of "
        "the regional court to halt the dredging of the estuary.",
        [
            "Coalition for Clean Water (CCW)",
            "Greenpeace",
            "Rivers Trust",
            "Oxfam Novib",
            "Friends of the Earth",
            "Surfers Against Sewage",
        ],
    ),
    (
        "3 mai 2022 – La Ligue des droits de l'Homme (LDH), Attac France, Greenpeace France, "
        "le Secours Catholique et Oxfam France, saluent la décision du tribunal administratif.",
        [
            "Ligue des droits de l'Homme (LDH)",
            "Attac France",
            "Greenpeace France",
            "Secours Catholique",
            "Oxfam France",
        ],
    ),
    (
        "Berlin, 4. Mai 2023- Der BUND, Greenpeace Deutschland, Campact, die Deutsche "
        "Umwelthilfe und Robin Wood, begrüßen die Entscheidung des Gerichts.",
        ["BUND", "Greenpeace Deutschland", "Campact", "Deutsche Umwelthilfe", "Robin Wood"],
    ),
]


@pytest.mark.parametrize(("paragraph", "names"), SUBJECTS)
def test_bodies_as_the_subject_after_a_dateline(paragraph, names):
    found = sentence_list(paragraph)
    assert found is not None
    assert found.items == names


def test_a_subject_list_without_and_keeps_its_last_name_whole():
    found = sentence_list(
        "12 March 2021- Oxfam Novib, Greenpeace, the Rivers Trust, Friends of the Earth, "
        "welcome the decision of the regional court."
    )
    assert found is not None
    assert found.items == ["Oxfam Novib", "Greenpeace", "Rivers Trust", "Friends of the Earth"]


def test_after_a_dateline_a_pronoun_opening_the_sentence_is_no_name():
    found = sentence_list(
        "12 March 2021- Today we, Oxfam Novib, Greenpeace, the Rivers Trust and Friends of "
        "the Earth, welcome the decision of the regional court."
    )
    assert found is not None
    assert found.items == ["Oxfam Novib", "Greenpeace", "Rivers Trust", "Friends of the Earth"]
