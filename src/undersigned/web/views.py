from django.core.cache import caches
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from undersigned.coalitions.models import Coalition
from undersigned.core.pagecache import cache_public_page
from undersigned.statements.models import State, Statement
from undersigned.web import search as finding
from undersigned.web.archive import PAGE_SIZE as ARCHIVE_PAGE_SIZE
from undersigned.web.archive import ArchiveForm

SEARCH_LIMIT = 50


def _listed(statements):
    active = Q(signatures__withdrawn_at__isnull=True)
    return (
        statements.with_current_text()
        .annotate(signature_count=Count("signatures", filter=active))
        .order_by(F("issued_on").desc(nulls_last=True), "-created_at")
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and benchmarks: 200 "ok" only when the database answers a read and
    takes a write (rolled back), and the caches take a write. A read-only data folder, a full
    disk or a write lock held past the busy timeout answer 503 with the reason."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM django_migrations")
                cursor.fetchone()
                # Touches one row without changing it: SQLite must get its write lock and write.
                cursor.execute(
                    "UPDATE django_migrations SET applied = applied "
                    "WHERE id = (SELECT MIN(id) FROM django_migrations)"
                )
            transaction.set_rollback(True)
        for alias in ("default", "limits"):
            caches[alias].set("healthz", 1, 5)
    except Exception as error:
        body = f"unavailable: {type(error).__name__}: {error}\n"
        response = HttpResponse(body, status=503, content_type="text/plain")
        add_never_cache_headers(response)
        return response
    response = HttpResponse("ok\n", content_type="text/plain")
    add_never_cache_headers(response)
    return response


@cache_public_page(5)
def home(request: HttpRequest) -> HttpResponse:
    public = Statement.objects.public()
    return render(
        request,
        "core/home.html",
        {
            "open_statements": _listed(public.in_state(State.OPEN)),
            "recent_statements": _listed(public.in_state(State.CLOSED, State.WITHDRAWN))[:20],
            "coalitions": Coalition.objects.annotate(member_count=Count("members")),
        },
    )


def archive(request: HttpRequest) -> HttpResponse:
    """Every public statement, newest first, filtered and paginated."""
    form = ArchiveForm(request.GET or None)
    statements = _listed(form.filter(Statement.objects.public()))
    page = Paginator(statements, ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "core/archive.html",
        {
            "form": form,
            "page": page,
            "statements": page.object_list,
            "filters": filters.urlencode(),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    statements = organizations = coalitions = []
    if query:
        # _listed counts signatures in a subquery-free annotation over statements found by
        # their texts (never joined to the texts, which would count each signature once per
        # matching language).
        statements = finding.search_statements(
            query, _listed(Statement.objects.public()), SEARCH_LIMIT
        )
        organizations = finding.search_organizations(query, SEARCH_LIMIT)
        coalitions = finding.search_coalitions(query)
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
