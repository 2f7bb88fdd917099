"""How much one line looks like an entry of a signatory list, and why.

Each feature adds or takes evidence: entries are short, mostly capitalized, rarely end
like sentences, and often carry an organization word, an acronym, a country or a
person's name; body sentences are long, lower-case and full of small words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import country_name_code
from .folding import fold
from .vocabulary import FUNCTION_WORDS, has_organization_word

_TOKEN = re.compile(r"[^\W\d_][\w'’.\-&]*")
_ACRONYM_TOKEN = re.compile(r"\b[A-ZÄÖÜÇŞİÉ][A-Z0-9ÄÖÜÇŞİÉ&.\-]{1,11}\b")
_LETTER = re.compile(r"[^\W\d_]")
_PARENTHESIZED = re.compile(r"\([^()]*\)")
_PAREN = re.compile(r"\(([^()]{2,40})\)\s*$")


@dataclass(frozen=True)
class Likeness:
    score: float  # 0..1: how much the line looks like a list entry
    reason: str  # the strongest evidence, for --explain


@lru_cache(maxsize=1 << 16)
def entry_likeness(text: str) -> Likeness:
    """Score one line (without its list marker)."""
    if len(text) > 300:
        return Likeness(0.02, "a long paragraph")
    if not _LETTER.search(text):
        return Likeness(0.0, "no letters")
    # A translation or an expansion in parentheses makes an entry long, not a sentence.
    core = (_PARENTHESIZED.sub("", text) or text) if "(" in text else text
    length = len(core)
    tokens = _TOKEN.findall(core)
    content = [t for t in tokens if fold(t) not in FUNCTION_WORDS]
    capitalized = sum(1 for t in content if t[0].isupper() or t[0].isdigit())
    share = capitalized / len(content) if content else 0.0
    score = 0.45
    good: list[str] = []
    bad: list[str] = []
    if length <= 60:
        score += 0.2
        good.append("short")
    elif length <= 110:
        score += 0.1
    elif length > 160:
        score -= 0.3
        bad.append("long")
    if len(tokens) > 18:
        score -= 0.3
        bad.append("many words")
    if text.endswith(("?", "!", ":", ";")):
        score -= 0.4
        bad.append("ends like a sentence or an introduction")
    elif text.endswith(".") and not text.endswith(".."):
        if len(tokens) <= 5:
            score -= 0.05
        else:
            score -= 0.3
            bad.append("ends with a full stop")
    if share >= 0.6:
        score += 0.15
        good.append("capitalized words")
    elif share < 0.35 and len(content) >= 3:
        score -= 0.3
        bad.append("mostly lower-case words")
    if has_organization_word(text):
        score += 0.15
        good.append("an organization word")
    if _ACRONYM_TOKEN.search(text):
        score += 0.1
        good.append("an acronym")
    paren = _PAREN.search(text)
    tail = text.rsplit(",", 1)[-1] if "," in text else ""
    if (paren and country_name_code(paren.group(1))) or (tail and country_name_code(tail)):
        score += 0.15
        good.append("a country")
    if text[:1].islower():
        score -= 0.1
        bad.append("starts in lower case")
    score = max(0.0, min(1.0, score))
    if score >= 0.5:
        reason = "looks like an entry: " + (", ".join(good) or "a short line")
    else:
        reason = "looks like prose: " + (", ".join(bad) or "no sign of a name")
    return Likeness(round(score, 2), reason)
