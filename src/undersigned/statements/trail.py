"""What the statements tell the audit trail's verification: every change of a statement is an
event, so the newest change can be no newer than the newest event."""

from django.db.models import Max

from undersigned.audit.models import Event
from undersigned.statements.models import Statement


def statements_agree_with_the_trail(newest: Event | None) -> str | None:
    changed = Statement.objects.aggregate(last=Max("updated_at"))["last"]
    if changed is None:
        return None
    if newest is None:
        return "the trail is empty, yet the database holds statements: its events were deleted"
    if newest.created_at < changed:
        return (
            f"a statement changed at {changed.isoformat()}, after the newest event "
            f"(#{newest.pk}, {newest.created_at.isoformat()}): the newest events were cut off"
        )
    return None
