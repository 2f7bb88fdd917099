"""A log's Merkle tree kept as its complete subtrees, so that a root or a proof reads O(log n)
hashes instead of every leaf.

A complete subtree is a node (level, index): the root of leaves index·2^level up to
(index+1)·2^level, level 0 being the leaves. A node never changes once its last leaf is in
the log (the log only grows), so it can be stored when that leaf is appended. Every range that
RFC 9162's recursion hashes (a root, a sibling in an audit path, a piece of a consistency
proof) starts at a multiple of the largest power of two not above its length; its hash is
then the fold of the few complete subtrees that tile it, largest first (`tiling`). This is the
same idea as c2sp.org/tlog-tiles' stored hashes, in rows instead of tile files.

Nodes are addressed in the database by their in-order position, one integer for both level
and index (`position`). Standard library only, like merkle.py; proofs built here equal
merkle.py's built from all the leaves (tests/tlog/test_subtrees.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from undersigned.tlog.merkle import ProofError, node_hash, root

Node = tuple[int, int]  # (level, index)


def position(level: int, index: int) -> int:
    """The node's place in an in-order walk of the infinite tree: unique over all levels."""
    return (index << (level + 1)) + (1 << level) - 1


def tiling(low: int, high: int) -> list[Node]:
    """The complete subtrees that tile leaves [low, high), left to right, largest first."""
    nodes = []
    while low < high:
        level = (high - low).bit_length() - 1
        if low % (1 << level):
            raise ValueError(f"[{low}, {high}) is not a range the tree hashes")
        nodes.append((level, low >> level))
        low += 1 << level
    return nodes


def fold(hashes: Sequence[bytes]) -> bytes:
    """MTH of a range from the hashes of its tiling: the last two join first, as RFC 9162's
    split at the largest power of two gives."""
    value = hashes[-1]
    for left in reversed(hashes[:-1]):
        value = node_hash(left, value)
    return value


def inclusion_ranges(size: int, index: int) -> list[tuple[int, int]]:
    """The leaf ranges whose hashes make PATH(index, D[size]), in the proof's order."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    ranges = []
    low, high = 0, size
    while high - low > 1:
        k = 1 << ((high - low - 1).bit_length() - 1)
        if index < low + k:
            ranges.append((low + k, high))
            high = low + k
        else:
            ranges.append((low, low + k))
            low += k
    return ranges[::-1]


def consistency_ranges(size: int, old_size: int) -> list[tuple[int, int]]:
    """The leaf ranges whose hashes make PROOF(old_size, D[size]), in the proof's order."""
    if not 0 <= old_size <= size:
        raise ProofError(f"a tree of {size} cannot extend one of {old_size}")
    if old_size in (0, size):
        return []
    ranges = []
    low, high, complete, m = 0, size, True, old_size
    while True:
        if m == high - low:
            if not complete:
                ranges.append((low, high))
            break
        k = 1 << ((high - low - 1).bit_length() - 1)
        if m <= k:
            ranges.append((low + k, high))
            high = low + k
        else:
            ranges.append((low, low + k))
            low += k
            m -= k
            complete = False
    return ranges[::-1]


def needed(ranges: Iterable[tuple[int, int]]) -> set[Node]:
    return {node for low, high in ranges for node in tiling(low, high)}


def range_hashes(ranges: Sequence[tuple[int, int]], nodes: Mapping[Node, bytes]) -> list[bytes]:
    """The hash of each range from its tiling's nodes (`needed(ranges)` of them)."""
    return [fold([nodes[node] for node in tiling(low, high)]) for low, high in ranges]


def completed_by(index: int) -> list[Node]:
    """The nodes above level 0 that leaf `index` completes, lowest first."""
    nodes = []
    level = 1
    while (index + 1) % (1 << level) == 0:
        nodes.append((level, ((index + 1) >> level) - 1))
        level += 1
    return nodes


def left_siblings(index: int) -> list[Node]:
    """The stored nodes `completed_by(index)` are hashed with (each one's left child)."""
    return [(level - 1, 2 * i) for level, i in completed_by(index)]


def complete(index: int, leaf: bytes, siblings: Mapping[Node, bytes]) -> list[tuple[Node, bytes]]:
    """The nodes leaf `index` completes and their hashes, given its left siblings' hashes."""
    found = []
    right = leaf
    for (level, i), left in zip(completed_by(index), left_siblings(index), strict=True):
        right = node_hash(siblings[left], right)
        found.append(((level, i), right))
    return found


def all_nodes(leaves: Sequence[bytes], start: int = 0) -> Iterator[tuple[Node, bytes]]:
    """Every node above level 0 completed by leaves[start:], for building them in bulk (a
    migration; a benchmark's log). Holds one hash per level besides the leaves."""
    stack: list[bytes] = []  # the complete subtrees of leaves[:i], largest first
    for i in range(start):
        _push(stack, i, leaves[i])
    for i in range(start, len(leaves)):
        yield from _push(stack, i, leaves[i])


def _push(stack: list[bytes], index: int, leaf: bytes) -> list[tuple[Node, bytes]]:
    made = []
    value = leaf
    for level, i in completed_by(index):
        value = node_hash(stack.pop(), value)
        made.append(((level, i), value))
    stack.append(value)
    return made


def tree_hash(size: int, nodes: Mapping[Node, bytes]) -> bytes:
    """MTH of the first `size` leaves from the nodes of `tiling(0, size)`."""
    if size == 0:
        return root([])
    return range_hashes([(0, size)], nodes)[0]
