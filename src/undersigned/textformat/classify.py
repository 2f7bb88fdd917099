"""How much one line looks like an entry of a signatory list, and why.

The score is the probability of the line model (line_model.py): a logistic regression on
the line's features (features.py) whose weights were fitted on the corpus, not set by
hand. Entries are short, mostly capitalized, rarely end like sentences, and often carry an
organization word, an acronym, a country or a person's name; the fit says how much each
of these counts. Two rules stay rules: a paragraph of more than 300 characters is never an
entry, and a line without a letter is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .features import Context, line_features
from .line_model import contributions, probability

_LETTER = re.compile(r"[^\W\d_]")
_SHOWN = 3  # features named in a reason
# The two lines that a rule decides: the reasons they are given.
LONG, NO_LETTERS = "a long paragraph (a rule: never an entry)", "no letters (a rule)"
RULES = (LONG, NO_LETTERS)


@dataclass(frozen=True)
class Likeness:
    score: float  # 0..1: how much the line looks like a list entry
    reason: str  # the strongest evidence, for --explain


@lru_cache(maxsize=1 << 16)
def entry_likeness(text: str, context: Context | None = None) -> Likeness:
    """Score one line (without its list marker); the context, when given, adds the
    neighbours' shapes, the list marker and the position (features.Context)."""
    if len(text) > 300:
        return Likeness(0.02, LONG)
    if not _LETTER.search(text):
        return Likeness(0.0, NO_LETTERS)
    x = line_features(text, context)
    score = probability(x)
    parts = contributions(x)
    if score >= 0.5:
        named = [f"{name} {value:+.1f}" for name, value in parts if value > 0][:_SHOWN]
        reason = "looks like an entry: " + (", ".join(named) or "nothing against it")
    else:
        named = [f"{name} {value:+.1f}" for name, value in parts if value < 0][:_SHOWN]
        reason = "looks like prose: " + (", ".join(named) or "no sign of a name")
    return Likeness(round(score, 2), reason)
