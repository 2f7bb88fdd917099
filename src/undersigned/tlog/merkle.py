"""Merkle trees as RFC 9162 (Certificate Transparency 2.0) defines them, section 2.1.

A log's leaves are hashed as SHA-256(0x00 || entry) and its inner nodes as
SHA-256(0x01 || left || right); a tree of n leaves splits at the largest power of two below n.
This module builds roots and proofs from the leaf hashes and verifies them; it needs nothing
beyond the standard library, so that the offline verifier can carry it whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


class ProofError(ValueError):
    """A proof that does not prove what it claims."""


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two strictly below n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def root(leaves: Sequence[bytes]) -> bytes:
    """MTH(D[n]) over leaf hashes, computed bottom-up without recursion."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    level = list(leaves)
    while len(level) > 1:
        # Pairing left to right and carrying an odd last node up gives RFC 9162's shape.
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(m, D[n]): the audit path of leaf `index` in the tree of all `leaves`."""
    if not 0 <= index < len(leaves):
        raise ProofError(f"leaf {index} is not in a tree of {len(leaves)}")
    path: list[bytes] = []
    low, high = 0, len(leaves)
    while high - low > 1:
        k = _split(high - low)
        if index < low + k:
            path.append(root(leaves[low + k : high]))
            high = low + k
        else:
            path.append(root(leaves[low : low + k]))
            low += k
    return path[::-1]


def consistency_proof(leaves: Sequence[bytes], old_size: int) -> list[bytes]:
    """PROOF(m, D[n]): that the tree of the first `old_size` leaves is a prefix of this one."""
    n = len(leaves)
    if not 0 <= old_size <= n:
        raise ProofError(f"a tree of {n} cannot extend one of {old_size}")
    if old_size in (0, n):
        return []
    proof: list[bytes] = []
    low, high, complete = 0, n, True
    m = old_size
    while True:
        size = high - low
        if m == size:
            if not complete:
                proof.append(root(leaves[low:high]))
            break
        k = _split(size)
        if m <= k:
            proof.append(root(leaves[low + k : high]))
            high = low + k
        else:
            proof.append(root(leaves[low : low + k]))
            low += k
            m -= k
            complete = False
    return proof[::-1]


def verify_inclusion(
    entry_hash: bytes, index: int, size: int, proof: Sequence[bytes], expected_root: bytes
) -> None:
    """RFC 9162 section 2.1.3.2; raises ProofError unless the proof holds."""
    if not 0 <= index < size:
        raise ProofError(f"index {index} is outside a tree of {size}")
    fn, sn, r = index, size - 1, entry_hash
    for p in proof:
        if sn == 0:
            raise ProofError("the inclusion proof is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the inclusion proof is too short")
    if r != expected_root:
        raise ProofError("the entry is not in the tree with this root")


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """RFC 9162 section 2.1.4.2; raises ProofError unless the new tree extends the old one."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"a tree of {new_size} cannot extend one of {old_size}")
    if old_size == new_size:
        if proof or old_root != new_root:
            raise ProofError("two trees of the same size differ")
        return
    if old_size == 0:
        if proof:
            raise ProofError("an empty tree needs no proof")
        return
    if not proof:
        raise ProofError("the consistency proof is empty")
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is a node of the new tree
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is too long")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the consistency proof is too short")
    if fr != old_root or sr != new_root:
        raise ProofError("the new tree does not extend the old one")
