"""The endorsement numbers as pictures and as JSON for the page's live updates.

All three read the periodically aggregated numbers (endorsements.stats), so polling costs a cache
read, not a count. Drafts are cached privately only: a shared cache must not hand a draft's
numbers to people who may not see the draft.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import time_format
from django.utils.translation import gettext

from undersigned.core.l10n import native_digits
from undersigned.core.pagecache import cache_public_page
from undersigned.endorsements.pictures import (
    country_name,
    daily_chart_svg,
    number,
    top_countries,
    world_map_svg,
)
from undersigned.endorsements.stats import endorsement_stats
from undersigned.statements.models import Statement
from undersigned.statements.selectors import get_statement_for

PICTURE_MAX_AGE = 5  # as fresh as the numbers behind them
JSON_MAX_AGE = 2
TABLE_ROWS = 30  # rows of the country table the page shows (templates/endorsements/_numbers.html)


def _cached(response: HttpResponse, statement: Statement, max_age: int) -> HttpResponse:
    if statement.state_enum.is_public:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, private=True, max_age=max_age)
    return response


def _svg(svg: str) -> HttpResponse:
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def map_svg(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug, bodies=False)
    stats = endorsement_stats(statement)
    svg = world_map_svg(
        stats.by_country,
        title=gettext("Confirmed endorsements of “%(title)s” by country") % {"title": statement},
    )
    return _cached(_svg(svg), statement, PICTURE_MAX_AGE)


def chart_svg(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug, bodies=False)
    stats = endorsement_stats(statement)
    svg = daily_chart_svg(
        stats.by_day,
        title=gettext("Confirmed endorsements of “%(title)s” over time") % {"title": statement},
    )
    return _cached(_svg(svg), statement, PICTURE_MAX_AGE)


# Polled by every open page every ten seconds: one rendering serves all anonymous readers.
@cache_public_page(JSON_MAX_AGE)
def stats_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The numbers, plus what the page shows of them already formatted in the reader's language.

    live.js only copies text in; formatting here keeps one source of number and name formats.
    """
    statement = get_statement_for(request, slug, bodies=False)
    stats = endorsement_stats(statement)
    data = stats.as_json()
    data["confirmed_display"] = number(stats.confirmed)
    data["computed_at"] = stats.computed_at.isoformat()
    data["computed_at_display"] = native_digits(
        time_format(timezone.localtime(stats.computed_at), "H:i:s")
    )
    data["top_countries"] = [
        {
            "code": code,
            "name": country_name(code) if code else gettext("Not given"),
            "count": n,
            "count_display": number(n),
        }
        for code, n in top_countries(stats.by_country, TABLE_ROWS)
    ]
    return _cached(JsonResponse(data), statement, JSON_MAX_AGE)
