"""Persons a sentence names after "among the first signers are" (issue 22): invented."""

from undersigned.textformat.among_persons import among_persons


def test_german_persons_between_roles_and_kinds() -> None:
    text = (
        "Der Aufruf steht online. Zu den Erstunterzeichnerinnen gehören neben Karla Mertens, "
        "Vorsitzende des Mietervereins, auch Forscher*innen wie z. B. Jonas Pfeil und "
        "Lea Brandt sowie viele Bürger*innen. Weitere folgen."
    )
    assert among_persons(text) == ["Karla Mertens", "Jonas Pfeil", "Lea Brandt"]


def test_english_and_spanish() -> None:
    text = "Among the first signatories are the poet Mara Lind and the judge Tomas Vey."
    assert among_persons(text) == ["Mara Lind", "Tomas Vey"]
    text = "Entre los firmantes están la escritora Julia Ferrer y el músico Pablo Reina."
    assert among_persons(text) == ["Julia Ferrer", "Pablo Reina"]


def test_a_sentence_not_opened_by_the_signers_gives_nothing() -> None:
    text = "Karla Mertens and Jonas Pfeil criticised the signatories of the letter."
    assert among_persons(text) == []


def test_one_name_gives_nothing() -> None:
    assert among_persons("Among the signatories is the poet Mara Lind.") == []
