from django.core.cache import caches
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from undersigned.coalitions.models import Coalition
from undersigned.core.pagecache import cache_public_page
from undersigned.signing.selectors import listed_statements
from undersigned.statements.models import State, Statement
from undersigned.web.archive import PAGE_SIZE as ARCHIVE_PAGE_SIZE
from undersigned.web.archive import ArchiveForm


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
        "web/home.html",
        {
            "open_statements": listed_statements(public.filter(state=State.OPEN)),
            "recent_statements": listed_statements(public.exclude(state=State.OPEN))[:20],
            "coalitions": Coalition.objects.annotate(member_count=Count("members")),
        },
    )


def archive(request: HttpRequest) -> HttpResponse:
    """Every public statement, newest first, filtered and paginated."""
    form = ArchiveForm(request.GET or None)
    statements = listed_statements(form.filter(Statement.objects.public()))
    page = Paginator(statements, ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "web/archive.html",
        {
            "form": form,
            "page": page,
            "statements": page.object_list,
            "filters": filters.urlencode(),
        },
    )
