"""A short run of organizations closing a statement, one per line or paragraph, with no
heading ("Union of Dock Workers" / "Teachers' Association of X" / "Builders' Union of Y").

Without a heading or an "undersigned" cue the trailing finder wants five entries, since a
few short closing lines are mostly the issuer and its address. Three or more lines that each
name a body of their own (an organization word in every one, no sentence among them) are
co-signers instead: an issuer is one body.
"""

from .vocabulary import has_organization_word

_FEWEST = 3
_LONGEST = 120  # a body's name, not a sentence


def names_bodies(texts: list[str]) -> bool:
    """Whether each text names an organization of its own, and there are three at least."""
    if len(texts) < _FEWEST or len(set(texts)) < len(texts):
        return False
    return all(
        len(text) <= _LONGEST
        and not text.rstrip().endswith((".", ":", "!", "?", ";", ","))
        and has_organization_word(text)
        for text in texts
    )


__all__ = ["names_bodies"]
