"""Merkle trees against RFC 9162's recursive definitions and the CT test vectors."""

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from undersigned.tlog.merkle import (
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

# The leaves of Certificate Transparency's reference tests (certificate-transparency-go).
CT_LEAVES = [
    bytes.fromhex(h)
    for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
              "606162636465666768696a6b6c6d6e6f"]
]  # fmt: skip


def reference_root(leaves: list[bytes]) -> bytes:
    """MTH(D[n]) exactly as RFC 9162 section 2.1.1 writes it."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(reference_root(leaves[:k]), reference_root(leaves[k:]))


def hashed(n: int) -> list[bytes]:
    return [leaf_hash(str(i).encode()) for i in range(n)]


def test_the_roots_of_the_ct_reference_tree():
    leaves = [leaf_hash(data) for data in CT_LEAVES]
    assert root(leaves[:1]).hex() == (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
    )
    assert root(leaves).hex() == (
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    )
    assert root([]).hex() == hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("size", range(1, 34))
def test_every_leaf_proves_its_inclusion_and_no_other(size):
    leaves = hashed(size)
    tree_root = root(leaves)
    assert tree_root == reference_root(leaves)
    for index in range(size):
        proof = inclusion_proof(leaves, index)
        verify_inclusion(leaves[index], index, size, proof, tree_root)
        with pytest.raises(ProofError):
            verify_inclusion(leaf_hash(b"forged"), index, size, proof, tree_root)
        if size > 1:
            with pytest.raises(ProofError):
                verify_inclusion(leaves[index], (index + 1) % size, size, proof, tree_root)


@pytest.mark.parametrize("new_size", range(1, 26))
def test_every_earlier_tree_is_proved_a_prefix(new_size):
    leaves = hashed(new_size)
    for old_size in range(0, new_size + 1):
        proof = consistency_proof(leaves, old_size)
        verify_consistency(old_size, new_size, root(leaves[:old_size]), root(leaves), proof)


@given(st.integers(2, 60), st.data())
def test_a_rewritten_history_is_not_consistent(new_size, data):
    old_size = data.draw(st.integers(1, new_size - 1))
    changed = data.draw(st.integers(0, old_size - 1))
    leaves = hashed(new_size)
    rewritten = list(leaves)
    rewritten[changed] = leaf_hash(b"rewritten")
    proof = consistency_proof(rewritten, old_size)
    with pytest.raises(ProofError):
        verify_consistency(old_size, new_size, root(leaves[:old_size]), root(rewritten), proof)


def test_proofs_of_the_wrong_length_fail():
    leaves = hashed(10)
    proof = inclusion_proof(leaves, 3)
    with pytest.raises(ProofError):
        verify_inclusion(leaves[3], 3, 10, proof[:-1], root(leaves))
    with pytest.raises(ProofError):
        verify_inclusion(leaves[3], 3, 10, [*proof, proof[0]], root(leaves))
    with pytest.raises(ProofError):
        verify_inclusion(leaves[3], 10, 10, proof, root(leaves))
    with pytest.raises(ProofError):
        verify_consistency(4, 10, root(leaves[:4]), root(leaves), [])
    with pytest.raises(ProofError):
        verify_consistency(10, 4, root(leaves), root(leaves[:4]), [])
