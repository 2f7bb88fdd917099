"""The audit chain keyed with a secret the database does not hold (HMAC-SHA-256): what a person
who can only write to the database could do unseen with plain SHA-256 now shows."""

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import QuerySet

from undersigned.audit.models import ChainHead, Event, EventKind
from undersigned.audit.services import record_event, verify_chain
from undersigned.coalitions.actions import grant_role
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
    # The next event appended by the application does not hide the cut.
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    assert "moved back" in verify_chain().reason


def test_cutting_the_tail_and_deleting_the_head_shows_after_the_next_event(open_statement, carol):
    before = Event.objects.order_by("-id").first()
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table} WHERE id > %s", [before.pk])
        cursor.execute(f"DELETE FROM {ChainHead._meta.db_table}")
        cursor.execute("UPDATE statements_statement SET state = 'open', updated_at = %s",
                       [before.created_at])  # fmt: skip
    with transaction.atomic():
        record_event(kind=EventKind.ROLE_GRANTED, details={"role": "translator"})
    assert "moved back or forged" in verify_chain().reason


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
    # The upgraded server runs on before anyone rekeys: its new events are keyed already.
    change_state(statement=open_statement, user=carol, state=State.OPEN)
    assert "audit rekey" in verify_chain().reason
    last_before = Event.objects.order_by("-id").first().hash
    out = StringIO()
    call_command("audit", "rekey", stdout=out)
    assert out.getvalue().startswith("Rekeyed: ")
    assert verify_chain().ok
    newest = Event.objects.order_by("-id").first()
    assert (
        newest.kind == EventKind.AUDIT_REKEYED
        and newest.details["unkeyed_last_hash"] == last_before
    )
    with pytest.raises(CommandError, match="keyed already"):
        call_command("audit", "rekey", stdout=StringIO())
    with transaction.atomic():
        record_event(kind=EventKind.ROLE_GRANTED, details={"role": "translator"})
    assert verify_chain().ok


# Rows the events describe: a direct SQL edit of a signature, a text, a statement's state or
# a hidden endorsement shows, though the chain itself is intact.


def _sql(statement: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def signed(open_statement, dave, mlpd):
    from undersigned.signing.actions import sign_statement

    return sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)


def test_a_signature_moved_to_another_organization_in_sql_shows(signed, rode_morgen):
    assert verify_chain().ok
    _sql("UPDATE signing_signature SET organization_id = %s", [rode_morgen.pk])
    result = verify_chain()
    assert not result.ok and "RM" in result.reason and "outside the application" in result.reason


def test_a_withdrawal_undone_in_sql_shows(signed, dave, mlpd):
    from undersigned.signing.actions import withdraw_signature

    withdraw_signature(statement=signed.statement, organization=mlpd, user=dave, reason="No.")
    assert verify_chain().ok
    _sql("UPDATE signing_signature SET withdrawn_at = NULL", [])
    result = verify_chain()
    assert not result.ok and "is active" in result.reason


def test_a_signature_deleted_in_sql_shows(signed):
    _sql("DELETE FROM signing_signature", [])
    result = verify_chain()
    assert not result.ok and "deleted outside" in result.reason


def test_a_public_text_edited_in_sql_shows(open_statement):
    assert verify_chain().ok
    _sql("UPDATE statements_text SET body = %s", ["We call for nothing."])
    result = verify_chain()
    assert not result.ok and "text en:1" in result.reason and "edited" in result.reason
    assert "BROKEN" in verify_says()


def test_a_state_changed_in_sql_shows(open_statement):
    _sql("UPDATE statements_statement SET state = %s", ["closed"])
    result = verify_chain()
    assert not result.ok and "its state was changed" in result.reason


def test_an_endorsement_hidden_as_spam_shown_again_in_sql_shows(open_statement, carol):
    from undersigned.endorsements.actions import endorse, hide_endorsements

    spam = endorse(
        statement=open_statement, name="Spam", email="spam@example.org", country="",
        affiliation="", listed=True, client="127.0.0.1",
    ).endorsement  # fmt: skip
    hide_endorsements(statement=open_statement, ids=[spam.pk], user=carol)
    assert verify_chain().ok
    _sql("UPDATE endorsements_endorsement SET hidden = %s", [False])
    result = verify_chain()
    assert not result.ok and f"endorsement #{spam.pk}" in result.reason
