from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from undersigned.coalitions.models import Coalition, Organization
from undersigned.core.pagecache import cache_public_page
from undersigned.statements.models import State, Statement

SEARCH_LIMIT = 50


def _listed(statements):
    active = Q(signatures__withdrawn_at__isnull=True)
    return (
        statements.with_current_text()
        .annotate(signature_count=Count("signatures", filter=active))
        .order_by(F("issued_on").desc(nulls_last=True), "-created_at")
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and benchmarks: the web stack answers, nothing else is asked."""
    return HttpResponse("ok\n", content_type="text/plain")


@cache_public_page(5)
def home(request: HttpRequest) -> HttpResponse:
    public = Statement.objects.public()
    return render(
        request,
        "core/home.html",
        {
            "open_statements": _listed(public.filter(state=State.OPEN)),
            "recent_statements": _listed(public.exclude(state=State.OPEN))[:20],
            "coalitions": Coalition.objects.annotate(member_count=Count("members")),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    statements = organizations = coalitions = []
    if query:
        statements = _listed(
            Statement.objects.public()
            .filter(Q(texts__title__icontains=query) | Q(texts__subtitle__icontains=query))
            .distinct()
        )[:SEARCH_LIMIT]
        organizations = Organization.objects.filter(
            Q(abbreviation__icontains=query)
            | Q(name__icontains=query)
            | Q(name_en__icontains=query)
        )[:SEARCH_LIMIT]
        coalitions = Coalition.objects.filter(
            Q(abbreviation__icontains=query) | Q(name__icontains=query)
        )
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "statements": statements,
            "organizations": organizations,
            "coalitions": coalitions,
        },
    )
