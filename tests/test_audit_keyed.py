"""The audit chain keyed with a secret the database does not hold (HMAC-SHA-256): what a person
who can only write to the database could do unseen with plain SHA-256 now shows."""

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import QuerySet

from undersigned.accounts.actions import grant_role
from undersigned.audit.models import ChainHead, Event, EventKind
from undersigned.audit.services import record_event, verify_chain
from undersigned.statements.actions import change_state
from undersigned.statements.models import State


def verify_says() -> str:
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", stdout=StringIO(), stderr=StringIO())
    assert failure.value.returncode == 1
    return str(failure.value)


def _plain(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def test_cutting_a_role_granted_and_moving_the_head_back_shows(open_statement, carol, bob):
    before = Event.objects.order_by("-id").first()
    grant_role(coalition=open_statement.coalition, target=bob, kind="coordinator", user=carol)
    assert Event.objects.order_by("-id").first().kind == EventKind.ROLE_GRANTED
    assert verify_chain().ok
    # Cut the event that made bob coordinator, move the head back: the chain itself is intact,
    # and no statement changed after the event left.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table} WHERE id > %s", [before.pk])
        cursor.execute(
            f"UPDATE {ChainHead._meta.db_table} SET last_event_id = %s, last_hash = %s",
            [before.pk, before.hash],
        )
    result = verify_chain()
    assert not result.ok and "moved back" in result.reason
    assert "BROKEN" in verify_says()


def test_an_event_appended_with_plain_sha256_shows(open_statement):
    last = Event.objects.order_by("-id").first()
    forged = Event(created_at=last.created_at, kind=EventKind.ROLE_GRANTED, prev_hash=last.hash)
    forged.hash = forged.compute_hash(keyed=False)  # what the code did before the key
    QuerySet.bulk_create(Event.objects.all(), [forged])
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ChainHead._meta.db_table} SET last_event_id = %s, last_hash = %s",
            [Event.objects.order_by("-id").first().pk, forged.hash],
        )
    result = verify_chain()
    assert not result.ok
    assert "moved back or forged" in result.reason


def test_a_recomputed_event_without_the_key_shows(open_statement):
    event = Event.objects.order_by("-id").first()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Event._meta.db_table} SET hash = %s WHERE id = %s",
            [event.compute_hash(keyed=False), event.pk],
        )
    result = verify_chain()
    assert not result.ok and "without the key" in result.reason


def test_a_dropped_head_table_is_broken_not_a_traceback(open_statement):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {ChainHead._meta.db_table}")
    result = verify_chain()
    assert not result.ok and "cannot be read" in result.reason
    assert verify_says().startswith("BROKEN")


def test_an_install_from_before_the_key_is_rekeyed_once(open_statement, carol):
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    # Make the chain what an older version wrote: plain SHA-256, a head without a MAC.
    previous = "0" * 64
    for event in Event.objects.order_by("id"):
        event.prev_hash = previous
        event.hash = event.compute_hash(keyed=False)
        QuerySet.update(Event.objects.filter(pk=event.pk), prev_hash=previous, hash=event.hash)
        previous = event.hash
    QuerySet.update(ChainHead.objects.all(), last_hash=previous, mac="")
    assert "audit rekey" in verify_chain().reason
    out = StringIO()
    call_command("audit", "rekey", stdout=out)
    assert out.getvalue().startswith("Rekeyed: ")
    assert verify_chain().ok
    newest = Event.objects.order_by("-id").first()
    assert (
        newest.kind == EventKind.AUDIT_REKEYED and newest.details["unkeyed_last_hash"] == previous
    )
    with pytest.raises(CommandError, match="keyed already"):
        call_command("audit", "rekey", stdout=StringIO())
    with transaction.atomic():
        record_event(kind=EventKind.STATEMENT_CREATED, statement=open_statement)
    assert verify_chain().ok
