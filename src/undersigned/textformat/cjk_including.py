"""Bodies given as examples in one Chinese sentence about co-signing: "聯署團體…包括A、B、C等".

News in Chinese names a few of the co-signing groups as "包括A、B、C、多個商會等" (including
A, B, C, several chambers of commerce, etc.): the items between 包括/包含 and 等 parted by the
ideographic comma. A generic item ("多個商會", several chambers) is no name; a list of kinds of
persons in the same shape ("包括人大代表、政協委員、議員等") names nobody and gives nothing.
"""

from __future__ import annotations

import re

_SIGNING = re.compile(r"聯署|联署|簽署|签署|連署|连署|聯名|联名")
_INCLUDING = re.compile(r"(?:包括|包含|當中有|当中有|其中有)(?:了|有)?([^,，。;；:：]+?)等")
# A generic item says how many or which kind, not who: "多個商會", "其他團體", "各區街坊會".
_GENERIC = re.compile(r"^(?:多|數|数|幾|几|一些|其他|其它|各|不少|眾多|众多|部分|若干|\d)")
# Kinds of persons: offices and callings, not bodies.
_KIND_OF_PERSON = re.compile(
    r"(?:代表|委員|委员|議員|议员|人士|成員|成员|學者|学者|教授|律師|律师|醫生|医生|市民|居民"
    r"|主席|會長|会长|校長|校长|老師|老师|學生|学生|專家|专家|領袖|领袖|官員|官员)$"
)


def including_bodies(text: str) -> list[str]:
    """The named bodies of the first "包括…等" list in a clause about co-signing, without
    its generic items; none when the list names kinds of persons or fewer than two."""
    for clause in re.split(r"[。;；]", text):
        signing = _SIGNING.search(clause)
        if signing is None:
            continue
        for match in _INCLUDING.finditer(clause):
            items = [item.strip() for item in re.split(r"[、]", match.group(1))]
            items = [item for item in items if item]
            if len(items) < 2:
                continue
            if sum(bool(_KIND_OF_PERSON.search(item)) for item in items) * 2 >= len(items):
                continue
            named = [item for item in items if not _GENERIC.match(item)]
            if len(named) >= 2:
                return named
    return []
