"""Persons named in running text around a verb of signing (signing_clauses.py), each after
a role with semicolons between them (role_first.py), and below a line "for <Body>"
(behalf_signoff.py).

Every statement and name here is invented for the test.
"""

from __future__ import annotations

import re

import pytest
from textformat_samples import SCHOOLS_BODY, parsed_both_ways

from undersigned.textformat import parse
from undersigned.textformat.behalf_signoff import behalf_entries
from undersigned.textformat.role_first import role_first_run
from undersigned.textformat.sentence_list import sentence_list
from undersigned.textformat.signing_clauses import later_signers, signed_clause


def _people(doc) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in doc.signatories]


# A news item: the statement, then who signed it, right after the verb.
SIGNED_CLAUSE = {
    "sr": (
        "Izjavu su potpisali Milica Jovanović iz Udruženja „Zeleni grad“",
        [("Milica Jovanović", "Udruženja „Zeleni grad“")],
    ),
    "en": (
        "The letter was signed by Jane Doe of Harbour Watch and Tom Roe of Green Union.",
        [("Jane Doe", "Harbour Watch"), ("Tom Roe", "Green Union")],
    ),
    "uk": (
        "Про це йдеться в листі, який підписали Марта Коваль, Петро Лисенко, Ольга Бондар.",
        [("Марта Коваль", None), ("Петро Лисенко", None), ("Ольга Бондар", None)],
    ),
    "ru": (
        "Обращение подписали Ирина Смирнова и Павел Орлов.",
        [("Ирина Смирнова", None), ("Павел Орлов", None)],
    ),
    "cs": (
        "Prohlášení podepsali Jana Novotná z Ekologického institutu a Petr Dvořák.",
        [("Jana Novotná", "Ekologického institutu"), ("Petr Dvořák", None)],
    ),
    "es": (
        "La carta fue firmada por Lucía Gómez y Andrés Ruiz.",
        [("Lucía Gómez", None), ("Andrés Ruiz", None)],
    ),
    "de": (
        "Die Erklärung unterzeichneten Anna Berger und Jonas Keller.",
        [("Anna Berger", None), ("Jonas Keller", None)],
    ),
    "de-sz": (
        "Die Erklärung unterzeichneten Anna Groß und Jonas Weiß.",
        [("Anna Groß", None), ("Jonas Weiß", None)],
    ),
    "it": (
        "Il comunicato è stato firmato da Giulia Rossi, presidente di Lega Verde, e Marco Bianchi.",
        [("Giulia Rossi", "Lega Verde"), ("Marco Bianchi", None)],
    ),
    "sv": (
        "Uttalandet är undertecknat av Eva Berg och Jan Lind.",
        [("Eva Berg", None), ("Jan Lind", None)],
    ),
    "ru-paren": (
        "Письмо подписали Иван Петров (Союз журналистов) и Анна Смирнова.",
        [("Иван Петров", "Союз журналистов"), ("Анна Смирнова", None)],
    ),
    "en-dash": (
        "The statement was signed by Jane Doe – chair of Harbour Watch.",
        [("Jane Doe", "Harbour Watch")],
    ),
    "pl": (
        "List podpisali Anna Kowalska z Fundacji Zielone Miasto i Jan Nowak.",
        [("Anna Kowalska", "Fundacji Zielone Miasto"), ("Jan Nowak", None)],
    ),
}


@pytest.mark.parametrize("language", sorted(SIGNED_CLAUSE))
def test_signers_named_after_the_verb(language):
    sentence, expected = SIGNED_CLAUSE[language]
    assert [re.split(r", | \(", item)[0] for item in signed_clause(sentence)] == [
        name for name, _ in expected
    ]
    doc = parsed_both_ways(f"{SCHOOLS_BODY}\n\n{sentence}\n")
    assert _people(doc) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was signed by the president on Monday.",  # no names after the verb
        "Zakon je potpisao predsjednik Marko Marić u ponedjeljak.",  # a law, not a statement
        "The letter was sent to Jane Doe and Tom Roe last week.",  # addressees, no signing
        "Jane Doe said that the letter was signed by many parents of the town.",
        "Das Gesetz unterzeichneten Anna Berger und Jonas Keller.",  # a law again
    ],
)
def test_no_signers_without_the_shape(sentence):
    assert signed_clause(sentence) == []
    assert parse(f"{SCHOOLS_BODY}\n\n{sentence}\n").signatories == []


def test_signers_a_second_clause_adds():
    assert later_signers(
        "while it is backed by Judge (Retd.) K.L. Mehta and more than 300 other citizens."
    ) == ["K.L. Mehta"]
    assert later_signers("while the ministry has not answered.") == []
    paragraph = (
        "Among the former judges who signed the appeal are Ravi Kumar, Meena Iyer, Sunil "
        "Rao, Anita Das, while it is supported by Justice (Retd.) K.L. Mehta and more than "
        "300 other citizens."
    )
    found = sentence_list(paragraph)
    assert found is not None
    assert found.items[-1] == "K.L. Mehta"
    assert len(found.items) == 5


