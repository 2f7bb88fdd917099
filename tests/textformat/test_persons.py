"""Persons in signatory lists, in any language: the parenthesis after a person's name, roles
that lead to the organization, Chinese and Japanese "氏名(所属・役職)". Entries written for
the test."""

from __future__ import annotations

import pytest

from undersigned.textformat.persons_cjk import cjk_affiliation
from undersigned.textformat.signatories import parse_signatory


def read(line: str) -> tuple[str | None, str, str, str | None]:
    s = parse_signatory(line)
    return s.abbreviation, s.name, s.kind, s.affiliation


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        # An organization, whatever its shape, and not a short form of the name.
        ("Paula Brandt (Attac)", "Attac"),
        ("Paula Brandt (XYZU)", "XYZU"),
        ("Paula Brandt (Réseau des boulangers)", "Réseau des boulangers"),
        # A profession in lower case is no affiliation.
        ("Paula Brandt (économiste)", None),
        ("Paula Brandt (writer)", None),
        # A role with no preposition before a place; before an acronym and a place.
        ("Jordi Riba (exalcalde Vilanova)", None),
        ("Jordi Riba (exregidor PXC Vilanova)", "PXC"),
        # A role with a preposition leads to the organization.
        ("Jordi Riba (Présidente de la FXU)", "FXU"),
    ],
)
def test_the_parenthesis_after_a_persons_name_holds_their_affiliation(line, affiliation):
    assert read(line) == (None, line.partition(" (")[0], "person", affiliation)


def test_a_short_form_or_a_translation_in_parenthesis_stays_an_organizations():
    assert read("Kenya Bakers Forum (KEBAF)")[:3] == ("KEBAF", "Kenya Bakers Forum", "organization")
    assert read("Green Valley (GV)")[:2] == ("GV", "Green Valley")


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        ("Paul Petit, secrétaire général de la FXU", "FXU"),
        ("Anne Vert, directrice de recherche au CNRX", "CNRX"),
        ("Lise Bleu, co-fondatrice de l’école Bidule", "école Bidule"),
        (
            "Léa Noir, vice-présidente de la FXDL, Le syndicat des lycéens",
            "FXDL, Le syndicat des lycéens",
        ),
        ("Rui Costa, porte-parole d’Ação Verde", "Ação Verde"),
        (
            "Marc Roux, ancien président d’honneur de la Ligue des boulangers",
            "Ligue des boulangers",
        ),
        # Two offices joined by "and": the last body, which the country after it is of.
        ("Jon Ruiz, Présidente de la FXU et Secrétaire générale de la UGX", "UGX"),
        (
            "Ann Lee, Director of the Union of Bakers and Pastry Cooks",
            "Union of Bakers and Pastry Cooks",
        ),
        # Through a body inside the organization to the organization.
        ("Ann Lee (Member of the Board of the Northern Bread Academy)", "Northern Bread Academy"),
        # Before other parts a role leads to a unit; the employer comes last.
        ("Ann Lee, Lecturer at the Institute for Bread Studies, NBU", "NBU"),
        # A profession alone, or a role over no named body.
        ("Marc Roux, professeur émérite des universités", None),
        # "of" without an article leads to a discipline, not to the employer.
        ("Jane Doe, Professor of Library Science, University of Lisbon", "University of Lisbon"),
    ],
)
def test_a_role_and_its_article_are_removed_from_the_affiliation(line, affiliation):
    assert read(line)[2:] == ("person", affiliation)


@pytest.mark.parametrize(
    ("line", "name", "affiliation"),
    [
        ("山田花子(日本平和協会・理事長)", "山田花子", "日本平和協会"),
        ("鈴木二郎（元東西大学名誉教授）", "鈴木二郎", "東西大学"),
        ("佐藤一郎(弁護士)", "佐藤一郎", None),
        ("佐藤一郎(演劇研究者)", "佐藤一郎", None),
        ("佐藤一郎(元青葉市議会議員)", "佐藤一郎", None),
        ("佐藤一郎(NPO法人理事長)", "佐藤一郎", None),
        ("佐藤一郎(デザイン・エディター)", "佐藤一郎", None),
        ("高橋三郎(緑の会・北支部代表、平和労組・書記)", "高橋三郎", "緑の会・北支部"),
    ],
)
def test_a_chinese_or_japanese_name_with_its_affiliation_in_parenthesis(line, name, affiliation):
    assert read(line) == (None, name, "person", affiliation)


def test_a_chinese_or_japanese_short_form_with_its_expansion_is_no_person():
    # The short form's characters come, in order, in the full name.
    assert read("東労連(東部労働組合連合)")[2] == "organization"
    assert read("緑労(緑の労働者連合)")[2] == "organization"


def test_offices_are_removed_from_the_end_of_each_part():
    assert cjk_affiliation("平和協会前書記長") == "平和協会"
    assert cjk_affiliation("北川教会牧師無任所") == "北川教会"
    assert cjk_affiliation("医師") is None


@pytest.mark.parametrize(
    "line",
    [
        "Amnesty Bakers International",
        "Urgent Action Fund for Bakers' Rights",
        "Global Millers for Democratic Society",
        "Lakeside Friends of the Forest",
    ],
)
def test_words_of_organizations_names_are_nobodys_name(line):
    assert read(line)[1:3] == (line, "organization")


