"""`audit verify` checks each statement's transparency log against the database (issue 21,
item 4): a signature added or deleted in SQL, or a log entry edited, deleted or added around
the actions, answers BROKEN with the statement and why."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from undersigned.audit.services import verify_chain
from undersigned.signing.actions import sign_statement, withdraw_signature
from undersigned.signing.log import signatures_agree_with_the_log
from undersigned.tlog.entries import entry_bytes
from undersigned.tlog.merkle import leaf_hash
from undersigned.transparency.models import LogEntry


def _sql(statement: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def verify_says() -> str:
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", stdout=StringIO(), stderr=StringIO())
    assert failure.value.returncode == 1
    return str(failure.value)


@pytest.fixture
def signed(open_statement, dave, erin, mlpd, rode_morgen):
    for user, organization in ((dave, mlpd), (erin, rode_morgen)):
        sign_statement(statement=open_statement, organization=organization, user=user, version=1)
    withdraw_signature(statement=open_statement, organization=rode_morgen, user=erin, reason="No")
    assert verify_chain().ok
    return open_statement


def test_the_log_agrees_with_the_signatures_the_actions_wrote(signed):
    assert signatures_agree_with_the_log() is None
    call_command("audit", "verify", stdout=StringIO(), stderr=StringIO())


def test_a_signature_deleted_in_sql_shows(signed, mlpd):
    _sql("DELETE FROM signing_signature WHERE organization_id = %s", [mlpd.pk])
    reason = signatures_agree_with_the_log()
    assert reason == (
        f"the transparency log of {signed.slug}: organization #{mlpd.pk} is signed in the log "
        "(entry 1) but has no signature in force in the database"
    )
    assert "BROKEN" in verify_says()


def test_a_withdrawal_undone_in_sql_shows(signed, rode_morgen):
    _sql("UPDATE signing_signature SET withdrawn_at = NULL WHERE organization_id = %s",
         [rode_morgen.pk])  # fmt: skip
    reason = signatures_agree_with_the_log()
    assert signed.slug in reason
    assert f"organization #{rode_morgen.pk} has a signature in force in the database" in reason


def test_a_signature_added_in_sql_shows(signed, mlpd):
    _sql(
        "INSERT INTO signing_signature (statement_id, organization_id, text_id, signed_at, method,"
        " evidence, withdrawal_reason, removed_by_coordination)"
        " SELECT statement_id, %s, text_id, signed_at, 'recorded', '', '', %s"
        " FROM signing_signature WHERE organization_id = %s",
        [_another_organization(mlpd), False, mlpd.pk],
    )
    reason = signatures_agree_with_the_log()
    assert signed.slug in reason and "that the log does not hold" in reason
    assert "BROKEN" in verify_says()


def _another_organization(mlpd) -> int:
    from undersigned.coalitions.models import Organization

    return Organization.objects.create(name="Partido Comunista", country="ES").pk


def test_a_log_entry_edited_in_sql_shows_in_audit_verify(signed, mlpd):
    row = LogEntry.objects.get(statement_id=signed.pk, index=1)
    entry = json.loads(row.entry)
    entry["organization"]["name"] = "Someone else"
    _sql("UPDATE transparency_logentry SET entry = %s WHERE id = %s",
         [entry_bytes(entry).decode(), row.pk])  # fmt: skip
    assert verify_says() == (
        f"BROKEN: after {verify_chain().checked} intact events: the transparency log of "
        f"{signed.slug}: entry 1 is not the entry its leaf hash was made of: it was changed."
    )


def test_a_log_entry_edited_with_its_leaf_shows(signed, mlpd):
    """Whoever rewrites the leaf too keeps the hashes right, but not what the log replays:
    the MLPD's signature is no longer in it."""
    row = LogEntry.objects.get(statement_id=signed.pk, index=1)
    entry = json.loads(row.entry)
    entry["organization"]["id"] = _another_organization(mlpd)
    data = entry_bytes(entry)
    LogEntry.objects.filter(pk=row.pk).update(entry=data.decode(), leaf=leaf_hash(data))
    assert (
        f"organization #{mlpd.pk} has a signature in force in the database that the log does "
        "not hold" in verify_says()
    )


def test_a_log_entry_deleted_in_sql_shows(signed):
    _sql("DELETE FROM transparency_logentry WHERE statement_id = %s AND \"index\" = 1",
         [signed.pk])  # fmt: skip
    assert (
        f"the transparency log of {signed.slug}: entry 1 is missing (the next one is 2)"
        in verify_says()
    )


def test_the_last_log_entry_deleted_shows(signed, rode_morgen):
    """The withdrawal cut from the end: indexes stay dense, the replay does not."""
    last = LogEntry.objects.filter(statement_id=signed.pk).order_by("-index").first()
    assert json.loads(last.entry)["kind"] == "withdrawal"
    _sql("DELETE FROM transparency_logentry WHERE id = %s", [last.pk])
    assert (
        f"organization #{rode_morgen.pk} is signed in the log (entry 2) but has no signature"
        in verify_says()
    )


def test_a_stored_tree_hash_edited_in_sql_shows(signed):
    """The subtrees that proofs are read from (LogNode) must be made of the entries."""
    from undersigned.transparency.models import LogNode

    assert verify_says_intact()
    node = LogNode.objects.filter(statement_id=signed.pk).order_by("position").first()
    _sql("UPDATE transparency_lognode SET hash = %s WHERE id = %s", [b"\x00" * 32, node.pk])
    assert (
        f"the transparency log of {signed.slug}: the stored hash at position {node.position} of "
        "its tree is not made of its entries: it was changed" in verify_says()
    )


def verify_says_intact() -> bool:
    out = StringIO()
    call_command("audit", "verify", stdout=out, stderr=StringIO())
    return "BROKEN" not in out.getvalue()
