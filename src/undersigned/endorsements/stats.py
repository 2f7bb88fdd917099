"""Endorsement numbers by periodic aggregation.

Writers never touch a counter row (a hot row serializes them: the lesson of the UK petitions
site in 2019). The numbers are computed by one aggregation query at most every few seconds per
statement, off the request path by the task worker, and served from the cache in between; the
page says how fresh they are.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast, Substr
from django.utils import timezone
from django_tasks import task

from undersigned.endorsements.models import Endorsement
from undersigned.statements.models import Statement

FRESH_SECONDS = 5  # how long a computed result is served as is
_LOCK_SECONDS = 60  # a refresh that died frees the way after this


@dataclass
class EndorsementStats:
    total: int  # every endorsement not hidden, confirmed or not
    confirmed: int
    by_country: dict[str, int]  # confirmed, by ISO code ("" for not given)
    by_day: list[tuple[str, int]]  # confirmed, by ISO day (UTC) of signing, oldest first
    computed_at: dt.datetime

    def as_json(self) -> dict:
        data = asdict(self)
        data["computed_at"] = self.computed_at.isoformat()
        data["by_day"] = [list(pair) for pair in self.by_day]
        return data


def compute_stats(statement_id: int) -> EndorsementStats:
    rows = Endorsement.objects.filter(statement_id=statement_id, hidden=False).order_by()
    totals = rows.aggregate(
        total=Count("id"), confirmed=Count("id", filter=Q(confirmed_at__isnull=False))
    )
    counted = rows.filter(confirmed_at__isnull=False)
    by_country = dict(counted.values("country").annotate(n=Count("id")).values_list("country", "n"))
    # The first ten characters of the stored time are its UTC day on both databases; Django's
    # TruncDate would call a Python function per row on SQLite.
    day = Substr(Cast("created_at", CharField()), 1, 10)
    by_day = list(
        counted.annotate(day=day)
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
        .order_by("day")
    )
    return EndorsementStats(
        total=totals["total"],
        confirmed=totals["confirmed"],
        by_country=by_country,
        by_day=by_day,
        computed_at=timezone.now(),
    )


def _key(statement_id: int) -> str:
    return f"endorsement-stats:{statement_id}"


@task()
def refresh_stats(statement_id: int) -> None:
    """Recompute a statement's numbers into the cache (run by the task worker)."""
    try:
        cache.set(_key(statement_id), compute_stats(statement_id), timeout=24 * 3600)
    finally:
        cache.delete(f"{_key(statement_id)}:lock")


def endorsement_stats(statement: Statement) -> EndorsementStats:
    """The numbers, at most FRESH_SECONDS old plus the time one refresh takes.

    A stale result is served at once while one request (the one that takes the lock) asks the
    worker to recompute; only a statement never counted before is counted in the request.
    """
    cached = cache.get(_key(statement.pk))
    if cached is None:
        stats = compute_stats(statement.pk)
        cache.set(_key(statement.pk), stats, timeout=24 * 3600)
        return stats
    age = (timezone.now() - cached.computed_at).total_seconds()
    if age >= FRESH_SECONDS and cache.add(f"{_key(statement.pk)}:lock", 1, _LOCK_SECONDS):
        refresh_stats.enqueue(statement.pk)
    return cached
