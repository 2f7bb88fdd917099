"""Reading statements for a person: what they may see, as it stands now."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from undersigned.coalitions.permissions import can_view_statement
from undersigned.core.pagecache import kept_for_version
from undersigned.statements.models import SlugRedirect, Statement


class StatementMoved(Http404):
    """The slug is an old address of a statement (statements.middleware answers 301 to the
    new one; elsewhere, as in the API, it is a 404)."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


def get_statement_for(request: HttpRequest, slug: str, *, bodies: bool = True) -> Statement:
    """The statement, if this person may read it; 404 otherwise, so drafts stay unseen.
    `bodies=False`, for answers that show only titles (a signature's, the numbers'): without
    the texts' bodies, and from the cache.

    A statement whose deadline has passed reads as closed. Reading writes nothing: the next
    action on the statement (a signature, say) records the closing in the audit trail.
    """
    try:
        if bodies:
            statement = get_object_or_404(Statement.objects.with_current_text(), slug=slug)
        else:
            statement = _with_titles(slug)
    except Http404:
        moved = SlugRedirect.objects.filter(slug=slug).select_related("statement").first()
        if moved is not None and can_view_statement(request.user, moved.statement):
            raise StatementMoved(moved.statement.slug) from None
        raise
    if not can_view_statement(request.user, statement):
        raise Http404
    statement.state = statement.state_now
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
