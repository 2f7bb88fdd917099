"""A log's stored subtrees (LogNode) on the real database: the roots and proofs served from
them equal those computed from every leaf, for many sizes; a log whose nodes are missing (or
built by the migration) proves the same."""

import base64
import importlib
import random

import pytest
from django.apps import apps

from undersigned.tlog.merkle import consistency_proof, inclusion_proof, root
from undersigned.transparency import services
from undersigned.transparency.models import LogNode

pytestmark = pytest.mark.django_db
LOG = 987_001  # a statement ID no fixture uses: the log takes any integer


def grow(count: int, statement_id: int = LOG) -> list[bytes]:
    for number in range(count):
        services.append(statement_id, {"kind": "version", "version": number})
    return services.leaves(statement_id)


def hashes_of(proof: str) -> list[bytes]:
    """The audit path of a c2sp.org/tlog-proof: the base64 lines after "index N"."""
    lines = proof.partition("\n\n")[0].split("\n")
    return [base64.b64decode(line) for line in lines[2:]]


def proof_hashes(statement_id: int, index: int, size: int) -> list[bytes]:
    return hashes_of(services.inclusion(statement_id, index, size))


def test_every_size_proves_as_its_leaves_do():
    leaves = grow(40)
    assert services.size(LOG) == 40
    for size in range(1, 41):
        assert services.tree_root(LOG, size) == root(leaves[:size])
        for index in range(size):
            assert proof_hashes(LOG, index, size) == inclusion_proof(leaves[:size], index)
        for old in range(size + 1):
            assert services.consistency(LOG, old, size) == consistency_proof(leaves[:size], old)


def test_a_larger_log_proves_as_its_leaves_do():
    leaves = grow(300)
    assert LogNode.objects.filter(statement_id=LOG).count() == 300 - bin(300).count("1")
    pick = random.Random(23)
    for _ in range(150):
        size = pick.randint(1, 300)
        index, old = pick.randrange(size), pick.randint(0, size)
        assert proof_hashes(LOG, index, size) == inclusion_proof(leaves[:size], index)
        assert services.consistency(LOG, old, size) == consistency_proof(leaves[:size], old)


def test_a_proof_reads_two_queries_of_nodes(django_assert_max_num_queries):
    grow(100)
    with django_assert_max_num_queries(3):  # the log's size, its leaves, its nodes
        services.consistency(LOG, 37, 100)


def test_a_log_without_its_nodes_proves_the_same_from_its_leaves():
    """Entries written around `append` (a bulk load) have no nodes: they are computed."""
    leaves = grow(70)
    LogNode.objects.filter(statement_id=LOG).delete()
    for size in (1, 2, 33, 64, 70):
        for index in (0, size // 2, size - 1):
            assert proof_hashes(LOG, index, size) == inclusion_proof(leaves[:size], index)
        assert services.consistency(LOG, size // 3, size) == consistency_proof(
            leaves[:size], size // 3
        )
    # An append after that still completes its nodes right.
    services.append(LOG, {"kind": "version", "version": 70})
    leaves = services.leaves(LOG)
    assert services.consistency(LOG, 13, 71) == consistency_proof(leaves, 13)


def test_the_migration_builds_the_nodes_append_stores():
    grow(123)
    grow(9, LOG + 1)
    appended = set(LogNode.objects.values_list("statement_id", "position", "hash"))
    LogNode.objects.all().delete()
    migration = importlib.import_module("undersigned.transparency.migrations.0002_lognode")
    migration.build(apps, None)
    built = set(LogNode.objects.values_list("statement_id", "position", "hash"))
    assert {(s, p, bytes(h)) for s, p, h in built} == {(s, p, bytes(h)) for s, p, h in appended}
    assert len(built) == 123 - bin(123).count("1") + 9 - bin(9).count("1")


def test_the_proof_address_serves_the_stored_proof(client, open_statement):
    """Through the site: an inclusion proof and a consistency proof of an opened statement."""
    size = services.size(open_statement.pk)
    services.append(open_statement.pk, {"kind": "version", "version": 99})
    services.append(open_statement.pk, {"kind": "version", "version": 100})
    leaves = services.leaves(open_statement.pk)
    answer = client.get(f"/s/{open_statement.slug}/log/proof?index={size}")
    assert answer.status_code == 200
    assert hashes_of(answer.content.decode()) == inclusion_proof(leaves, size)
    answer = client.get(f"/s/{open_statement.slug}/log/consistency?from={size}")
    assert answer.status_code == 200
    assert [base64.b64decode(line) for line in answer.content.split()] == consistency_proof(
        leaves, size
    )
