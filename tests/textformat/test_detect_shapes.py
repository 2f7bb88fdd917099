"""List shapes the block finder used to miss: headings set between rules, headings in
scripts written without spaces. Every example is invented for the test."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.headings import list_heading

_JA_BODY = "私たちは、すべての政党に対して、次の選挙に向けた共通の政策を話し合うよう求めます。"


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


@pytest.mark.parametrize(
    "line",
    [
        "---------- 公開可の方の賛同署名 ----------",
        "===== 签署团体 =====",
        "賛同者一覧：",
        "서명 단체",
        "------ Signatories ------",
    ],
)
def test_a_heading_between_rules_or_without_spaces_opens_a_list(line):
    assert list_heading(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "全国から寄せられた賛同人のメッセージ",  # supporters' messages: not a list
        "賛同人紹介",  # introducing the supporters: a page title
        "この声明に署名してくださったことに感謝します。",  # a sentence
        "-----------------------------",
    ],
)
def test_a_signing_word_that_only_qualifies_another_is_no_heading(line):
    assert list_heading(line) is None


def test_it_reads_the_japanese_list_under_a_ruled_heading():
    entries = "\n\n".join(
        ["山田花子(東京都杉並区、平和の会・代表)", "佐藤一郎(大阪府堺市)", "鈴木次郎(札幌市北区)"]
    )
    text = f"共同要望書\n\n{_JA_BODY}\n\n------ 賛同署名 ------\n\n{entries}\n"
    assert _names(text) == ["山田花子", "佐藤一郎", "鈴木次郎"]


@pytest.mark.parametrize(
    ("entry", "name", "affiliation"),
    [
        ("山田花子(東京都杉並区)", "山田花子", None),  # a place only
        ("山田花子(北海道旭川市、平和の会 事務局次長)", "山田花子", "平和の会"),
        ("佐藤一郎(大阪府堺市、自営業)", "佐藤一郎", None),  # a profession
        ("鈴木次郎(京都府、教職員組合北支部長)", "鈴木次郎", "教職員組合北支部"),
        ("田中 三郎(兵庫県神戸市、みどりの会代表/市民ネット共同代表)", "田中 三郎", "みどりの会"),
        ("高橋四郎(東京5区杉並・世話人)", "高橋四郎", "東京5区杉並"),  # a district: a group
    ],
)
def test_a_japanese_person_lists_a_place_before_the_group(entry, name, affiliation):
    text = f"共同要望書\n\n{_JA_BODY}\n\n賛同署名\n\n{entry}\n\n伊藤五郎(千葉県)\n"
    first = parse(text).signatories[0]
    assert (first.name, first.affiliation, first.kind) == (name, affiliation, "person")


_EN_BODY = (
    "The undersigned organisations reject the plan to dump dredged sludge in the bay. "
    "We ask the ministry to stop the permit until an independent study is done."
)


def test_it_reads_a_list_written_in_stanzas_with_contact_lines():
    stanzas = "\n\n".join(
        [
            "Jane Miller\nChair Baltic Sea Watch\nTel. 12 34 56 78",
            "Peter Olsen\nDirector Coastal Alliance\nTel. 23 45 67 89",
            "Maria Rossi\nSecretary General WWF-Italia\nTel. 34 56 78 90",
        ]
    )
    doc = parse(f"Joint press release\n\n{_EN_BODY}\n\n{stanzas}\n")
    got = [(s.name, s.affiliation, s.kind) for s in doc.signatories]
    assert got == [
        ("Jane Miller", "Baltic Sea Watch", "person"),
        ("Peter Olsen", "Coastal Alliance", "person"),
        ("Maria Rossi", "WWF-Italia", "person"),
    ]


def test_two_paragraphs_of_prose_lines_are_no_stanzas():
    text = f"Statement\n\n{_EN_BODY}\n\nJane Miller\nwrote this in May.\n\nPeter Olsen\nagreed.\n"
    assert parse(text).signatories == []
