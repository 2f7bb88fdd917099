"""Names joined by "and" glued to the next word, with no comma at all (Arabic, Persian):
"… كان الحزب الشيوعي "أ" والحزب الشيوعي "ب" وحزب "ج" للسلم والديمقراطية وغيرهم …".

"و" also sits inside names ("للسلم والديمقراطية"), so a glued "و" splits only where the
pieces on both sides look like names of one list: where the word after it has the same
head as the word that starts the other items ("الحزب", "حزب", the article "ال" aside).
"""

from __future__ import annotations

import re
from collections import Counter

_GLUED_AND = re.compile(r"(?:(?<=\s)|^)[וو](?=[^\W\d_])")
_ARTICLE = re.compile(r"^(?:ال|لل|ה)(?=\w{2})")
# What ends the last name: another glued "and", punctuation, a closing quote.
_END = re.compile(r"[،,.;:؛»!?؟]|\s[וو](?=[^\W\d_])")
_MAX_ITEM_WORDS = 8


def _head(word: str) -> str:
    return _ARTICLE.sub("", word.strip("\"“”«»'()"))


def glued_and_items(text: str) -> list[str]:
    """The names of a run joined by glued "و" whose items start with one head word, or []."""
    joints = list(_GLUED_AND.finditer(text))
    if len(joints) < 2:
        return []
    following = [text[joint.end() :].split(maxsplit=1)[0] for joint in joints]
    heads = Counter(_head(word) for word in following)
    head, count = heads.most_common(1)[0]
    if count < 2 or len(head) < 2:
        return []
    splits = [joint for joint, word in zip(joints, following, strict=True) if _head(word) == head]
    # The first item starts at the last word with that head before the first split.
    before = text[: splits[0].start()]
    words = list(re.finditer(r"\S+", before))
    starts = [w for w in words[-_MAX_ITEM_WORDS:] if _head(w.group()) == head]
    if not starts:
        return []
    items: list[str] = []
    start = starts[-1].start()
    for joint in splits:
        items.append(text[start : joint.start()].strip())
        start = joint.end()
    rest = text[start:]
    end = _END.search(rest, len(rest.split(maxsplit=1)[0]) if rest.split() else 0)
    last = rest[: end.start()] if end is not None else rest
    items.append(" ".join(last.split()[:_MAX_ITEM_WORDS]))
    # A run of items far longer than names is prose that happens to repeat a word.
    if any(len(item.split()) > _MAX_ITEM_WORDS for item in items):
        return []
    return [item.strip(" .،,") for item in items if item.strip(" .،,")]
