"""Names listed inside one pair of quotation marks in a sentence, and lists of countries.

"Several groups, among them “A، B، C و D”, issued a joint statement …": the separators stand
inside the quotes, which open right before the first name and close right after the last, so
the quotes bound the run better than the words around it. Quotes of every script count: “…”,
«…», „…“, 「…」, 『…』 and straight double quotes.

A run whose items are mostly countries' names ("… leaders from Australia, Canada, Sweden and
Italy") says where the signers live or whom they address, not who signs: country_run tells it.
"""

from __future__ import annotations

import re

from .country_fuzzy import separate_country
from .folding import fold
from .paren_lists import ParenRun

# One quoted span long enough for a few short names, its opening and closing marks paired.
_QUOTED = re.compile(
    r"“([^“”]{12,2500})”|«([^«»]{12,2500})»|„([^„“”]{12,2500})[“”]|「([^「」]{12,2500})」"
    r"|『([^『』]{12,2500})』|\"([^\"]{12,2500})\""
)
_SEPARATOR = re.compile(r"\s*,\s+|\s*[،、，]\s*")
_SENTENCE_END = re.compile(r"[.!?。؟।]\s+")
MIN_PIECES = 3  # the last one may hold two names joined by "and"
# Words for the states or their governments, folded, in the languages of the corpus: before a
# run of countries they make the countries the actors.
_STATES = re.compile(
    r"govern|gouvern|gobiern|regierung|hukumet|hukumat|pemerintah|правительств|уряд|κυβερν"
    r"|حكوم|حکومت|دولت|ממשל|सरकार|সরকার|정부|政府|states|estados|etats|staaten|stati\b"
    r"|devlet|государств|الدول|countries|paises|pays\b|lander|paesi|국가|国家|國家|各国|各國"
)


def quoted_runs(text: str) -> list[ParenRun]:
    """Every quoted span of the text that holds MIN_PIECES separated pieces or more, with the
    words of its sentence before it (which carry the cue about who signs)."""
    runs = []
    if not any(mark in text for mark in '“«„「『"'):
        return runs
    for match in _QUOTED.finditer(text):
        inner = next(group for group in match.groups() if group is not None)
        pieces = [piece.strip() for piece in _SEPARATOR.split(inner)]
        if len(pieces) < MIN_PIECES or not all(pieces):
            continue
        before = text[: match.start()]
        starts = [end.end() for end in _SENTENCE_END.finditer(before)]
        runs.append(ParenRun(before[starts[-1] if starts else 0 :].strip(), pieces))
    return runs


def country_run(items: list[str], text: str = "") -> bool:
    """Whether three items or more, two thirds of them at least, are each a country's name
    written alone (in any language): a list of places, not of signers (half of them are the
    countries of "A, Kenya, B, Uganda, C, Tanzania"). Unless the words before the
    first one say the states themselves act ("The governments of Norway, Kenya, Chile and
    Japan signed …"): text is the sentence the items stand in."""
    countries = sum(separate_country(item) is not None for item in items)
    if countries < 3 or countries * 3 < len(items) * 2:
        return False
    lead = text.split(items[0], 1)[0] if items[0] and items[0] in text else ""
    return _STATES.search(fold(lead)) is None
