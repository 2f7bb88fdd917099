"""Appending to a statement's log and proving what it holds.

Callers append inside their own transaction while they hold the statement's row lock, so
entries are dense and ordered as the changes were committed. Each append also stores the
complete subtrees its leaf completes (LogNode, tlog/subtrees.py), so that a root, an inclusion
or a consistency proof reads O(log n) rows in two queries, not every leaf. Logs written before
the nodes were kept got them from migration 0002; a node found missing all the same (rows
written around `append`, as the benchmark's bulk fill does) is computed from its leaves, which
is right but reads them all. Roots are cached per size: a log only grows, so the root of its
first n entries never changes.
"""

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from undersigned.tlog import subtrees
from undersigned.tlog.entries import active_signatures, entry_bytes
from undersigned.tlog.merkle import leaf_hash, root
from undersigned.tlog.note import Checkpoint
from undersigned.tlog.offline import format_inclusion_proof
from undersigned.transparency.keys import key_name, key_version, private_key
from undersigned.transparency.models import LogEntry, LogNode

SIGNED_NOTE_SECONDS = 7 * 24 * 3600


def origin(statement_id: int) -> str:
    return f"{key_name()}/s/{statement_id}"


def now() -> str:
    return timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z")


def append(statement_id: int, entry: dict[str, Any]) -> LogEntry:
    """The entry as the log's next leaf, with the nodes it completes (one read of their left
    siblings, one write)."""
    data = entry_bytes(entry)
    index = size(statement_id)
    leaf = leaf_hash(data)
    row = LogEntry.objects.create(
        statement_id=statement_id, index=index, entry=data.decode(), leaf=leaf
    )
    siblings = stored_nodes(statement_id, set(subtrees.left_siblings(index)))
    LogNode.objects.bulk_create(
        LogNode(statement_id=statement_id, position=subtrees.position(*node), hash=value)
        for node, value in subtrees.complete(index, leaf, siblings)
    )
    return row


def size(statement_id: int) -> int:
    """Entries in the log: one past the last index (indexes are dense), read off the unique
    index rather than counted."""
    last = (
        LogEntry.objects.filter(statement_id=statement_id)
        .order_by("-index")
        .values_list("index", flat=True)
        .first()
    )
    return 0 if last is None else last + 1


def entries(statement_id: int) -> list[dict[str, Any]]:
    return [
        json.loads(text)
        for text in LogEntry.objects.filter(statement_id=statement_id)
        .order_by("index")
        .values_list("entry", flat=True)
    ]


def leaves(statement_id: int, upto: int | None = None, start: int = 0) -> list[bytes]:
    rows = LogEntry.objects.filter(statement_id=statement_id).order_by("index")
    if start:
        rows = rows.filter(index__gte=start)
    if upto is not None:
        rows = rows.filter(index__lt=upto)
    return [bytes(leaf) for leaf in rows.values_list("leaf", flat=True)]


def stored_nodes(statement_id: int, wanted: set[subtrees.Node]) -> dict[subtrees.Node, bytes]:
    """The hashes of the nodes `wanted`: leaves from the entries, the others from LogNode, each
    in one query; a node not stored is computed from its leaves."""
    found: dict[subtrees.Node, bytes] = {}
    leaf_indexes = [index for level, index in wanted if level == 0]
    if leaf_indexes:
        rows = LogEntry.objects.filter(statement_id=statement_id, index__in=leaf_indexes)
        found.update(((0, i), bytes(leaf)) for i, leaf in rows.values_list("index", "leaf"))
    by_position = {subtrees.position(*node): node for node in wanted if node[0] > 0}
    if by_position:
        rows = LogNode.objects.filter(statement_id=statement_id, position__in=list(by_position))
        found.update((by_position[p], bytes(h)) for p, h in rows.values_list("position", "hash"))
    for level, index in wanted - found.keys():
        low, high = index << level, (index + 1) << level
        hashes = leaves(statement_id, high, start=low)
        if len(hashes) != high - low:
            raise ValueError(f"the log has no entries {low} to {high - 1}")
        found[level, index] = root(hashes)
    return found


def _range_hashes(statement_id: int, ranges: list[tuple[int, int]]) -> list[bytes]:
    return subtrees.range_hashes(ranges, stored_nodes(statement_id, subtrees.needed(ranges)))


def tree_root(statement_id: int, tree_size: int, *, size_known: bool = False) -> bytes:
    """The root of the first `tree_size` entries. `size_known`: the caller has just read the
    log's size and asks for at most that (no query to check it again)."""
    key = f"tlog:root:{statement_id}:{tree_size}"
    if (cached := cache.get(key)) is not None:
        return cached
    if not size_known and tree_size > size(statement_id):
        raise ValueError(f"the log has fewer than {tree_size} entries")
    value = root([]) if tree_size == 0 else _range_hashes(statement_id, [(0, tree_size)])[0]
    cache.set(key, value, None)
    return value


def signed_checkpoint(
    statement_id: int, tree_size: int | None = None, *, size_known: bool = False
) -> str:
    """The signed note of the log at `tree_size` entries (now, by default); `size_known` as
    for tree_root."""
    if tree_size is None:
        tree_size, size_known = size(statement_id), True
    root_hash = tree_root(statement_id, tree_size, size_known=size_known)
    checkpoint = Checkpoint(origin(statement_id), tree_size, root_hash)
    # Ed25519 signs the same text with the same key the same way: the note is kept, so that a
    # web worker showing the statement page signs (and loads PyNaCl, ~3.5 MB resident)
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
    size_known = tree_size is None
    if tree_size is None:
        tree_size = size(statement_id)
    ranges = subtrees.inclusion_ranges(tree_size, index)
    checkpoint = signed_checkpoint(statement_id, tree_size, size_known=size_known)
    return format_inclusion_proof(index, _range_hashes(statement_id, ranges), checkpoint)


def consistency(statement_id: int, old_size: int, new_size: int) -> list[bytes]:
    if new_size > size(statement_id):
        raise ValueError(f"the log has fewer than {new_size} entries")
    return _range_hashes(statement_id, subtrees.consistency_ranges(new_size, old_size))


def signature_entries(statement_id: int) -> dict[Any, int]:
    """Organization ID -> the index of the entry that put its signature in force."""
    return active_signatures(entries(statement_id))
