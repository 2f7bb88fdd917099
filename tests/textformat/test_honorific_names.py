"""Persons named by honorific in one CJK sentence, and list items broken off (issue 22)."""

from undersigned.textformat import parse
from undersigned.textformat.honorific_names import honorific_persons, without_broken_tail


def test_japanese_pair_with_descriptor() -> None:
    text = "署名の呼びかけ人には、詩人の山田花子さんや森本太郎さんのほか、多くの研究者が加わった。"
    assert honorific_persons(text) == ["山田花子", "森本太郎"]


def test_japanese_three_with_shi() -> None:
    text = "声明には高橋一郎氏、鈴木美和氏と中村健氏が名を連ねた。"
    assert honorific_persons(text) == ["高橋一郎", "鈴木美和", "中村健"]


def test_chinese_pair() -> None:
    text = "联署人包括王建国先生及李秀英女士。"
    assert honorific_persons(text) == ["王建国", "李秀英"]


def test_korean_pair() -> None:
    text = "서명에는 소설가 김민수 씨와 이지은 씨가 동참했다."
    assert honorific_persons(text) == ["김민수", "이지은"]


def test_no_signing_word_gives_nothing() -> None:
    text = "会見では山田花子さんと森本太郎さんが語りました。"
    assert honorific_persons(text) == []


def test_one_person_gives_nothing() -> None:
    assert honorific_persons("呼びかけ人の山田花子さんが署名を集めた。") == []


def test_persons_far_apart_are_not_a_run() -> None:
    text = "賛同者の山田花子さんは会見で話し、その後に集会で森本太郎さんも発言した。"
    assert honorific_persons(text) == []


def test_parse_finds_the_pair() -> None:
    text = (
        "有識者の会が共同声明を発表した。\n"
        "賛同呼びかけ人には、新たに画家の松本春子さんや井上修さんのほか、研究者も加わった。\n"
        "会見では代表の田村氏が語った。\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == ["松本春子", "井上修"]


def test_broken_tail_dropped() -> None:
    paragraph = (
        "Koalisi terdiri dari Serikat Tani Nusantara (STN), Lembaga Bantuan Warga (LBW), "
        "Yayasan Hutan (Y"
    )
    items = ["Serikat Tani Nusantara (STN)", "Lembaga Bantuan Warga (LBW)", "Yayasan Hutan (Y"]
    assert without_broken_tail(items, paragraph) == items[:2]


def test_closed_tail_kept() -> None:
    paragraph = "Les membres sont Alpha (AL), Beta (BE) et Gamma (GA)."
    items = ["Alpha (AL)", "Beta (BE)", "Gamma (GA)"]
    assert without_broken_tail(items, paragraph) == items


def test_open_parenthesis_not_at_end_kept() -> None:
    paragraph = "Members: Alpha (AL), Beta (BE), Gamma (GA; more to follow."
    items = ["Alpha (AL)", "Beta (BE)", "Gamma (GA"]
    assert without_broken_tail(items, paragraph) == items


def test_korean_common_nouns_with_nim_give_nothing() -> None:
    assert honorific_persons("서명에 동참해주신 회원님, 선생님께 감사드립니다.") == []
