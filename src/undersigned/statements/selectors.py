"""Reading statements for a person: what they may see, as it stands now."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

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


def refusal(message: str) -> HttpResponse:
    """A 400 that says what is allowed: a wrong parameter is the asker's to fix, not a page
    that is not there."""
    return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")


def unknown_language(statement: Statement, language: str | None) -> HttpResponse | None:
    """The 400 for a language the statement has no text in, or None when it has one."""
    if not language or statement.current_text(language) is not None:
        return None
    written = sorted({text.language for text in statement.texts.all()})
    return refusal(
        _("There is no text in “%(language)s”. Languages: %(languages)s.")
        % {"language": language, "languages": ", ".join(written)}
    )
