"""Endorsement numbers by periodic aggregation.

Writers never touch a counter row (a hot row serializes them: the lesson of the UK petitions
site in 2019). The numbers are computed by one aggregation query at most every few seconds per
statement and served from the cache in between; the page says how fresh they are.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from undersigned.endorsements.models import Endorsement
from undersigned.statements.models import Statement

FRESH_SECONDS = 5  # how long a computed result is served as is


@dataclass
class EndorsementStats:
    total: int  # every endorsement not hidden, confirmed or not
    confirmed: int
    by_country: dict[str, int]  # confirmed, by ISO code ("" for not given)
    by_day: list[tuple[str, int]]  # confirmed, by ISO day of signing, oldest first
    computed_at: dt.datetime

    def as_json(self) -> dict:
        data = asdict(self)
        data["computed_at"] = self.computed_at.isoformat()
        data["by_day"] = [list(pair) for pair in self.by_day]
        return data


def compute_stats(statement: Statement) -> EndorsementStats:
    rows = Endorsement.objects.filter(statement=statement, hidden=False)
    totals = rows.aggregate(
        total=Count("id"), confirmed=Count("id", filter=Q(confirmed_at__isnull=False))
    )
    counted = rows.filter(confirmed_at__isnull=False)
    by_country = dict(
        counted.order_by().values("country").annotate(n=Count("id")).values_list("country", "n")
    )
    by_day = [
        (day.isoformat(), n)
        for day, n in counted.order_by()
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(n=Count("id"))
        .order_by("day")
        .values_list("day", "n")
    ]
    return EndorsementStats(
        total=totals["total"],
        confirmed=totals["confirmed"],
        by_country=by_country,
        by_day=by_day,
        computed_at=timezone.now(),
    )


def endorsement_stats(statement: Statement) -> EndorsementStats:
    """The numbers, at most FRESH_SECONDS old (a little more while one process recomputes)."""
    key = f"endorsement-stats:{statement.pk}"
    cached = cache.get(key)
    if cached is not None and (timezone.now() - cached.computed_at).total_seconds() < FRESH_SECONDS:
        return cached
    # One process recomputes; the others keep serving the previous result meanwhile.
    if cached is not None and not cache.add(f"{key}:lock", 1, timeout=30):
        return cached
    stats = compute_stats(statement)
    cache.set(key, stats, timeout=24 * 3600)
    cache.delete(f"{key}:lock")
    return stats
