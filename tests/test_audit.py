"""The audit trail: events chain, tampering shows, nothing edits or deletes them."""

import itertools
import json
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.template.loader import render_to_string
from django.urls import reverse

from undersigned.audit.models import (
    GENESIS_HASH,
    ChainHead,
    Event,
    EventKind,
    ImmutableEventError,
)
from undersigned.audit.selectors import events_for_statement
from undersigned.audit.services import record_event, verify_chain
from undersigned.coalitions.models import Organization
from undersigned.statements.models import Statement

UNDERSIGNED = Path(sys.executable).with_name("undersigned")


@pytest.fixture
def statement(db) -> Statement:
    return Statement.objects.create(slug="afghanistan-2021")


@pytest.fixture
def mlpd(db) -> Organization:
    return Organization.objects.create(
        abbreviation="MLPD", name="Marxistisch-Leninistische Partei Deutschlands", country="DE"
    )


def record(kind: EventKind, **kwargs) -> Event:
    with transaction.atomic():
        return record_event(kind=kind, **kwargs)


@pytest.fixture
def chain(alice, bob, statement, mlpd) -> list[Event]:
    """A statement's life: created, opened, signed by MLPD, a role granted. The rows agree with
    the events and the transparency log (verify checks them against each other)."""
    from django.utils import timezone

    from undersigned.signing.log import log_signature
    from undersigned.signing.models import Signature
    from undersigned.statements.models import Text

    Statement.objects.filter(pk=statement.pk).update(state="open")
    text = Text.objects.create(statement=statement, language="en", version=2, title="T", body="B")
    log_signature(
        Signature.objects.create(
            statement=statement, organization=mlpd, text=text, signed_at=timezone.now()
        )
    )
    return [
        record(EventKind.STATEMENT_CREATED, actor=alice, statement=statement),
        record(
            EventKind.STATEMENT_STATE_CHANGED,
            actor=alice,
            statement=statement,
            details={"state": "open", "reason": ""},
        ),
        record(
            EventKind.SIGNATURE_GIVEN,
            actor=bob,
            statement=statement,
            organization=mlpd,
            details={"version": 2},
        ),
        record(
            EventKind.ROLE_GRANTED, actor=alice, organization=mlpd, details={"role": "delegate"}
        ),
    ]


def run_verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out, stderr=StringIO())
    return out.getvalue()


def verify_fails() -> CommandError:
    with pytest.raises(CommandError) as failure:
        run_verify()
    assert failure.value.returncode == 1
    return failure.value


def test_it_chains_events_that_verify(chain):
    assert chain[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(chain):
        assert after.prev_hash == before.hash
    assert chain[2].actor_name == "bob" and chain[2].organization_label == "MLPD"
    assert chain[2].statement_slug == "afghanistan-2021"

    result = verify_chain()
    assert result.ok and result.checked == 4 and result.last_hash == chain[-1].hash
    assert run_verify().startswith("OK: 4 events, chain intact.\n")


def test_it_verifies_an_empty_chain(db):
    assert run_verify().startswith("OK: 0 events, chain intact.")


def test_it_detects_an_event_edited_with_raw_sql(chain):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Event._meta.db_table} SET details = %s WHERE id = %s",
            ['{"version": 1}', chain[2].pk],
        )

    result = verify_chain()
    assert not result.ok and result.checked == 2
    assert result.first_broken == chain[2] and "edited" in result.reason
    message = str(verify_fails())
    assert f"event #{chain[2].pk} (signature.given, " in message and "edited" in message


def test_it_detects_an_event_deleted_with_raw_sql(chain):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table} WHERE id = %s", [chain[1].pk])

    result = verify_chain()
    assert not result.ok and result.first_broken == chain[2] and "deleted" in result.reason
    assert f"event #{chain[2].pk} " in str(verify_fails())


def test_it_detects_events_cut_off_the_end(chain):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table} WHERE id = %s", [chain[-1].pk])

    result = verify_chain()
    assert not result.ok and result.checked == 3 and "cut off" in result.reason
    assert f"#{chain[-1].pk}" in str(verify_fails())


def test_it_detects_reordered_events(chain):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Event._meta.db_table} SET id = %s WHERE id = %s",
            [chain[-1].pk + 1, chain[1].pk],
        )

    result = verify_chain()
    assert not result.ok and result.first_broken == chain[2] and "reordered" in result.reason


def test_it_detects_an_event_added_behind_the_chains_back(chain):
    forged = Event(created_at=chain[-1].created_at, kind=EventKind.SIGNATURE_GIVEN)
    forged.prev_hash = chain[-1].hash
    forged.hash = forged.compute_hash()
    forged.save()  # a correct hash, but without record_event() the chain head never heard of it

    result = verify_chain()
    assert not result.ok and result.first_broken == forged and "behind" in result.reason


def test_it_refuses_to_change_or_delete_events(chain):
    event = Event.objects.get(pk=chain[0].pk)
    event.details = {"forged": True}
    with pytest.raises(ImmutableEventError):
        event.save()
    with pytest.raises(ImmutableEventError):
        event.delete()
    with pytest.raises(ImmutableEventError):
        Event.objects.all().delete()
    with pytest.raises(ImmutableEventError):
        Event.objects.filter(pk=event.pk).update(details={})
    with pytest.raises(ImmutableEventError):
        Event.objects.bulk_create([Event(kind=EventKind.ROLE_GRANTED)])
    with pytest.raises(ImmutableEventError):
        Event.objects.create(kind=EventKind.ROLE_GRANTED)  # unchained: no hash
    assert Event.objects.count() == 4 and verify_chain().ok


