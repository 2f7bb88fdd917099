"""Reading statements for a person: what they may see, as it stands now."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from undersigned.accounts.permissions import can_view_statement
from undersigned.statements.models import State, Statement


def get_statement_for(request: HttpRequest, slug: str, *, bodies: bool = True) -> Statement:
    """The statement, if this person may read it; 404 otherwise, so drafts stay unseen.
    `bodies=False` leaves out the texts' bodies, for answers that show only titles.

    A statement whose deadline has passed reads as closed. Reading writes nothing: the next
    action on the statement (a signature, say) records the closing in the audit trail.
    """
    statement = get_object_or_404(Statement.objects.with_current_text(bodies=bodies), slug=slug)
    if not can_view_statement(request.user, statement):
        raise Http404
    deadline = statement.deadline
    if statement.state == State.OPEN and deadline and deadline <= timezone.now():
        statement.state = State.CLOSED
    return statement
