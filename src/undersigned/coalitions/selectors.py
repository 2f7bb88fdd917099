"""Reading coalitions and organizations in the order people look for them."""

import unicodedata

from undersigned.coalitions.models import Coalition, Organization


def _folded(text: str) -> str:
    """Sort key that ignores case and accents: "Côte d'Ivoire" sorts with "Cote"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def members_in_display_order(coalition: Coalition) -> list[Organization]:
    """The members sorted by the name of their country in the reader's language, then by
    abbreviation and name; those without a country last. ISO codes sort "Switzerland" (CH)
    before "Côte d'Ivoire" (CI), which no reader expects."""
    members = list(coalition.members.all())
    return sorted(
        members,
        key=lambda o: (
            not o.country,
            _folded(str(o.country.name)) if o.country else "",
            _folded(o.abbreviation or o.name),
            _folded(o.name),
        ),
    )