# "ROLE, Name; ROLE, Name; …, and ROLE, Name": the role before the name.
ROLE_FIRST = {
    "en": (
        "Among the first signers are the president of Harbour Watch, Jane Doe; the mayor, "
        "Tom Roe; the chair of Green Union, Ann Poe; and the leader of Blue Party, Max Low.",
        ["Jane Doe, president of Harbour Watch", "Tom Roe", "Ann Poe, chair of Green Union",
         "Max Low, leader of Blue Party"],
    ),
    "es": (
        "Entre los firmantes figuran la presidenta de la Fundación Río, Lucía Gómez; el "
        "alcalde, Andrés Ruiz, y el secretario general de Acción Verde, Pablo Soto.",
        ["Lucía Gómez, presidenta de la Fundación Río", "Andrés Ruiz",
         "Pablo Soto, secretario general de Acción Verde"],
    ),
    "fr": (
        "Parmi les signataires figurent le président de la Ligue Verte, Paul Martin ; la "
        "secrétaire générale de Force Unie, Claire Dubois ; et le maire, Luc Bernard.",
        ["Paul Martin, président de la Ligue Verte", "Claire Dubois, secrétaire générale de "
         "Force Unie", "Luc Bernard"],
    ),
    "de": (
        "Unter den Erstunterzeichnern sind der Vorsitzende des Bundes Umwelt, Jonas Keller; "
        "die Bürgermeisterin, Anna Berger; und die Sprecherin von Grüne Welle, Eva Roth.",
        ["Jonas Keller, Vorsitzende des Bundes Umwelt", "Anna Berger",
         "Eva Roth, Sprecherin von Grüne Welle"],
    ),
    "ru": (
        "Среди первых подписантов председатель Союза журналистов, Иван Петров; мэр города, "
        "Анна Смирнова; и директор музея, Ольга Иванова.",
        ["Иван Петров, председатель Союза журналистов", "Анна Смирнова", "Ольга Иванова"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(ROLE_FIRST))
def test_persons_each_after_a_role(language):
    sentence, expected = ROLE_FIRST[language]
    run = role_first_run(sentence)
    assert run is not None
    assert run.items == expected
    names = [item.split(", ")[0] for item in expected]
    assert [
        s.name for s in parsed_both_ways(f"{SCHOOLS_BODY}\n\n{sentence}\n").signatories
    ] == names


@pytest.mark.parametrize(
    "sentence",
    [
        # Commas only: a Name, role list for role_lists, not this shape.
        "The speakers were Jane Doe, mayor of Springfield, Tom Roe, chair of X, and Ann Poe.",
        # Semicolons between clauses of prose, no names after the roles.
        "The mayor spoke first; the chair of the union answered; the minister left early.",
        # Only two persons.
        "Present were the mayor, Tom Roe; and the chair of Green Union, Ann Poe.",
        # Persons after their roles, but commas only: too close to "Name, role" prose.
        "Present were the mayor, Tom Roe, the chair of Green Union, Ann Poe, and the "
        "leader of Blue Party, Max Low.",
    ],
)
def test_no_role_first_run(sentence):
    assert role_first_run(sentence) is None


# A line "for <Body>" below the letter, then the persons who sign for it.
BEHALF = {
    "cs": (["Za Zelený spolek", "Jana Nová – předsedkyně, Petr Malý – místopředseda"],
           [("Jana Nová", "Zelený spolek"), ("Petr Malý", "Zelený spolek")]),
    "en": (["On behalf of the Harbour Watch Trust", "Jane Doe (chair), Tom Roe (treasurer)"],
           [("Jane Doe", "Harbour Watch Trust"), ("Tom Roe", "Harbour Watch Trust")]),
    "fr": (["Pour l'Union des Parents", "Claire Dubois – présidente"],
           [("Claire Dubois", "Union des Parents")]),
    "pl": (["W imieniu Fundacji Zielone Miasto", "Anna Kowalska – prezeska"],
           [("Anna Kowalska", "Fundacji Zielone Miasto")]),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(BEHALF))
def test_persons_below_a_line_for_their_body(language):
    lines, expected = BEHALF[language]
    found = behalf_entries([SCHOOLS_BODY, *lines])
    assert found is not None and found[0] == 1
    doc = parsed_both_ways("\n\n".join([SCHOOLS_BODY, *lines]) + "\n")
    assert _people(doc) == expected


def test_a_last_word_cut_short_is_no_person():
    lines = [SCHOOLS_BODY, "Za Zelený spolek", "Jana Nová – předsedkyně, Marie"]
    assert behalf_entries(lines) == (1, ["Jana Nová, Zelený spolek"])


@pytest.mark.parametrize(
    "lines",
    [
        [SCHOOLS_BODY, "For more information, contact:", "Jane Doe, press officer"],
        [SCHOOLS_BODY, "For immediate release", "The parents of the town will march on Sunday."],
        [SCHOOLS_BODY, "Za Zelený spolek", "Děkujeme všem, kteří nás podpořili."],
    ],
)
def test_no_persons_below_other_lines(lines):
    assert behalf_entries(lines) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The first signatories of the petition are Ana Maria Lopes, Rui Sá, Eva Cruz and "
        "Tomás Reis.",
        "Os primeiros signatários do abaixo-assinado são Ana Maria Lopes, Rui Sá, Eva Cruz e "
        "Tomás Reis.",
    ],
)
def test_first_person_keeps_a_name_longer_than_the_others(sentence):
    names = [s.name for s in parsed_both_ways(f"{SCHOOLS_BODY}\n\n{sentence}\n").signatories]
    assert names == ["Ana Maria Lopes", "Rui Sá", "Eva Cruz", "Tomás Reis"]