def test_it_refuses_details_that_would_not_hash_the_same_after_a_round_trip(db):
    with pytest.raises(TypeError):
        record(EventKind.ENDORSEMENTS_HIDDEN, details={"share": 0.5})


@pytest.mark.django_db(transaction=True)
def test_it_only_records_inside_the_callers_transaction():
    with pytest.raises(TransactionManagementError):
        record_event(kind=EventKind.STATEMENT_CREATED)
    assert not Event.objects.exists()


def test_it_keeps_the_history_of_a_deleted_statement(chain, statement, admin_client):
    statement_id = statement.pk
    statement.signatures.all().delete()  # a signature's text is protected
    statement.delete()

    assert verify_chain().ok
    events = Event.objects.filter(statement_id=statement_id)
    assert events.count() == 3 and {e.statement_slug for e in events} == {"afghanistan-2021"}
    changelist = admin_client.get(reverse("admin:audit_event_changelist"))
    assert changelist.status_code == 200 and "afghanistan-2021" in changelist.content.decode()
    change_url = reverse("admin:audit_event_change", args=[chain[0].pk])
    assert admin_client.get(change_url).status_code == 200


def test_it_shows_the_public_history_of_a_statement(chain, statement):
    events = events_for_statement(statement)
    assert [e.kind for e in events] == [
        EventKind.STATEMENT_CREATED,
        EventKind.STATEMENT_STATE_CHANGED,
        EventKind.SIGNATURE_GIVEN,
    ]

    # Names are isolated (U+2068 … U+2069) from the sentence around them, for right-to-left.
    html = (
        render_to_string("audit/_history.html", {"events": events})
        .replace("\u2068", "")
        .replace("\u2069", "")
    )
    assert "MLPD signed version 2." in html
    assert "alice opened the statement for signatures." in html
    assert "bob" not in html  # a delegate signs for the organization, not as a person
    assert f'<time datetime="{chain[0].created_at.isoformat()}' in html
    assert "delegate" not in html and "@" not in html


def test_it_never_keeps_an_email_address_as_a_name(django_user_model, statement):
    carol = django_user_model.objects.create_user("carol@example.org")
    event = record(
        EventKind.STATEMENT_STATE_CHANGED,
        actor=carol,
        statement=statement,
        details={"state": "closed"},
    )
    # The trail is never erased, an address must be: the event keeps the account's number.
    assert event.actor_name == f"#{carol.pk}" and event.actor_id == carol.pk
    assert "@" not in json.dumps(event.details)
    assert event.sentence == "The statement was closed for signatures."


def test_it_lists_recent_events(chain):
    out = StringIO()
    call_command("audit", "list", "--statement", "afghanistan-2021", "--limit", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"#{chain[1].pk} ") and "statement.state_changed" in lines[0]
    assert "signature.given" in lines[1] and "MLPD" in lines[1] and chain[2].short_hash in lines[1]


def test_it_reports_progress_on_long_chains(chain):
    seen = []
    assert verify_chain(progress=seen.append, progress_every=2).ok
    assert seen == [2, 4]


def test_it_explains_the_audit_command(tmp_path):
    result = subprocess.run(
        [str(UNDERSIGNED), "audit", "verify", "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"UNDERSIGNED_VAR_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0 and "names the first broken" in result.stdout


def test_it_keeps_events_read_only_in_the_admin(admin_client, chain):
    changelist = admin_client.get(reverse("admin:audit_event_changelist"))
    assert changelist.status_code == 200
    assert "Signature given" in changelist.content.decode()
    assert admin_client.get(reverse("admin:audit_event_add")).status_code == 403

    change_url = reverse("admin:audit_event_change", args=[chain[2].pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(change_url, {"details": "{}"}).status_code == 403

    delete_url = reverse("admin:audit_event_delete", args=[chain[2].pk])
    assert admin_client.get(delete_url).status_code == 403
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert verify_chain().ok and Event.objects.count() == 4


@pytest.mark.django_db(transaction=True)
def test_it_forms_one_chain_from_concurrent_appends():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database has table locks that ignore the busy timeout")
    threads, per_thread, errors = 8, 20, []
    start = threading.Barrier(threads)

    def append(number: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                with transaction.atomic():
                    record_event(kind=EventKind.SIGNATURE_GIVEN, details={"t": number, "i": i})
        except Exception as error:  # reported below: an exception in a thread is otherwise lost
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=append, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    events = list(Event.objects.order_by("id"))
    assert len(events) == threads * per_thread
    assert len({e.prev_hash for e in events}) == len(events)  # no two events share a parent
    result = verify_chain()
    assert result.ok and result.checked == threads * per_thread


def test_it_fails_on_an_emptied_trail_while_statements_exist(open_statement):
    assert verify_chain().ok
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table}")
        cursor.execute(f"DELETE FROM {ChainHead._meta.db_table}")
    result = verify_chain()
    assert not result.ok and "trail is empty" in result.reason
    assert "trail is empty" in str(verify_fails())


def test_it_fails_when_the_newest_events_and_the_head_were_cut_back(open_statement, carol):
    from undersigned.statements.actions import change_state
    from undersigned.statements.models import State

    before = Event.objects.order_by("-id").first()
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    # Cut the newest event and move the head back to what it was: the chain itself is intact.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Event._meta.db_table} WHERE id > %s", [before.pk])
    ChainHead.objects.update(last_event_id=before.pk, last_hash=before.hash)
    result = verify_chain()
    assert not result.ok and "moved back" in result.reason
