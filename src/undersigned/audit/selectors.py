from django.db.models import QuerySet

from undersigned.audit.history import PUBLIC_KINDS
from undersigned.audit.models import Event


def events_for_statement(statement, *, public_only: bool = True) -> QuerySet[Event]:
    """A statement's events, oldest first; by default only those the public may see.

    Filters on the id, not a join, so the history stays readable after the statement is gone;
    the copied names mean the template needs no further queries.
    """
    events = Event.objects.filter(statement_id=statement.pk).order_by("id")
    if public_only:
        events = events.filter(kind__in=PUBLIC_KINDS)
    return events
