"""Persons named in a Chinese sentence before "等" (and others), their roles glued before
their names (issue 22): "包含中研院院士甲乙丙、某聯盟秘書長丁戊己,以及學者庚辛壬、癸子丑等人等
75位學者在內,今署名…" (including academician A of X, secretary-general B of Y, and the scholars
C and D, and others, 75 scholars in all, signed …).

The run is the clause that "等" closes, after a word for "including" ("包含", "包括"); its
items are parted by "、" or a comma (a clause that opens with "以及", "and also", goes on
the run). Each item is an office or profession and a name with nothing between them; it is
written back as "名(所属職)", the shape persons_cjk reads ("甲乙丙(中研院院士)").
"""

from __future__ import annotations

import re

from .persons_cjk import is_cjk_person_name

# "等" then what it counts: "人", "75位學者", "多名", "團體"; "平等", "等待" are no "and others".
_ETC = re.compile(
    r"等(?=人|[0-9０-９一二三四五六七八九十百千餘余多數数]+\s*(?:位|名|人|個|个|家|所)"
    r"|(?:團體|团体|組織|组织|單位|单位|機構|机构|學者|学者|人士|教授))"
)
_LEAD = re.compile(r".*?(?:其中包括|其中包含|包括|包含|包含了|包括了|計有|计有|如)")
_CLAUSE = re.compile(r"[,，;；:：]")
_ITEM = re.compile(r"[、,，]")
_OPENING_AND = re.compile(r"^(?:以及|及|和|與|与|並|并|還有|还有)")
# Offices and professions written before a name ("院士陳培哲"), longest first.
_ROLE_TEXT = """院士 副院長 院長 副校長 校長 教授 副教授 名譽教授 榮譽教授 研究員 秘書長 秘书长
    理事長 理事长 董事長 董事长 執行長 执行长 總經理 总经理 主席 副主席 召集人 發言人 发言人
    社長 所長 主任 委員 委员 立委 議員 议员 律師 律师 作家 導演 导演 學者 学者 記者 记者 醫師
    医师 牧師 牧师 神父 會長 会长 理事 監事 编辑 編輯 總編輯 总编辑 主編 主编 前 前任"""
_ROLES = tuple(sorted(set(_ROLE_TEXT.split()), key=len, reverse=True))
_MIN_ITEMS = 3
_MAX_ITEM = 24  # characters: an office, a body and a name


def _run(sentence: str) -> str | None:
    """The words of the run that "等" closes, from "including" on (else the clause)."""
    etc = _ETC.search(sentence)
    if etc is None:
        return None
    before = sentence[: etc.start()]
    clauses = _CLAUSE.split(before)
    # Clauses that open with "and also" belong to the run before them.
    run = clauses.pop()
    while clauses and _OPENING_AND.match(run.strip()):
        run = f"{clauses.pop()},{run}"
    lead = _LEAD.match(run)
    return run[lead.end() :] if lead else run


def glued_person(item: str) -> str:
    """ "中研院院士陳培哲" -> "陳培哲(中研院院士)": a name after an office or profession, the
    office with its body put in parentheses; the item itself when it is a name alone or no
    office leads into a name."""
    for role in _ROLES:
        at = item.rfind(role)
        if at < 0:
            continue
        name = item[at + len(role) :]
        if is_cjk_person_name(name) and len(name) <= 4:
            return f"{name}({item[: at + len(role)]})"
    return item


def etc_items(sentence: str) -> list[str]:
    """The items of a run closed by "等", each a person with their office, or []."""
    run = _run(sentence)
    if run is None:
        return []
    items = [_OPENING_AND.sub("", piece.strip()) for piece in _ITEM.split(run)]
    if len(items) < _MIN_ITEMS or any(not 2 <= len(item) <= _MAX_ITEM for item in items):
        return []
    read = [glued_person(item) for item in items]
    # Persons only: each item is a name, alone or after its office.
    if not all(is_cjk_person_name(item.split("(", 1)[0]) for item in read):
        return []
    return read
