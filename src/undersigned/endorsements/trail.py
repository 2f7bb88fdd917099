"""What the endorsements tell the audit trail's verification: an endorsement hidden as spam
(an event names it) stays hidden; nothing in the application shows one again.

People's endorsements are otherwise not in the trail, on purpose: a person may ask to be
forgotten, and an event can never be erased; and one event per signature would queue every
signature of a petition on the chain's one head row.
"""

from undersigned.audit.models import Event
from undersigned.endorsements.models import Endorsement


def endorsements_agree_with_the_trail(newest: Event | None) -> str | None:
    hidden: dict[int, set[int]] = {}
    events = Event.objects.filter(kind=Event.Kind.ENDORSEMENTS_HIDDEN)
    for statement_id, details in events.values_list("statement_id", "details"):
        hidden.setdefault(statement_id, set()).update((details or {}).get("ids", []))
    for statement_id, ids in hidden.items():
        shown = (
            Endorsement.objects.filter(statement_id=statement_id, pk__in=ids, hidden=False)
            .values_list("pk", flat=True)
            .first()
        )
        if shown is not None:
            return (
                f"endorsement #{shown} was hidden as spam, yet it is shown: it was changed "
                "outside the application"
            )
    return None
