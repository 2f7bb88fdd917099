"""Persons named in one CJK sentence by their honorific, and a list item broken off.

Japanese, Chinese and Korean news name a few signers in a sentence as "<name>さん/氏" joined
by や/、/と (zh 先生/女士 and 和/及, ko 씨 and 와/과; not 님, which
also follows common nouns: 회원님, 선생님), often after a descriptor
("作家の"): "呼び掛け人には作家のAさんやBさんのほか…". Only a sentence with a word about
signing or supporting counts, so a report of who spoke at a press conference gives nothing.

A running-text list whose paragraph breaks off inside its last item ("A (KSPI), B (MPBI),
C (Y") keeps only the items that are whole.
"""

from __future__ import annotations

import re

# The name right before an honorific: a run of han, katakana or hangul (no hiragana, which
# is where the particles are), so "作家の赤川次郎さん" gives 赤川次郎.
_NAME = r"[\u3005\u30a1-\u30fa\u30fc\u4e00-\u9fff\uac00-\ud7a3・]{2,10}"
_HONORIFIC = r"(?:さん|氏|先生|女士|\s?씨)"
_PERSON = re.compile(rf"({_NAME}){_HONORIFIC}")
# What may stand between one named person and the next: a joiner, then a short descriptor.
_BETWEEN = re.compile(
    r"^\s*(?:や|と|、|，|,|和|及|与|與|와|과|및)\s*"
    r"(?:[^\s、。，,]{1,10}?の|[가-힣]{1,6}\s)?\s*$"
)
_SIGNING = re.compile(
    r"呼び?掛け人|呼びかけ人|賛同|署名|連名|名を連ね|発起人|联署|聯署|签署|簽署|连署|連署"
    r"|서명|연명|제안자|동참"
)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
# Chinese has no particles to end a run of han before a name: the words that lead into a
# name are cut off, and a name before 先生/女士 has at most three characters.
_ZH_LEAD = re.compile(r"^.*(?:包括|包含|以及|有|及|和|与|與|、)")


def _name(match: re.Match[str]) -> str:
    """The name before the honorific, or "" when the run is no name."""
    name = match.group(1).strip("・")
    if match.group(0).endswith(("先生", "女士")):
        name = _ZH_LEAD.sub("", name)[-3:]
    # A Korean name has two to four syllables: a longer run is a phrase.
    if name and "\uac00" <= name[-1] <= "\ud7a3" and len(name) > 4:
        return ""
    return name if len(name) >= 2 else ""


def honorific_persons(text: str) -> list[str]:
    """The persons named with an honorific in a sentence about signing, two or more of
    them joined one after the other; none in a sentence that says nothing of signing."""
    for sentence in _SENTENCE_END.split(text):
        if not _SIGNING.search(sentence):
            continue
        run: list[str] = []
        last_end = None
        for match in _PERSON.finditer(sentence):
            name = _name(match)
            start = match.end(1) - len(name)
            joined = last_end is not None and _BETWEEN.match(sentence[last_end:start])
            if not name or (last_end is not None and not joined):
                if len(run) >= 2:
                    return run
                run = []
            if name:
                run.append(name)
            last_end = match.end() if name else None
        if len(run) >= 2:
            return run
    return []


_OPEN = "(（["
_CLOSE = ")）]"


def without_broken_tail(items: list[str], paragraph: str) -> list[str]:
    """The items without the last one when the paragraph breaks off inside it: it ends
    the paragraph with no closing punctuation and a parenthesis it opened is not closed."""
    if not items:
        return items
    last = items[-1].rstrip()
    text = paragraph.rstrip()
    if not last or not text.endswith(last) or text[-1] in ".。!?！？)）]":
        return items
    opened = sum(last.count(ch) for ch in _OPEN)
    closed = sum(last.count(ch) for ch in _CLOSE)
    return items[:-1] if opened > closed else items
