"""Two signers joined by one "and", named by a joint statement's own title or as the subject
of the text's first sentence (issue 22).

A joint statement of two parties needs no list: its title says who issues it ("A和B关于…的联
合声明", "AとBの共同声明", "A와 B의 공동성명", "Joint statement by A and B", "Déclaration
commune de A et B"), or its first sentence has the two as its subject before the topic
particle ("AとBは、…共同声明を送りました。"). The only separator is the word for "and": in
Chinese 和/与/與 (not 及, which joins the parts of one name, "大不列颠及北爱尔兰"; not the 和
of 共和国 or 平和), in Japanese と, in Korean 와/과 glued to the first name.

Only the subject is read: the recipients after the topic particle ("…首相と…大使館などに")
have the same shape.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lines import Line

_NAME = r"[^\s、。，,：:「」『』“”（）()は]{2,30}?"
_ZH_AND = r"(?<![共平])[和与與](?!平)"
_ZH_STATEMENT = r"(?:联合|聯合|共同)(?:声明|聲明|宣言|公报|公報|呼吁|呼籲|倡议|倡議)"
_JA_STATEMENT = r"(?:共同声明|共同宣言|共同アピール|共同要請|共同意見書)"
_TITLES = (
    # "A和B关于香港问题的联合声明", "A与B联合声明"
    re.compile(
        rf"^(?P<a>{_NAME}){_ZH_AND}(?P<b>{_NAME})"
        rf"(?:(?:关于|關於|就|对|對).{{1,40}}?的|的|之)?{_ZH_STATEMENT}$"
    ),
    # "AとBの共同声明", "AとBによる平和共同宣言"
    re.compile(rf"^(?P<a>{_NAME})と(?P<b>{_NAME})(?:の|による)[^。]{{0,30}}?{_JA_STATEMENT}$"),
    # "A와 B의 공동성명", "A과 B 공동 선언문"
    re.compile(r"^(?P<a>\S.{1,30}?)(?:와|과)\s+(?P<b>\S.{1,30}?)\s*(?:의\s*)?공동\s*(?:성명|선언)"),
    # "Joint statement by A and B", "Gemeinsame Erklärung von A und B", …
    re.compile(
        r"^(?:joint (?:statement|declaration|letter|communiqu[ée])"
        r"|gemeinsame (?:erkl[äa]rung|stellungnahme|pressemitteilung)"
        r"|d[ée]claration commune|communiqu[ée] commun|declaraci[óo]n conjunta"
        r"|comunicado conjunto|dichiarazione congiunta|comunicato congiunto"
        r"|declara[çc][ãa]o conjunta|nota conjunta|ortak (?:a[çc][ıi]klama|bildiri))"
        r"\s+(?:of|by|from|von|der|des|de|du|d'|di|del|della|dello|do|da|dos|das)\s+"
        r"(?P<a>[A-ZÀ-ÝĀ-Ž].{1,80}?)\s+(?:and|und|et|y|e|ve|&)\s+(?P<b>[A-ZÀ-ÝĀ-Ž].{1,80}?)"
        r"\s*$",
        re.IGNORECASE,
    ),
)
# The first sentence, its subject two names: "AとBは、…", "A和B…发表联合声明".
_SUBJECTS = (
    (re.compile(rf"^(?P<a>{_NAME})と(?P<b>{_NAME})は[、，,]"), re.compile(r"声明|宣言|アピール")),
    (
        re.compile(
            rf"^(?P<a>{_NAME}){_ZH_AND}(?P<b>{_NAME})(?:共同|联合|聯合)?(?:发表|發表|签署|簽署|发布|發布)"
        ),
        re.compile(r"声明|聲明|宣言|公报|公報"),
    ),
)
_OPENING_LINES = 3  # the subject sentence opens the text: a title above it at most
_MAX_LINE = 120
_MAX_WORDS = 8  # in a cased script, a name of more words is a clause
# Words that are no signer's name: "we", "both sides", "the two governments".
_NOT_NAMES = re.compile(
    r"^(?:私たち|我们|我們|双方|雙方|两国|兩國|우리)|^(?:we|the)\b", re.IGNORECASE
)


def pair_title(text: str) -> list[str]:
    """The two signers a joint statement's title names, or []."""
    text = text.strip()
    if len(text) > _MAX_LINE:
        return []
    for pattern in _TITLES:
        found = pattern.match(text)
        if found is not None:
            return _checked(found["a"], found["b"])
    return []


def pair_subject(text: str) -> list[str]:
    """The two signers the sentence opens with as its subject, when it speaks of a statement."""
    sentence = re.split(r"[。.!?]", text.strip(), maxsplit=1)[0]
    for pattern, statement in _SUBJECTS:
        found = pattern.match(sentence)
        if found is not None and statement.search(sentence):
            return _checked(found["a"], found["b"])
    return []


def _checked(first: str, second: str) -> list[str]:
    names = [first.strip(), second.strip()]
    # The title's pattern ignores case, so a name's capital is checked here ("of the two …").
    if any(name[:1].islower() for name in names):
        return []
    if any(_NOT_NAMES.match(name) or len(name.split()) > _MAX_WORDS for name in names):
        return []
    return names if names[0] != names[1] else []


def joint_pair(lines: list[Line]) -> tuple[Line, list[str]] | None:
    """The line that names two signers as a joint statement's title (anywhere: a page may
    quote the statement under its own words) or as the first sentence's subject, with them."""
    for line in lines:
        pair = pair_title(line.text)
        if pair:
            return line, pair
    for line in lines[:_OPENING_LINES]:
        pair = pair_subject(line.text)
        if pair:
            return line, pair
    return None
