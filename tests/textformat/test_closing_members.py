"""A closing signature block: a body's name line, then its members on one comma line."""

from undersigned.textformat import parse
from undersigned.textformat.closing_members import closing_members
from undersigned.textformat.lines import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(i, t, False, None, t) for i, t in enumerate(texts)]


def test_korean_block() -> None:
    found = closing_members(
        _lines(
            "우리는 협정에 반대한다.",
            "강물 지키기 공동행동",
            "푸른하늘 시민모임, 맑은물연대, 생명숲운동, 녹색바람 환경위원회",
        )
    )
    assert found is not None
    assert found[1] == ["푸른하늘 시민모임", "맑은물연대", "생명숲운동", "녹색바람 환경위원회"]


def test_english_block() -> None:
    found = closing_members(
        _lines(
            "We call on the council to act.",
            "River Alliance",
            "Friends of the Weir, Clean Water Trust, Otter Watch, Millbrook Anglers",
        )
    )
    assert found is not None and found[1][0] == "Friends of the Weir"


def test_tags_give_nothing() -> None:
    assert (
        closing_members(_lines("The end of the post.", "Share this", "Tags: water, river, law, eu"))
        is None
    )


def test_closing_sentence_gives_nothing() -> None:
    lines = _lines(
        "Le collectif",
        "Nous appelons les élus, les maires, les associations, les citoyens à agir.",
    )
    assert closing_members(lines) is None


def test_above_is_a_sentence_gives_nothing() -> None:
    lines = _lines(
        "Les membres du groupe se sont réunis hier à Lyon.",
        "Alpha Verte, Beta Bleue, Gamma Rouge, Delta Jaune",
    )
    assert closing_members(lines) is None


def test_parse_finds_the_block() -> None:
    text = (
        "공동선언 기자회견\n\n"
        "일  시 : 2006년 5월 2일\n\n"
        "주  최 : 강물 지키기 공동행동\n\n"
        "환경단체들은 협정에 반대하는 선언문을 발표한다.\n\n"
        "강물 지키기 공동행동\n\n"
        "푸른하늘 시민모임, 맑은물연대, 생명숲운동, 녹색바람 환경위원회\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == ["푸른하늘 시민모임", "맑은물연대", "생명숲운동", "녹색바람 환경위원회"]
