"""Reading statements for a person: what they may see, as it stands now."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from undersigned.coalitions.permissions import can_view_statement
from undersigned.core.pagecache import kept_for_version
from undersigned.statements.models import State, Statement


def get_statement_for(request: HttpRequest, slug: str, *, bodies: bool = True) -> Statement:
    """The statement, if this person may read it; 404 otherwise, so drafts stay unseen.
    `bodies=False`, for answers that show only titles (a signature's, the numbers'): without
    the texts' bodies, and from the cache.

    A statement whose deadline has passed reads as closed. Reading writes nothing: the next
    action on the statement (a signature, say) records the closing in the audit trail.
    """
    if bodies:
        statement = get_object_or_404(Statement.objects.with_current_text(), slug=slug)
    else:
        statement = _with_titles(slug)
    if not can_view_statement(request.user, statement):
        raise Http404
    deadline = statement.deadline
    if statement.state == State.OPEN and deadline and deadline <= timezone.now():
        statement.state = State.CLOSED
    return statement


def _with_titles(slug: str) -> Statement:
    """The statement with its texts' titles, kept in the cache under its page version, which
    every change to it replaces: when a statement goes viral, a signature reads the statement
    in one cache round trip, not from the database (two queries and their ORM work: a
    quarter of a signature's time on PostgreSQL)."""
    return kept_for_version(
        Statement.page_version_name(slug),
        lambda: Statement.last_change(slug),
        "titles",
        lambda: get_object_or_404(Statement.objects.with_current_text(bodies=False), slug=slug),
    )
