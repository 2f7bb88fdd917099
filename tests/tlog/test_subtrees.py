"""Roots and proofs from a log's complete subtrees equal those from all its leaves."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from undersigned.tlog import subtrees
from undersigned.tlog.merkle import (
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root,
)


def hashed(n: int) -> list[bytes]:
    return [leaf_hash(str(i).encode()) for i in range(n)]


def nodes_of(leaves: list[bytes]) -> dict:
    """Every node as the log stores them: the leaves, and the subtrees appends complete."""
    nodes = {(0, i): leaf for i, leaf in enumerate(leaves)}
    nodes.update(subtrees.all_nodes(leaves))
    return nodes


# Each example hashes a whole tree: no deadline, which a machine busy elsewhere would miss.
@settings(deadline=None)
@given(st.integers(1, 600), st.data())
def test_proofs_from_subtrees_equal_proofs_from_leaves(size, data):
    leaves = hashed(size)
    nodes = nodes_of(leaves)
    index = data.draw(st.integers(0, size - 1))
    old = data.draw(st.integers(0, size))
    assert subtrees.tree_hash(size, nodes) == root(leaves)
    inclusion = subtrees.inclusion_ranges(size, index)
    assert subtrees.range_hashes(inclusion, nodes) == inclusion_proof(leaves, index)
    consistency = subtrees.consistency_ranges(size, old)
    assert subtrees.range_hashes(consistency, nodes) == consistency_proof(leaves, old)


@settings(deadline=None)
@given(st.integers(1, 300))
def test_a_proof_of_an_older_size_reads_no_newer_node(size):
    """Nodes of a later log serve every earlier size: what an older checkpoint was signed on."""
    leaves = hashed(size + 37)
    nodes = nodes_of(leaves)
    assert subtrees.tree_hash(size, nodes) == root(leaves[:size])
    for index in range(0, size, max(1, size // 7)):
        ranges = subtrees.inclusion_ranges(size, index)
        assert all(high <= size for _, high in ranges)
        assert subtrees.range_hashes(ranges, nodes) == inclusion_proof(leaves[:size], index)


def test_each_append_completes_the_nodes_a_bulk_build_makes():
    leaves = hashed(1000)
    stored: dict = {(0, i): leaf for i, leaf in enumerate(leaves)}
    for index, leaf in enumerate(leaves):
        siblings = {n: stored[n] for n in subtrees.left_siblings(index)}
        stored.update(subtrees.complete(index, leaf, siblings))
    assert stored == nodes_of(leaves)
    assert len(stored) == 2 * 1000 - bin(1000).count("1")


def test_a_proof_reads_logarithmically_many_nodes():
    size = 100_000
    for index in (0, 1, 4_095, 50_000, size - 1):
        assert len(subtrees.needed(subtrees.inclusion_ranges(size, index))) <= 2 * 17
    for old in (1, 2, 65_536, 99_999):
        assert len(subtrees.needed(subtrees.consistency_ranges(size, old))) <= 2 * 17


def test_positions_are_unique_across_levels():
    places = {subtrees.position(level, i) for level in range(12) for i in range(200)}
    assert len(places) == 12 * 200
    assert subtrees.position(0, 5) == 10 and subtrees.position(1, 0) == 1


def test_a_range_the_tree_does_not_hash_is_refused():
    with pytest.raises(ValueError):
        subtrees.tiling(1, 5)
    with pytest.raises(ProofError):
        subtrees.inclusion_ranges(4, 4)
    with pytest.raises(ProofError):
        subtrees.consistency_ranges(4, 5)
