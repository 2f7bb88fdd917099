"""Imports at the same moment as each other, or as a state change, under the statement's lock."""

import threading

import pytest
from django.db import connections

from undersigned.audit.models import Event
from undersigned.core.errors import ActionError
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

from .conftest import seed_text


def run_together(*jobs) -> list[str]:
    """The jobs started at once, each in its own thread; their outcomes in the jobs' order."""
    start, outcomes = threading.Barrier(len(jobs)), [""] * len(jobs)

    def run(index: int, job) -> None:
        try:
            start.wait()
            job()
            outcomes[index] = "done"
        except ActionError:
            outcomes[index] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_the_same_text_imported_twice_at_once_gives_one_statement(icor):
    document = parse(seed_text("icor-afghanistan-2021"))
    outcomes = run_together(
        *(lambda: import_document(document, coalition=icor, source="t") for _ in range(3))
    )
    assert outcomes == ["done"] * 3
    assert Statement.objects.count() == 1
    assert Statement.objects.get().signatures.count() == 34


@pytest.mark.django_db(transaction=True)
def test_no_signature_is_imported_after_the_statement_closed(resolution, alice):
    longer = parse(seed_text("icor-afghanistan-2021") + "\n35. XYZ Xylophone Youth Zone, Chile\n")
    outcomes = run_together(
        lambda: import_document(longer, coalition=resolution.coalition, source="t"),
        lambda: change_state(statement=resolution, user=alice, state=State.CLOSED),
    )
    closed = Event.objects.get(kind=Event.Kind.STATEMENT_STATE_CHANGED, details__state="closed")
    imported = Event.objects.filter(kind=Event.Kind.SIGNATURE_IMPORTED, organization_label="XYZ")
    # Which came first is the race's to decide: the signature before the closing, or the import
    # refused after it, never a signature after the closing.
    assert all(event.pk < closed.pk for event in imported)
    assert outcomes == ["done" if imported.exists() else "refused", "done"]
