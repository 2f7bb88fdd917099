"""Readers never write: under another process's write lock, the first anonymous reader of a
statement whose numbers were due for a recount got a 503 after the busy timeout, because the
recount was queued (a task row: a database write) on the read path. Writers now ask for it."""

import sqlite3
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from undersigned.endorsements.actions import confirm_endorsement, endorse
from undersigned.endorsements.stats import endorsement_stats
from undersigned.endorsements.tokens import confirm_token

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's write lock (BEGIN IMMEDIATE)"
)

KEY = "endorsement-stats:{pk}"


def person(statement, name: str):
    return endorse(
        statement=statement, name=name, email=f"{name}@example.org", country="DE",
        affiliation="", listed=True, client="192.0.2.1",
    ).endorsement  # fmt: skip


def make_stale(statement) -> None:
    """Numbers counted a minute ago, and no page cached: the next reader meets a due recount."""
    stats = endorsement_stats(statement)
    caches["default"].clear()
    stats.computed_at = timezone.now() - timedelta(seconds=60)
    caches["default"].set(KEY.format(pk=statement.pk), stats)


@pytest.mark.django_db(transaction=True)
def test_a_reader_gets_the_page_while_another_process_holds_the_write_lock(client, open_statement):
    person(open_statement, "ana")
    make_stale(open_statement)
    lock = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        response = client.get(open_statement.get_absolute_url())
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_reader_queues_nothing(client, open_statement):
    from django_tasks_db.models import DBTaskResult

    person(open_statement, "ana")
    make_stale(open_statement)
    DBTaskResult.objects.all().delete()
    assert client.get(open_statement.get_absolute_url()).status_code == 200
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_confirmation_asks_for_the_recount_and_the_worker_does_it(open_statement, run_tasks):
    ana = person(open_statement, "ana")
    run_tasks()  # her confirmation mail
    make_stale(open_statement)
    assert endorsement_stats(open_statement).confirmed == 0
    confirm_endorsement(confirm_token(ana.pk, ana.secret))
    run_tasks()
    assert endorsement_stats(open_statement).confirmed == 1
