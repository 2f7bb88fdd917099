"""Appending to the audit chain and verifying it."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from undersigned.audit import checks, keys
from undersigned.audit.actors import account_of
from undersigned.audit.models import GENESIS_HASH, ChainHead, Event, EventKind

HEAD_PK = 1
# The head's MAC once it failed to hold: never a MAC, so verify keeps saying so.
TAMPERED = "tampered"
logger = logging.getLogger(__name__)


def record_event(
    *,
    kind: EventKind | str,
    actor: Any = None,
    statement: Any = None,
    organization: Any = None,
    details: dict[str, Any] | None = None,
) -> Event:
    """Append one event to the chain, inside the caller's transaction.

    The event commits or rolls back with the change it records. `details` is a small dict of
    JSON strings, integers, booleans, lists and dicts (no floats: their JSON text may not survive
    the database round trip byte for byte, which would break the hash).
    """
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError("record_event() must run inside transaction.atomic().")
    _check_details(details or {})
    if actor is not None and not actor.is_authenticated:
        actor = None  # AnonymousUser: a public action
    # SYSTEM (the command line) has no account: the event keeps its name alone.
    head = _lock_head()
    event = Event(
        # Taken under the lock, so time never runs backwards along the chain on one server.
        created_at=timezone.now(),
        kind=EventKind(kind),
        actor=account_of(actor),
        actor_name=actor_display_name(actor) if actor else "",
        statement=statement,
        statement_slug=statement.slug if statement else "",
        organization=organization,
        organization_label=(organization.abbreviation or organization.name) if organization else "",
        details=details or {},
        prev_hash=head.last_hash,
    )
    event.hash = event.compute_hash()
    event.save()
    ChainHead.objects.filter(pk=HEAD_PK).update(
        last_event_id=event.pk, last_hash=event.hash, mac=_next_mac(head, event)
    )
    return event


def _next_mac(head: ChainHead, event: Event) -> str:
    """The head's new MAC, if its old one holds. A head moved back (events cut) or recreated
    behind the chain's back stays marked, or the next append would hide the cut; a chain from
    before the key stays unkeyed until `audit rekey`."""
    if not head.mac:
        return ""
    if not keys.same(head.mac, ChainHead.compute_mac(head.last_event_id, head.last_hash)):
        logger.error("The audit chain head does not hold: run `undersigned audit verify`.")
        return TAMPERED
    return ChainHead.compute_mac(event.pk, event.hash)


def actor_display_name(actor: Any) -> str:
    """The name an event keeps for its actor, forever: never an e-mail address.

    The trail cannot be erased, and a person's address must be erasable; a full name or
    username that is an address is kept as the account's number (the actor id stays, for the
    administrators).
    """
    name = actor.get_full_name().strip() or actor.get_username()
    return f"#{actor.pk}" if "@" in name else name


def _lock_head() -> ChainHead:
    """Lock the chain head row so that concurrent appends queue up and form a single chain.

    PostgreSQL takes a row lock (SELECT ... FOR UPDATE) held until the caller commits. SQLite
    ignores FOR UPDATE, but our settings open every transaction with BEGIN IMMEDIATE, which
    already serializes writers, so the same code is correct on both.
    """
    head = ChainHead.objects.select_for_update().filter(pk=HEAD_PK).first()
    if head is None:
        # The first event ever (or a flushed table): continue from the newest event, if any.
        # ignore_conflicts: a concurrent first append may insert the row; then we wait for it.
        # Events without a head: the head row was deleted behind the chain's back (perhaps with
        # the newest events). A head made from what is left must not look sound.
        last = Event.objects.order_by("-id").only("id", "hash").first()
        last_id, last_hash = (last.pk, last.hash) if last else (None, GENESIS_HASH)
        mac = TAMPERED if last else ChainHead.compute_mac(last_id, last_hash)
        ChainHead.objects.bulk_create(
            [
                ChainHead(
                    pk=HEAD_PK,
                    last_event_id=last_id,
                    last_hash=last_hash,
                    mac=mac,
                )
            ],
            ignore_conflicts=True,
        )
        head = ChainHead.objects.select_for_update().get(pk=HEAD_PK)
    return head


def _check_details(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("Event details may not contain floats.")
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("Event details keys must be strings.")
        for item in value.values():
            _check_details(item)
    elif isinstance(value, list):
        for item in value:
            _check_details(item)
    elif value is not None and not isinstance(value, str | int | bool):
        raise TypeError(f"Event details cannot hold {type(value).__name__}.")


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken: Event | None = None
    reason: str = ""
    last_hash: str = GENESIS_HASH


def verify_chain(
    *, progress: Callable[[int], None] | None = None, progress_every: int = 10_000
) -> VerifyResult:
    """Recompute the whole chain in id order, streaming, and compare it with the chain head.

    Catches edited rows (hash mismatch), deleted, inserted or reordered rows (prev_hash
    mismatch), rows cut off the end (the head names an event that is gone, or a head moved back
    without the key: its MAC) and events appended with hashes made without the key. Events
    appended while this runs are checked too. A table that cannot be read is an answer too.
    """
    try:
        return _verify(progress, progress_every)
    except _ForgedHead as error:
        return VerifyResult(False, 0, None, str(error))
    except DatabaseError as error:
        reason = f"the trail cannot be read ({' '.join(str(error).split())[:200]})"
        return VerifyResult(False, 0, None, reason)


def _verify(progress: Callable[[int], None] | None, progress_every: int) -> VerifyResult:
    checked, last_id, prev_hash = 0, 0, GENESIS_HASH
    key = keys.audit_key()
    head_id, head_hash = _read_head()
    while True:
        events = Event.objects.filter(id__gt=last_id).order_by("id")
        for event in events.iterator(chunk_size=2000):
            if event.prev_hash != prev_hash:
                reason = (
                    "its previous hash does not match the event before it: "
                    "an event was deleted, inserted or reordered"
                )
                return VerifyResult(False, checked, event, reason, prev_hash)
            if not keys.same(event.compute_hash(key), event.hash):
                reason = (
                    "its content does not match its hash under the audit key: it was edited, "
                    "or written without the key"
                )
                return VerifyResult(False, checked, event, reason, prev_hash)
            checked, last_id, prev_hash = checked + 1, event.pk, event.hash
            if progress and checked % progress_every == 0:
                progress(checked)
        if head_id > last_id:
            # The head was read before this pass, so its event had committed; yet it is gone.
            reason = f"the chain head names event #{head_id}, which is missing: events were cut off"
            return VerifyResult(False, checked, None, reason, prev_hash)
        head_id, head_hash = _read_head()
        if head_id <= last_id:
            break
        # More events were appended meanwhile: check them against the newer head.
    if head_id < last_id:
        extra = Event.objects.filter(id__gt=head_id).order_by("id").first()
        reason = "the chain head does not include it: added behind the chain's back"
        return VerifyResult(False, checked, extra, reason, prev_hash)
    newest = Event.objects.filter(pk=last_id).first() if last_id else None
    if head_hash != prev_hash:
        reason = "its hash does not match the chain head"
        return VerifyResult(False, checked, newest, reason, prev_hash)
    if reason := checks.disagreement(newest):
        return VerifyResult(False, checked, None, reason, prev_hash)
    return VerifyResult(True, checked, None, "", prev_hash)


class _ForgedHead(Exception):
    pass


def _read_head() -> tuple[int, str]:
    head = ChainHead.objects.filter(pk=HEAD_PK).first()
    if head is None:
        return 0, GENESIS_HASH
    if not keys.same(head.mac, ChainHead.compute_mac(head.last_event_id, head.last_hash)):
        raise _ForgedHead(
            "the chain head was not written with the audit key: it was moved back or forged"
            if head.mac
            else "the chain was made before the audit key: run `undersigned audit rekey` once"
        )
    if head.last_event_id is None:
        return 0, GENESIS_HASH
    return head.last_event_id, head.last_hash


@dataclass(frozen=True)
class RekeyResult:
    ok: bool
    events: int
    reason: str = ""


def rekey_chain() -> RekeyResult:
    """Chain the events of an install from before the audit key under the key, once.

    Only a chain that verifies as it was made (plain SHA-256, its head intact) is rekeyed, in
    one transaction, and the rekeying is itself an event. A chain keyed already is left alone:
    a trail that asks to be rekeyed later was tampered with, and `audit verify` says so.
    """
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(pk=HEAD_PK).first()
        if head is not None and head.mac:
            return RekeyResult(False, 0, "the chain is keyed already")
        prev_hash, count, previous = GENESIS_HASH, 0, GENESIS_HASH
        events = list(Event.objects.order_by("id"))
        for event in events:
            # Plain SHA-256 as it was made, or keyed: appended after the upgrade, before this.
            made = {event.compute_hash(keyed=False), event.compute_hash()}
            if event.prev_hash != previous or event.hash not in made:
                return RekeyResult(False, 0, f"event #{event.pk} does not verify as it was made")
            previous = event.hash
            # Rewritten in place on purpose: the one change of an event the trail allows.
            event.prev_hash = prev_hash
            event.hash = event.compute_hash()
            QuerySet.update(Event.objects.filter(pk=event.pk), prev_hash=prev_hash, hash=event.hash)
            prev_hash, count = event.hash, count + 1
        if head is not None and (head.last_event_id or 0) != (events[-1].pk if events else 0):
            return RekeyResult(False, 0, "the chain head does not name the newest event")
        if head is not None and head.last_hash != previous:
            return RekeyResult(False, 0, "the chain head does not match the newest event")
        last_id = events[-1].pk if events else None
        ChainHead.objects.update_or_create(
            pk=HEAD_PK,
            defaults={
                "last_event_id": last_id,
                "last_hash": prev_hash,
                "mac": ChainHead.compute_mac(last_id, prev_hash),
            },
        )
        record_event(
            kind=EventKind.AUDIT_REKEYED, details={"events": count, "unkeyed_last_hash": previous}
        )
    return RekeyResult(True, count)
