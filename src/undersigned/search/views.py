from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from undersigned.search import selectors as finding
from undersigned.signing.selectors import listed_statements
from undersigned.statements.models import Statement

SEARCH_LIMIT = 50


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    statements = organizations = coalitions = []
    if query:
        statements = finding.search_statements(
            query, listed_statements(Statement.objects.public()), SEARCH_LIMIT
        )
        organizations = finding.search_organizations(query, SEARCH_LIMIT)
        coalitions = finding.search_coalitions(query)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "statements": statements,
            "organizations": organizations,
            "coalitions": coalitions,
        },
    )
