"""What signing writes into a statement's transparency log.

The organization is logged as the list shows it (name, English name, abbreviation, country),
so that an export's list can be checked against the log; its ID ties a withdrawal to its
signature. Called by the signing actions in their transaction, under the statement's lock.
"""

import json
from typing import Any

from undersigned.coalitions.models import Organization
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement
from undersigned.tlog.entries import ExportError, active_signatures
from undersigned.tlog.merkle import leaf_hash
from undersigned.tlog.subtrees import all_nodes, position
from undersigned.transparency import services
from undersigned.transparency.models import LogEntry, LogNode
from undersigned.transparency.services import append, now


def organization_fields(organization: Organization) -> dict[str, Any]:
    return {
        "id": organization.pk,
        "name": organization.name,
        "name_en": organization.name_en or None,
        "abbreviation": organization.abbreviation or None,
        "country": organization.country.code or None,
    }


def log_signature(signature: Signature, kind: str = "signature") -> None:
    """A signature given, or re-confirmed for a newer version ("reconfirmation")."""
    append(
        signature.statement_id,
        {
            "kind": kind,
            "at": now(),
            "version": signature.text.version,
            "method": signature.method,
            "organization": organization_fields(signature.organization),
        },
    )


def log_organization_details(organization: Organization) -> None:
    """The organization's directory entry was saved: in each log where its signature is in
    force under details it no longer has (a new name, say), an "organization" entry gives the
    new ones, so that the lists, which show them, still verify. Under each statement's lock,
    taken in the order of their IDs."""
    fields = organization_fields(organization)
    signed = Signature.objects.active().filter(organization=organization)
    for statement_id in signed.order_by("statement_id").values_list("statement_id", flat=True):
        statement = Statement.objects.select_for_update().get(pk=statement_id)
        entries = services.entries(statement_id)
        index = active_signatures(entries).get(organization.pk)
        if index is None or entries[index].get("organization") == fields:
            continue
        append(statement_id, {"kind": "organization", "at": now(), "organization": fields})
        statement.touch()


def log_withdrawal(signature: Signature) -> None:
    append(
        signature.statement_id,
        {
            "kind": "withdrawal",
            "at": now(),
            "by_coordination": signature.removed_by_coordination,
            "organization": organization_fields(signature.organization),
        },
    )


def signatures_agree_with_the_log(newest: object = None) -> str | None:
    """`audit verify`: each statement's log is whole and says what the signatures say.

    Its indexes run 0, 1, 2 … without a gap, each leaf is the hash of the entry stored beside
    it, each stored hash of its tree (LogNode) is the hash of the leaves below it, and
    replaying its entries gives the signatures in force in the database, for the versions they
    are for. A row written, deleted or changed in SQL around the actions shows.
    """
    logs: dict[int, list[tuple[int, str, bytes]]] = {}
    rows = LogEntry.objects.order_by("statement_id", "index")
    for statement_id, index, text, leaf in rows.values_list(
        "statement_id", "index", "entry", "leaf"
    ).iterator():
        logs.setdefault(statement_id, []).append((index, text, bytes(leaf)))
    signed: dict[int, dict[int, int]] = {}
    for statement_id, organization_id, version in Signature.objects.active().values_list(
        "statement_id", "organization_id", "text__version"
    ):
        signed.setdefault(statement_id, {})[organization_id] = version
    nodes: dict[int, dict[int, bytes]] = {}
    for statement_id, place, value in LogNode.objects.values_list(
        "statement_id", "position", "hash"
    ).iterator():
        nodes.setdefault(statement_id, {})[place] = bytes(value)
    # The log of a deleted statement outlives it (the trail says who deleted it).
    slugs = dict(Statement.objects.values_list("pk", "slug"))
    for statement_id in sorted((set(logs) | set(signed)) & set(slugs)):
        log = logs.get(statement_id, [])
        if reason := _log_disagrees(log, signed.get(statement_id, {})) or _nodes_disagree(
            log, nodes.get(statement_id, {})
        ):
            return f"the transparency log of {slugs[statement_id]}: {reason}"
    return None


def _nodes_disagree(log: list[tuple[int, str, bytes]], stored: dict[int, bytes]) -> str | None:
    """A stored subtree hash that its leaves do not make would serve proofs and checkpoints of
    another log. (A node not stored is computed from the leaves when needed: no harm.)"""
    made = {position(*node): value for node, value in all_nodes([leaf for *_, leaf in log])}
    for place in sorted(stored):
        if made.get(place) != stored[place]:
            return (
                f"the stored hash at position {place} of its tree is not made of its entries: "
                "it was changed"
            )
    return None


def _log_disagrees(log: list[tuple[int, str, bytes]], signed: dict[int, int]) -> str | None:
    entries = []
    for expected, (index, text, leaf) in enumerate(log):
        if index != expected:
            return f"entry {expected} is missing (the next one is {index}): entries were deleted"
        if leaf_hash(text.encode()) != leaf:
            return f"entry {index} is not the entry its leaf hash was made of: it was changed"
        entries.append(json.loads(text))
    try:
        active = active_signatures(entries)
    except ExportError as error:
        return str(error)
    for organization_id in sorted(set(active) | set(signed), key=str):
        if organization_id not in signed:
            return (
                f"organization #{organization_id} is signed in the log (entry "
                f"{active[organization_id]}) but has no signature in force in the database"
            )
        if organization_id not in active:
            return (
                f"organization #{organization_id} has a signature in force in the database "
                "that the log does not hold"
            )
        logged = entries[active[organization_id]].get("version")
        if logged is not None and logged != signed[organization_id]:
            return (
                f"organization #{organization_id} signed version {signed[organization_id]} in "
                f"the database, version {logged} in the log (entry {active[organization_id]})"
            )
    return None
