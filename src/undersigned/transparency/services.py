"""Appending to a statement's log and proving what it holds.

Callers append inside their own transaction while they hold the statement's row lock, so
entries are dense and ordered as the changes were committed. Roots are cached per size: a log
only grows, so the root of its first n entries never changes.
"""

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from undersigned.tlog.entries import active_signatures, entry_bytes
from undersigned.tlog.merkle import consistency_proof, inclusion_proof, leaf_hash, root
from undersigned.tlog.note import Checkpoint
from undersigned.tlog.offline import format_inclusion_proof
from undersigned.transparency.keys import key_name, key_version, private_key
from undersigned.transparency.models import LogEntry

SIGNED_NOTE_SECONDS = 7 * 24 * 3600


def origin(statement_id: int) -> str:
    return f"{key_name()}/s/{statement_id}"


def now() -> str:
    return timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z")


def append(statement_id: int, entry: dict[str, Any]) -> LogEntry:
    data = entry_bytes(entry)
    index = LogEntry.objects.filter(statement_id=statement_id).count()
    return LogEntry.objects.create(
        statement_id=statement_id, index=index, entry=data.decode(), leaf=leaf_hash(data)
    )


def size(statement_id: int) -> int:
    return LogEntry.objects.filter(statement_id=statement_id).count()


def entries(statement_id: int) -> list[dict[str, Any]]:
    return [
        json.loads(text)
        for text in LogEntry.objects.filter(statement_id=statement_id)
        .order_by("index")
        .values_list("entry", flat=True)
    ]


def leaves(statement_id: int, upto: int | None = None) -> list[bytes]:
    rows = LogEntry.objects.filter(statement_id=statement_id).order_by("index")
    if upto is not None:
        rows = rows.filter(index__lt=upto)
    return [bytes(leaf) for leaf in rows.values_list("leaf", flat=True)]


def tree_root(statement_id: int, tree_size: int) -> bytes:
    key = f"tlog:root:{statement_id}:{tree_size}"
    if (cached := cache.get(key)) is not None:
        return cached
    hashes = leaves(statement_id, tree_size)
    if len(hashes) != tree_size:
        raise ValueError(f"the log has {len(hashes)} entries, not {tree_size}")
    value = root(hashes)
    cache.set(key, value, None)
    return value


def signed_checkpoint(statement_id: int, tree_size: int | None = None) -> str:
    """The signed note of the log at `tree_size` entries (now, by default)."""
    if tree_size is None:
        tree_size = size(statement_id)
    checkpoint = Checkpoint(origin(statement_id), tree_size, tree_root(statement_id, tree_size))
    # Ed25519 signs the same text with the same key the same way: the note is kept, so that a
    # web worker showing the statement page signs (and loads `cryptography`, ~11 MB resident)
    # only when the log has grown or the key changed, not once per process and page version.
    text = checkpoint.text()
    digest = hashlib.sha256(f"{key_name()}\n{key_version()}\n{text}".encode()).hexdigest()
    cache_key = f"tlog:note:{digest}"
    if (note := cache.get(cache_key)) is not None:
        return note
    note = checkpoint.sign(key_name(), private_key())
    cache.set(cache_key, note, SIGNED_NOTE_SECONDS)
    return note


def inclusion(statement_id: int, index: int, tree_size: int | None = None) -> str:
    """A c2sp.org/tlog-proof that entry `index` is in the log at `tree_size` entries."""
    if tree_size is None:
        tree_size = size(statement_id)
    hashes = leaves(statement_id, tree_size)
    return format_inclusion_proof(
        index, inclusion_proof(hashes, index), signed_checkpoint(statement_id, len(hashes))
    )


def consistency(statement_id: int, old_size: int, new_size: int) -> list[bytes]:
    return consistency_proof(leaves(statement_id, new_size), old_size)


def signature_entries(statement_id: int) -> dict[Any, int]:
    """Organization ID -> the index of the entry that put its signature in force."""
    return active_signatures(entries(statement_id))