@pytest.mark.parametrize(
    ("line", "abbreviation", "name"),
    [
        ("Northern Network for Clean Bread (NorNET)", "NorNET", "Northern Network for Clean Bread"),
        ("Bakers Action Group West (BAG-W)", "BAG-W", "Bakers Action Group West"),
        ("Movement of Millers (M7)", "M7", "Movement of Millers"),
    ],
)
def test_a_short_word_with_capitals_after_an_organizations_name_is_its_short_form(
    line, abbreviation, name
):
    assert read(line)[:3] == (abbreviation, name, "organization")


@pytest.mark.parametrize(
    ("line", "abbreviation", "name"),
    [
        # Its letters come in order in the name's, from the first.
        ("Red Nórdica de Panaderos RENOPA", "RENOPA", "Red Nórdica de Panaderos"),
        ("Fédération des boulangers du Nord-FEBON", "FEBON", "Fédération des boulangers du Nord"),
        ("World Bread Governance project – WBGpr", "WBGpr", "World Bread Governance project"),
        # Before a long name and a comma: a short form in another language.
        ("LEIPA, the Finnish Centre for Bread", "LEIPA", "the Finnish Centre for Bread"),
    ],
)
def test_a_short_form_spelled_from_the_name_is_taken_apart(line, abbreviation, name):
    assert read(line)[:3] == (abbreviation, name, "organization")


@pytest.mark.parametrize(
    ("line", "name", "affiliation"),
    [
        (
            "председатель Северного союза пекарей Иван Петров",
            "Иван Петров",
            "Северного союза пекарей",
        ),
        ("Координатор ДБЖ «Хлеб» в г. Омске Анна Козлова", "Анна Козлова", "ДБЖ «Хлеб»"),
        (
            "член Совета ДБЖ «Хлеб» г.Омск и г. Томск Иван Петрович Сидоров",
            "Иван Петрович Сидоров",
            "Совета ДБЖ «Хлеб»",
        ),
        # Two offices: the first body counts.
        (
            "председатель Союза пекарей, член ДБЖ «Хлеб» Анна Козлова",
            "Анна Козлова",
            "Союза пекарей",
        ),
        ("Vorsitzender der IG Bäcker Hans Müller", "Hans Müller", "IG Bäcker"),
    ],
)
def test_the_office_and_the_body_may_come_before_the_name(line, name, affiliation):
    assert read(line) == (None, name, "person", affiliation)


@pytest.mark.parametrize(
    "line", ["Member States Network Alpha Beta", "Professor Jane Doe, Harvard University"]
)
def test_a_role_word_opening_a_name_or_a_title_is_not_an_office_before_the_name(line):
    signatory = parse_signatory(line)
    assert (signatory.name, signatory.affiliation) != ("Alpha Beta", "States Network")
    assert signatory.name != "Harvard University"


def test_a_name_in_parts_joined_by_dashes_is_one_organizations():
    line = "Ένωση Αρτοποιών Βορρά - Ζαχαροπλαστών - Μαγείρων"
    assert read(line)[1:3] == (line, "organization")


@pytest.mark.parametrize(
    ("line", "abbreviation", "name"),
    [
        ("اتحاد الخبازين في الشمال – خبز", "خبز", "اتحاد الخبازين في الشمال"),
        ("جمعية الخبازين و الطهاة-جخط", "جخط", "جمعية الخبازين و الطهاة"),
    ],
)
def test_a_word_after_a_final_dash_in_a_script_without_capitals_is_a_short_form(
    line, abbreviation, name
):
    assert read(line)[:2] == (abbreviation, name)


def test_a_word_after_a_dash_in_a_cased_script_stays_in_the_name():
    assert read("Union of Northern Bakers – Bread")[0] is None


@pytest.mark.parametrize("line", ["BreadOS", "OpenBAKE", "SMSBread"])
def test_a_brand_in_mixed_case_is_a_name_not_its_own_short_form(line):
    assert read(line)[:2] == (None, line)


def test_a_chinese_or_japanese_name_before_the_office_named_after_it():
    assert read("山田花子山田花子法律事務所") == (None, "山田花子", "person", "山田花子法律事務所")
    assert read("東西パン工房")[2] == "organization"


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        # Slavic languages put the body after the role in the genitive, with no preposition.
        ("Іван Коваль, голова Спілки пекарів Полтави", "Спілки пекарів Полтави"),
        ("Jan Nowak, przewodniczący Związku Piekarzy", "Związku Piekarzy"),
        # Of two offices, the body named in full; one word after a mandate is a place.
        (
            "Іван Коваль, голова Спілки пекарів Полтави, народний депутат України",
            "Спілки пекарів Полтави",
        ),
        ("Іван Коваль, голова СПП, голова Спілки пекарів Полтави", "Спілки пекарів Полтави"),
        # An acronym is a body; one capitalised word alone is a place.
        ("Іван Коваль, голова СПП", "СПП"),
        ("Jordi Riba, exalcalde Vilanova", None),
    ],
)
def test_a_role_then_the_body_in_the_genitive(line, affiliation):
    assert read(line) == (None, line.partition(", ")[0], "person", affiliation)
