"""Endorsement numbers by periodic aggregation.

Writers never touch a counter row (a hot row serializes them: the lesson of the UK petitions
site in 2019). The numbers are computed by one aggregation query at most every few seconds per
statement, off the request path by the task worker, and served from the cache in between; the
page says how fresh they are.

Readers never write: a change to a statement's endorsements asks for the recount
(`numbers_changed`, called by the actions that write them), not the page that shows them. A
recount queued on the read path was a database write, and under another writer's lock the
first reader waited the busy timeout and got a 503.
"""

import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast, Substr, TruncDate
from django.utils import timezone
from django_tasks import task

from undersigned.endorsements.models import Endorsement
from undersigned.statements.models import Statement

log = logging.getLogger(__name__)

FRESH_SECONDS = 5  # at most one recount per statement this often
RECOUNT_SPACING = 20  # and at most 1/20 of the time on counting (next_recount_after)
_LOCK_SECONDS = 60  # a queued recount that died frees the way after this


@dataclass
class EndorsementStats:
    total: int  # every endorsement not hidden, confirmed or not
    confirmed: int
    by_country: dict[str, int]  # confirmed, by ISO code ("" for not given)
    by_day: list[tuple[str, int]]  # confirmed, by ISO day (UTC) of signing, oldest first
    computed_at: dt.datetime
    took_seconds: float = 0.0  # how long the count took (it spaces the next one out)

    def as_json(self) -> dict:
        data = asdict(self)
        del data["took_seconds"]
        data["computed_at"] = self.computed_at.isoformat()
        data["by_day"] = [list(pair) for pair in self.by_day]
        return data


def compute_stats(statement_id: int) -> EndorsementStats:
    """Every number in one pass over the statement's rows: one GROUP BY (country, day,
    confirmed) query, summed here. Three queries read the rows three times; at a million rows
    that was a second of the database's time every few seconds of a surge, taken from the
    requests of the people signing."""
    started = time.monotonic()
    groups = (
        Endorsement.objects.filter(statement_id=statement_id, hidden=False)
        .order_by()
        .annotate(day=_utc_day(), counted=Q(confirmed_at__isnull=False))
        .values("country", "day", "counted")
        .annotate(n=Count("id"))
        .values_list("country", "day", "counted", "n")
    )
    total = confirmed = 0
    by_country: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    for country, day, counted, n in groups:
        total += n
        if counted:
            confirmed += n
            by_country[country] += n
            by_day[str(day)[:10]] += n
    return EndorsementStats(
        total=total,
        confirmed=confirmed,
        by_country=dict(by_country),
        by_day=sorted(by_day.items()),
        computed_at=timezone.now(),
        took_seconds=time.monotonic() - started,
    )


def _utc_day():
    """The UTC day of signing. PostgreSQL casts to a date; on SQLite the first ten characters
    of the stored text are the UTC day, where TruncDate would call a Python function per row."""
    if connection.vendor == "postgresql":
        return TruncDate("created_at", tzinfo=dt.UTC)
    return Substr(Cast("created_at", CharField()), 1, 10)


def next_recount_after(stats: EndorsementStats) -> dt.datetime:
    """No sooner than FRESH_SECONDS after the last count, and never more than a twentieth of
    the time on counting: a count that took a second waits twenty."""
    pause = max(FRESH_SECONDS, RECOUNT_SPACING * stats.took_seconds)
    return stats.computed_at + dt.timedelta(seconds=pause)


def _key(statement_id: int) -> str:
    return f"endorsement-stats:{statement_id}"


@task()
def refresh_stats(statement_id: int) -> None:
    """Recompute a statement's numbers into the cache (run by the task worker)."""
    # The mark goes first: a change committed from now on queues a recount of its own, and one
    # committed before is in what this one counts.
    cache.delete(f"{_key(statement_id)}:queued")
    cache.set(_key(statement_id), compute_stats(statement_id), timeout=24 * 3600)


def numbers_changed(statement_id: int) -> None:
    """Ask for a recount once the caller's transaction commits: every action that adds,
    confirms, hides or deletes endorsements calls it. One recount at a time is queued per
    statement, no sooner than next_recount_after the last."""
    transaction.on_commit(lambda: _queue_recount(statement_id))


def _queue_recount(statement_id: int) -> None:
    # After the commit, so that a recount already queued, which takes the mark off before it
    # counts, either sees this change or leaves the mark for this one to take.
    if not cache.add(f"{_key(statement_id)}:queued", 1, _LOCK_SECONDS):
        return
    cached = cache.get(_key(statement_id))
    run_after = timezone.now()
    if cached is not None:
        run_after = max(run_after, next_recount_after(cached))
    try:
        refresh_stats.using(run_after=run_after).enqueue(statement_id)
    except DatabaseError:  # committed already: the change stands, the next one asks again
        cache.delete(f"{_key(statement_id)}:queued")
        log.warning("Could not queue a recount of statement %s's numbers.", statement_id)


def endorsement_stats(statement: Statement) -> EndorsementStats:
    """The numbers as last counted (the worker recounts after a change, at most every
    FRESH_SECONDS); only a statement never counted before is counted in the request, which
    reads and writes only the cache."""
    cached = cache.get(_key(statement.pk))
    if cached is None:
        cached = compute_stats(statement.pk)
        cache.set(_key(statement.pk), cached, timeout=24 * 3600)
    return cached
