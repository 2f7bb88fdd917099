"""Chinese and Japanese prose hard-wrapped at a fixed width, and persons named before "等"
with their offices glued before their names (issue 22); every text is invented."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.etc_runs import etc_items, glued_person
from undersigned.textformat.render import render_text
from undersigned.textformat.wrapped_cjk import unwrap


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse(text).signatories]


def _wrapped(paragraphs: list[str], columns: int = 76) -> str:
    """The paragraphs hard-wrapped at a fixed width in columns (a Chinese character takes
    two, an ASCII comma one), as a forum shows them."""
    lines = []
    for paragraph in paragraphs:
        line, used = "", 0
        for char in paragraph:
            width = 1 if char.isascii() else 2
            if used + width > columns:
                lines.append(line)
                line, used = "", 0
            line, used = line + char, used + width
        lines.append(line)
    return "\n".join(lines)


_PROSE = [
    "行政院昨日宣布將修改集會遊行法,並提出十項配套措施,引發社會各界關注與討論,多個團體表示將持續"
    "監督政府的後續作為,並要求立法院召開公聽會。",
    "多位學者今天發表聯合聲明,指出新措施將嚴重限制人民的集會自由,呼籲政府立即撤回草案,並與民間"
    "團體展開對話。",
    "包含台大教授林文山、人權促進會秘書長王美華,以及學者陳志明、張雅婷等人等60位學者在內,今天署名"
    "提出「守護集會自由」聲明。而林文山與陳志明上午也舉行記者會說明。",
    "聲明指出,政府過去一年多次以行政命令限制人民權利,完全違背憲法保障人權的精神,令人憂心。",
]


def test_wrapped_chinese_prose_gives_the_persons_named_before_etc():
    text = "新聞標題\n\n1.媒體來源:\n某日報\n2.記者署名:\n李小龍\n3.完整新聞內文:\n"
    text += _wrapped(_PROSE) + "\n"
    assert _people(text) == [
        ("林文山", "台大"),
        ("王美華", "人權促進會"),
        ("陳志明", None),
        ("張雅婷", None),
    ]


def test_wrapped_chinese_prose_without_a_list_gives_no_entries():
    text = "新聞標題\n\n1.媒體來源:\n某日報\n2.記者署名:\n李小龍\n3.完整新聞內文:\n"
    text += _wrapped([_PROSE[0], _PROSE[1], _PROSE[3]]) + "\n"
    assert _people(text) == []


def test_unwrap_joins_each_paragraph_on_its_first_line():
    lines = _wrapped(_PROSE[:2]).split("\n")
    joined = unwrap(lines)
    assert len(joined) == len(lines)
    assert [line for line in joined if line] == _PROSE[:2]


def test_unwrap_leaves_a_list_of_names_with_offices_alone():
    lines = [
        "山田花子(日本平和協会・理事長)",
        "鈴木一郎(弁護士)",
        "佐藤次郎(東京大学名誉教授)",
        "田中三郎(作家)",
    ]
    assert unwrap(lines) == lines


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "包括北大教授李明、工会主席赵刚,以及学者王芳、刘洋等人联署发表声明",
            ["李明(北大教授)", "赵刚(工会主席)", "王芳(学者)", "刘洋"],
        ),
        (
            "包含作家林小雨、導演黃大山、律師吳正義等20位人士今天簽署聲明",
            ["林小雨(作家)", "黃大山(導演)", "吳正義(律師)"],
        ),
        # "平等" (equality) holds "等" and closes no run.
        ("包含自由、平等、博愛與人權等價值", []),
        # Bodies, not persons.
        ("包括人權促進會、台灣勞工陣線、婦女新知基金會等團體", []),
        # One person before "等": the subject, no run.
        ("中研院院士陳培哲等75位學者今天提出聲明", []),
    ],
)
def test_etc_items(sentence, expected):
    assert etc_items(sentence) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("中研院院士陳培哲", "陳培哲(中研院院士)"),
        ("左翼聯盟秘書長黃德北", "黃德北(左翼聯盟秘書長)"),
        ("盧倩儀", "盧倩儀"),
        ("台灣勞工陣線", "台灣勞工陣線"),
    ],
)
def test_glued_person(item, expected):
    assert glued_person(item) == expected


def test_the_persons_of_a_wrapped_text_keep_their_kind_once_rendered():
    text = "新聞標題\n\n3.完整新聞內文:\n" + _wrapped(_PROSE) + "\n"
    once = parse(text)
    assert {s.kind for s in once.signatories} == {"person"}
    assert parse(render_text(once)).to_dict() == once.to_dict()


def test_a_chinese_or_japanese_name_alone_in_a_list_is_a_person():
    text = "声明\n\n本文です。\n\n呼びかけ人:\n山田花子(弁護士)\n鈴木一郎\n日本平和協会\n"
    assert [s.kind for s in parse(text).signatories] == ["person", "person", "organization"]


def test_unwrap_leaves_lines_of_one_sentence_each_alone():
    lines = [
        "私たちは政府に対し、集会の自由を制限する法案を直ちに撤回するよう強く求めます。",
        "この法案は憲法が保障する表現の自由を侵害し、市民社会の活動を萎縮させるものです。",
        "私たちは全国の市民団体と連帯し、法案の撤回まで声を上げ続けることを約束します。",
    ]
    assert unwrap(lines) == lines
