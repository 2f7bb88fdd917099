"""Persons in running text, each followed by roles: "Participants: A, chair of X; B, head of
Y, C, …" (issue 22). Invented examples of the shape; before role_lists they parsed to no
signatory (the roles in lower case broke every run of names)."""

from undersigned.textformat import parse
from undersigned.textformat.role_lists import role_run


def test_persons_with_roles_after_a_colon_and_a_group_label_inside() -> None:
    text = (
        "Press conference\n\n"
        "Taking part: Jane Doe, chair of the Harbour Workers Union; deputy chairs: "
        "John Roe, secretary of the Rail Federation, member of parliament, Ann Poe, head of "
        "the Teachers Alliance, and Tom Loe, president of the Nurses Guild.\n\n"
        "They will present the common position of the unions.\n"
    )
    doc = parse(text)
    assert [(s.name, s.kind) for s in doc.signatories] == [
        ("Jane Doe", "person"),
        ("John Roe", "person"),
        ("Ann Poe", "person"),
        ("Tom Loe", "person"),
    ]
    assert doc.signatories[0].affiliation == "Harbour Workers Union"


def test_the_last_person_joined_by_and_to_the_roles_before() -> None:
    run = role_run(
        "The meeting was attended by Jane Doe, chair of X, John Roe, head of Y "
        "and Ann Poe, secretary of Z."
    )
    assert run is not None
    assert run.items == ["Jane Doe, chair of X", "John Roe, head of Y", "Ann Poe, secretary of Z"]


def test_two_persons_with_roles_in_prose_are_no_list() -> None:
    assert role_run("Jane Doe, chair of X, met John Roe, head of Y, in the city.") is None


def test_names_without_roles_are_left_to_the_plain_list() -> None:
    assert role_run("Signed by: Jane Doe, John Roe, Ann Poe, Tom Loe, all members.") is None


def test_roles_written_with_a_capital_after_each_name() -> None:
    run = role_run(
        "Participaram da reunião: João Silva, Presidente da UXT, Maria Souza, "
        "Secretária-Geral da CPX, e Pedro Lima, Presidente da Força Operária."
    )
    assert run is not None
    assert run.items == [
        "João Silva, Presidente da UXT",
        "Maria Souza, Secretária-Geral da CPX",
        "Pedro Lima, Presidente da Força Operária",
    ]


def test_a_list_of_bodies_with_a_role_word_inside_their_names_is_no_role_run() -> None:
    text = (
        "Signed by: Oxfam Novib, Association of Retired Teachers, Mary Lou, "
        "Union of Student Workers, Jane Doe, Greenpeace."
    )
    assert role_run(text) is None
