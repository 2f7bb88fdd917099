"""Signers named by way of example after "among them" and a dash or colon ("Among them — A,
B, C and others"), written for issue 22; every text is invented for the test."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.inline_samples import among_lead, before_others


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


_HEAD = "Title of a news item\n\n"

_SAMPLES = [
    (
        "Представители 40 организаций обратились к министру с просьбой пересмотреть решение "
        "о закрытии заповедника. Под письмом поставили подписи представители 40 организаций. "
        "Среди них — Союз охраны птиц Северного края, Экологический центр Дронт, Фонд защиты "
        "лесов Карелии и другие.",
        [
            "Союз охраны птиц Северного края",
            "Экологический центр Дронт",
            "Фонд защиты лесов Карелии",
        ],
    ),
    (
        "Forty groups have written to the minister asking her to reverse the decision. The "
        "letter was signed by forty organisations. Among them: Friends of the Northern Marsh, "
        "Coastal Birds Trust, Society for the Protection of Dunes and others.",
        [
            "Friends of the Northern Marsh",
            "Coastal Birds Trust",
            "Society for the Protection of Dunes",
        ],
    ),
    (
        "Quarante associations ont écrit au ministre pour demander l'abandon du projet. La "
        "lettre est signée par quarante associations. Parmi elles : Ligue pour la protection "
        "des oiseaux de l'Ouest, Collectif des marais salants, Amis de la forêt de Brocéliande "
        "et d'autres.",
        [
            "Ligue pour la protection des oiseaux de l'Ouest",
            "Collectif des marais salants",
            "Amis de la forêt de Brocéliande",
        ],
    ),
    (
        "Vierzig Verbände haben sich an die Ministerin gewandt. Den Brief unterzeichneten "
        "vierzig Organisationen. Unter ihnen – Bund für Vogelschutz am Niederrhein, Verein "
        "der Moorfreunde, Netzwerk für saubere Flüsse und andere.",
        [
            "Bund für Vogelschutz am Niederrhein",
            "Verein der Moorfreunde",
            "Netzwerk für saubere Flüsse",
        ],
    ),
    (
        "Apel podpisało 40 organizacji. Wśród nich: Fundacja Zielony Las, Stowarzyszenie "
        "Czysta Rzeka, Towarzystwo Przyjaciół Ziemi i inne.",
        ["Fundacja Zielony Las", "Stowarzyszenie Czysta Rzeka", "Towarzystwo Przyjaciół Ziemi"],
    ),
    (
        "La lettera è stata firmata da quaranta associazioni. Tra queste: Lega per la "
        "protezione degli uccelli, Amici della Terra del Nord, Comitato per i parchi e altre.",
        [
            "Lega per la protezione degli uccelli",
            "Amici della Terra del Nord",
            "Comitato per i parchi",
        ],
    ),
    (
        "La carta fue firmada por cuarenta organizaciones. Entre ellas: Amigos de la Tierra "
        "del Sur, Coordinadora de Ríos Vivos, Red de Bosques y otras.",
        ["Amigos de la Tierra del Sur", "Coordinadora de Ríos Vivos", "Red de Bosques"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), _SAMPLES)
def test_a_sample_of_signers_after_among_them(body, expected):
    assert _names(_HEAD + body + "\n") == expected


def test_a_text_broken_off_inside_and_others_keeps_the_last_name():
    body = (
        "Под письмом поставили подписи представители 40 организаций. Среди них — Союз охраны "
        "птиц Северного края, Экологический центр Дронт, Фонд защиты лесов Карелии и дру"
    )
    assert _names(_HEAD + body + "\n") == [
        "Союз охраны птиц Северного края",
        "Экологический центр Дронт",
        "Фонд защиты лесов Карелии",
    ]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Под письмом поставили подписи 40 организаций. Среди них", True),
        ("The letter was signed by forty groups. Among them", True),
        ("Wśród nich", True),
        ("Tra questi", True),
        ("Entre ellos", True),
        ("Aralarında", True),
        ("The letter says", False),
        ("Hon sade", False),
    ],
)
def test_among_lead(lead, expected):
    assert among_lead(lead) is expected


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("Фонд защиты лесов Карелии и другие", "Фонд защиты лесов Карелии"),
        ("Coastal Birds Trust and others", "Coastal Birds Trust"),
        ("Coastal Birds Trust and oth", "Coastal Birds Trust"),
        ("Verein der Moorfreunde und andere", "Verein der Moorfreunde"),
        ("Coastal Birds Trust and Sea Watch", None),
        ("Coastal Birds Trust", None),
        # A word that merely opens like "others" inside a sentence is no truncation.
        ("Coastal Birds Trust and other groups met", None),
    ],
)
def test_before_others(piece, expected):
    assert before_others(piece) == expected


def test_a_sentence_naming_the_defended_body_gives_no_entries():
    body = (
        "Экологи обратились к президенту с призывом отменить решение о признании "
        "Всемирного фонда природы иностранным агентом. Текст письма опубликовало "
        "объединение «Заповедный альянс»."
    )
    assert _names(_HEAD + body + "\n") == []


def test_among_them_before_people_who_did_not_sign_gives_no_sample():
    body = (
        "Many guests came to the opening of the new bridge yesterday. Among them were the "
        "mayor, her deputy and the head of the port, who spoke about the works."
    )
    assert _names(_HEAD + body + "\n") == []
