"""Bodies given as examples in a Chinese sentence about co-signing (issue 22)."""

from undersigned.textformat import parse
from undersigned.textformat.cjk_including import including_bodies


def test_traditional_with_generic_item() -> None:
    text = "聯署團體增至50個,包括工聯會、九龍總商會、青年協進會、多個街坊會等。"
    assert including_bodies(text) == ["工聯會", "九龍總商會", "青年協進會"]


def test_simplified() -> None:
    text = "签署声明的组织包括北京环保协会、上海绿色联盟、其他团体等。"
    assert including_bodies(text) == ["北京环保协会", "上海绿色联盟"]


def test_kinds_of_persons_give_nothing() -> None:
    text = "另有30名人士聯署,包括立法會議員、區議員、大學教授等。"
    assert including_bodies(text) == []


def test_no_signing_word_gives_nothing() -> None:
    text = "出席者包括工聯會、九龍總商會、青年協進會等。"
    assert including_bodies(text) == []


def test_persons_list_after_bodies_list() -> None:
    text = (
        "聯署團體包括教育聯會、環保促進會、多個商會等,並有20名人士聯署,"
        "包括全國政協委員、立法會議員等。"
    )
    assert including_bodies(text) == ["教育聯會", "環保促進會"]


def test_parse_finds_the_bodies() -> None:
    text = (
        "大聯盟昨日舉行記者會。\n"
        "發言人陳大文表示,市民反應熱烈。\n"
        "大聯盟宣布,聯署團體由20個增至40個,包括工聯會、九龍總商會、青年協進會、多個商會等,"
        "並有10名人士聯署,包括區議員、大學教授等。\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == ["工聯會", "九龍總商會", "青年協進會"]
