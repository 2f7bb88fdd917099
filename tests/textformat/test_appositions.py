"""Parties "that took part", named in apposition in running text, each with its article
(issue 22). The statements are invented for the test."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse

ENGLISH = (
    "Joint declaration on the war economy\n"
    "\n"
    "The undersigned parties and delegations that took part in the conference in "
    "Lisbon, the Socialist Workers' Party of Ireland, the Labour Party of Norway, the "
    "Democratic Left of Slovenia and the Popular Unity of Cyprus, declare their "
    "opposition to rising military budgets.\n"
    "\n"
    "We call on workers everywhere to organise against the arms race.\n"
    "\n"
    "Lisbon, 3 March 2024\n"
)

FRENCH = (
    "Déclaration commune sur la vie chère\n"
    "\n"
    "Les partis et délégations soussignés qui ont participé à la rencontre de "
    "Marseille, le Parti Ouvrier de Suisse, le Mouvement Socialiste du Luxembourg, la "
    "Gauche Unie de Wallonie et le Parti du Travail du Québec, déclarent leur soutien "
    "aux grèves.\n"
    "\n"
    "Nous appelons à la solidarité entre les travailleurs de tous les pays.\n"
    "\n"
    "Marseille, le 14 juin 2022\n"
)

SPANISH = (
    "Declaración conjunta sobre la deuda\n"
    "\n"
    "Los partidos abajo firmantes que participaron en el encuentro de Quito, el "
    "Partido Comunista de Colombia, el Frente Amplio de Venezuela y la Unión Popular "
    "de Panamá, declaramos que la deuda externa es impagable.\n"
    "\n"
    "Llamamos a los pueblos a la movilización.\n"
    "\n"
    "Quito, 20 de octubre de 2021\n"
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            ENGLISH,
            [
                "Socialist Workers' Party of Ireland",
                "Labour Party of Norway",
                "Democratic Left of Slovenia",
                "Popular Unity of Cyprus",
            ],
        ),
        (
            FRENCH,
            [
                "Parti Ouvrier de Suisse",
                "Mouvement Socialiste du Luxembourg",
                "Gauche Unie de Wallonie",
                "Parti du Travail du Québec",
            ],
        ),
        (
            SPANISH,
            [
                "Partido Comunista de Colombia",
                "Frente Amplio de Venezuela",
                "Unión Popular de Panamá",
            ],
        ),
    ],
)
def test_parties_that_took_part_are_the_signatories_not_the_meeting_place(
    text: str, names: list[str]
) -> None:
    doc = parse(text)
    assert [s.name for s in doc.signatories] == names
    assert doc.date is not None  # the place/date line is the date, no entry


def test_a_name_after_by_stays_the_first_name() -> None:
    # "by" names who signs: the name after it is the first of the list, not a place.
    text = (
        "Joint statement\n\n"
        "This statement is signed by Greenpeace, the Friends of the Earth, the Clean Air "
        "Alliance and the Ocean Trust, who ask for a ban on new oil drilling.\n"
    )
    assert [s.name for s in parse(text).signatories][:2] == ["Greenpeace", "Friends of the Earth"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            # No comma before the predicate: the last piece holds "and the" and the verb.
            "The undersigned parties that took part in the meeting in Oslo, the Red Party of "
            "Norway, the Left Alliance of Finland and the Socialist Party of Sweden declare "
            "their support for the strike.",
            ["Red Party of Norway", "Left Alliance of Finland", "Socialist Party of Sweden"],
        ),
        (
            # The lead-in is a relative clause of its own, ending in its verb.
            "Die unterzeichnenden Parteien, die an der Konferenz in Wien teilgenommen haben, "
            "die Kommunistische Partei Österreichs, die Partei der Arbeit der Schweiz, die "
            "Linke Liste Südtirol und die Sozialistische Partei Bayerns, erklären ihre "
            "Solidarität.",
            [
                "Kommunistische Partei Österreichs",
                "Partei der Arbeit der Schweiz",
                "Linke Liste Südtirol",
                "Sozialistische Partei Bayerns",
            ],
        ),
    ],
)
def test_the_lead_in_before_names_with_articles_gives_no_name(
    sentence: str, names: list[str]
) -> None:
    text = f"Joint declaration\n\n{sentence}\n\nWe call for solidarity with the strikers.\n"
    assert [s.name for s in parse(text).signatories] == names


def test_three_names_with_articles_and_one_comma_after_a_colon() -> None:
    text = (
        "Dichiarazione comune\n\n"
        "Hanno partecipato all'incontro di Bologna: la Rete dei Lavoratori Precari, il "
        "Partito del Lavoro Italiano e la Sinistra Unita di Romagna.\n\n"
        "Chiediamo salari dignitosi per tutti.\n"
    )
    assert [s.name for s in parse(text).signatories] == [
        "Rete dei Lavoratori Precari",
        "Partito del Lavoro Italiano",
        "Sinistra Unita di Romagna",
    ]


def test_officials_named_with_articles_in_prose_are_no_signatories() -> None:
    text = (
        "Letter on the port\n\n"
        "Last week we met the Minister of Transport, the Harbour Master and the Mayor of "
        "the City to discuss the closure of the old port.\n\n"
        "We ask that the port stay open to small boats.\n"
    )
    assert parse(text).signatories == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            # "em Lisboa": the meeting's place; "a" opens a name as "o" does.
            "Os partidos que participaram no encontro em Lisboa, o Partido Comunista do "
            "Norte, o Bloco de Esquerda Unida, a Frente Popular do Alentejo e o Partido "
            "Operário Insular, declaram o seu apoio.",
            [
                "Partido Comunista do Norte",
                "Bloco de Esquerda Unida",
                "Frente Popular do Alentejo",
                "Partido Operário Insular",
            ],
        ),
        (
            # "além da": a preposition fused with the article introduces the first name.
            "Assinam a nota, além da Central dos Trabalhadores do Mar (CTM), a Força "
            "Portuária, a Nova Central Pesqueira e a União Geral dos Estivadores.",
            [
                "Central dos Trabalhadores do Mar",
                "Força Portuária",
                "Nova Central Pesqueira",
                "União Geral dos Estivadores",
            ],
        ),
    ],
)
def test_portuguese_names_with_articles(sentence: str, names: list[str]) -> None:
    text = f"Nota conjunta\n\n{sentence}\n\nPedimos respeito aos trabalhadores.\n"
    assert [s.name for s in parse(text).signatories] == names