# "Among the signatories are …": the noun for the signers says who they are.
SIGNERS_ARE = {
    "en": "Among the signatories are the writer Jane Doe and the actor Tom Roe.",
    "es": "Entre los firmantes figuran Jane Doe y Tom Roe.",
    "fr": "Parmi les signataires figurent Jane Doe et Tom Roe.",
    "de": "Unter den Unterzeichnern sind Jane Doe und Tom Roe.",
    "it": "Tra i firmatari ci sono Jane Doe e Tom Roe.",
}


@pytest.mark.parametrize("language", sorted(SIGNERS_ARE))
def test_signers_named_after_the_noun_for_them(language):
    sentence = SIGNERS_ARE[language]
    assert signed_clause(sentence) == ["Jane Doe", "Tom Roe"]
    assert [s.name for s in parsed_both_ways(f"{SCHOOLS_BODY}\n\n{sentence}\n").signatories] == [
        "Jane Doe",
        "Tom Roe",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The signatories are worried that the law passes.",
        "Among the signatories are many teachers and doctors of the region.",
    ],
)
def test_no_names_after_the_noun_for_the_signers(sentence):
    assert signed_clause(sentence) == []


# A closing "for <Body>," above persons a line each: the run read from one line too high.
FORSCHOOLS_BODY_ABOVE_RUN = {
    "en": ("On behalf of the Harbour Watch Trust,", ["Jane Doe, Chair", "Tom Roe, Treasurer"],
           "Harbour Watch Trust"),
    "fr": ("Pour le Collectif Rivières Vivantes,", ["Claire Dubois (présidente)",
           "Paul Martin (trésorier)"], "Collectif Rivières Vivantes"),
    "cs": ("Za Zelený spolek", ["Jana Nová – předsedkyně", "Petr Malý – místopředseda",
           "Eva Černá – pokladní"], "Zelený spolek"),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(FORSCHOOLS_BODY_ABOVE_RUN))
def test_persons_a_line_each_below_their_body(language):
    line, persons, body = FORSCHOOLS_BODY_ABOVE_RUN[language]
    text = f"We the undersigned ask the council to keep the schools open.\n\n{SCHOOLS_BODY}\n\n"
    doc = parsed_both_ways(text + "\n\n".join([line, *persons]) + "\n")
    names = [re.split(r",| \(| –", person)[0] for person in persons]
    assert _people(doc) == [(name, body) for name in names]


def test_a_line_for_no_body_stays_out_of_the_list():
    text = (
        f"We the undersigned ask the council to keep the schools open.\n\n{SCHOOLS_BODY}\n\n"
        "For more information,\n\nJane Doe, Chair\n\nTom Roe, Treasurer\n"
    )
    assert all(s.affiliation != "more information" for s in parsed_both_ways(text).signatories)


# The persons as the subject of "signed the letter", or after "with the signatures of".
SUBJECT_SIGNERS = {
    "en": "Jane Doe of Harbour Watch and Tom Roe have signed the open letter.",
    "ru": "Джейн Доу и Том Роу подписали письмо.",
    "de": "Jane Doe und Tom Roe unterzeichneten den Brief.",
    "es": "Jane Doe y Tom Roe firmaron la carta abierta.",
    "en-signatures": "The appeal went out with the signatures of Jane Doe and Tom Roe.",
}


@pytest.mark.parametrize("language", sorted(SUBJECT_SIGNERS))
def test_signers_as_the_subject_or_after_their_signatures(language):
    found = signed_clause(SUBJECT_SIGNERS[language])
    assert [item.split(", ")[0] for item in found] in (
        ["Jane Doe", "Tom Roe"],
        ["Джейн Доу", "Том Роу"],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year Jane Doe signed a letter to the mayor.",  # not the subject alone
        "Jane Doe signed the law on Monday.",  # a law
        "The petition gathered the signatures of 500 people.",
    ],
)
def test_no_subject_signers(sentence):
    assert signed_clause(sentence) == []
