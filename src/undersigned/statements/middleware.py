"""Old addresses of statements whose slug changed answer with a 301 to the new one."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse

from undersigned.statements.selectors import StatementMoved


class OldStatementAddresses:
    """Turns StatementMoved, raised where a statement is looked up by its slug (the page and
    every sub-page: changes, exports, feed, embed …), into a 301 to the same page under the new
    slug, in the same language and with the same query."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        match = request.resolver_match
        if not isinstance(exception, StatementMoved) or match is None or not match.view_name:
            return None
        try:
            path = reverse(
                match.view_name, args=match.args, kwargs={**match.kwargs, "slug": exception.slug}
            )
        except NoReverseMatch:
            return None
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)
