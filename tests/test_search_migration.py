"""The search index's migration moved from the app `web` to `search`: it must run on a fresh
database and on one that holds the index already (made under the old app's name)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from undersigned.search.selectors import search_statements
from undersigned.statements.actions import edit_text
from undersigned.statements.models import Statement


def _search_objects() -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # The table and its triggers, not FTS5's own shadow tables.
            names = [f"web_text_search{end}" for end in ("", "_insert", "_update", "_delete")]
            cursor.execute("SELECT name FROM sqlite_master WHERE name IN (%s, %s, %s, %s)", names)
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname = 'web_text_search' "
                "UNION ALL SELECT proname FROM pg_proc WHERE proname = 'web_unaccent'"
            )
        return sorted(row[0] for row in cursor.fetchall())


def _finds_the_new_words(statement: Statement, carol) -> bool:
    edit_text(
        statement=statement,
        user=carol,
        title="Solidarity with the dockers of Antwerp",
        subtitle="",
        body="The harbour stands still.",
    )
    return search_statements("antwerp harbour", Statement.objects.public(), 10) == [statement]


@pytest.mark.django_db(transaction=True)
def test_it_runs_over_an_index_an_older_database_has(open_statement, carol):
    before = _search_objects()
    assert before  # made by the migration, under the names the app `web` gave them
    # An older database: the index is there, the new app's migration never ran.
    MigrationRecorder.Migration.objects.filter(app="search").delete()
    call_command("migrate", "search", verbosity=0)
    assert MigrationRecorder.Migration.objects.filter(app="search").exists()
    assert _search_objects() == before
    assert _finds_the_new_words(open_statement, carol)


@pytest.mark.django_db(transaction=True)
def test_it_makes_the_index_on_a_fresh_database(open_statement, carol):
    before = _search_objects()
    call_command("migrate", "search", "zero", verbosity=0)
    assert _search_objects() == []
    call_command("migrate", "search", verbosity=0)
    assert _search_objects() == before
    assert _finds_the_new_words(open_statement, carol)
