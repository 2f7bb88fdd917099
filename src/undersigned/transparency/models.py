from django.db import models


class LogEntry(models.Model):
    """One leaf of a statement's log: the entry's canonical JSON and its leaf hash.

    Append-only: `transparency.services.append` is the only writer, under the statement's row
    lock, so indexes are dense. The statement is an integer, not a foreign key: the log imports
    no app, and a log outlives whatever happens to the rows it describes.
    """

    statement_id = models.PositiveBigIntegerField()
    index = models.PositiveIntegerField()
    entry = models.TextField()
    leaf = models.BinaryField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement_id", "index"], name="one_entry_per_index")
        ]
        ordering = ["statement_id", "index"]

    def __str__(self) -> str:
        return f"{self.statement_id}#{self.index}"


class LogNode(models.Model):
    """A complete subtree of a statement's log: the hash of leaves index·2^level up to
    (index+1)·2^level, level ≥ 1, at its in-order `position` (tlog/subtrees.py). Written by
    `transparency.services.append` with the leaf that completes it, in the same transaction;
    never changed after. Roots and proofs read O(log n) of these instead of every leaf."""

    statement_id = models.PositiveBigIntegerField()
    position = models.PositiveBigIntegerField()
    hash = models.BinaryField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement_id", "position"], name="one_node_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}@{self.position}"
