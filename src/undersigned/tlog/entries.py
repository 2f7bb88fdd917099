"""What a statement's log holds, and checking an export's signatory list against it.

Each statement has a log of its own. An entry is a JSON object (kind: "version",
"signature", "reconfirmation", "organization" or "withdrawal"; when; the organization as it
was named; the version) and the leaf is its canonical encoding: keys sorted, no spaces,
UTF-8. An export carries every entry, the signed checkpoint and the list; each organization
in the list names the entry (`log_index`) that put it there. The list is then checked by
replaying the entries: a signatory removed, renamed or added, or an entry reordered, changed
or dropped, no longer matches. People in a list are not in the log and are not checked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from undersigned.tlog.merkle import leaf_hash, root
from undersigned.tlog.note import Checkpoint, NoteError, Verifier, open_checkpoint

# "organization": a signatory's listed details changed (a new name, say) while it stays signed.
ENTRY_KINDS = ("version", "signature", "reconfirmation", "organization", "withdrawal")
# The fields of an organization that the list shows and the log fixes; the log also keeps its
# "id", which ties a withdrawal to its signature.
ORGANIZATION_FIELDS = ("name", "name_en", "abbreviation", "country")


class ExportError(ValueError):
    """An export whose list the log does not prove."""


def entry_bytes(entry: Mapping[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entries_root(entries: Sequence[Mapping[str, Any]]) -> bytes:
    return root([leaf_hash(entry_bytes(entry)) for entry in entries])


def active_signatures(entries: Sequence[Mapping[str, Any]]) -> dict[Any, int]:
    """Organization ID -> index of the entry that made its signature what it is now."""
    active: dict[Any, int] = {}
    for index, entry in enumerate(entries):
        kind = entry.get("kind")
        if kind not in ENTRY_KINDS:
            raise ExportError(f"entry {index} is of an unknown kind: {kind!r}")
        if kind == "version":
            continue
        organization = (entry.get("organization") or {}).get("id")
        if kind == "signature":
            active[organization] = index
        elif kind in ("reconfirmation", "organization"):
            if organization not in active:
                raise ExportError(f"entry {index} ({kind}) is about a signature that is not there")
            active[organization] = index
        elif active.pop(organization, None) is None:
            raise ExportError(f"entry {index} withdraws a signature that is not there")
    return active


@dataclass(frozen=True)
class Verified:
    checkpoint: Checkpoint
    signatories: int
    entries: int


def verify_export(document: Mapping[str, Any], verifier: Verifier) -> Verified:
    """Check an export's list against its log and the log's signed checkpoint."""
    log = document.get("transparency")
    if not isinstance(log, Mapping):
        raise ExportError("the export carries no transparency log")
    entries = log.get("entries")
    if not isinstance(entries, list):
        raise ExportError("the export's log has no entries")
    try:
        checkpoint = open_checkpoint(str(log.get("checkpoint", "")), verifier, log.get("origin"))
    except NoteError as error:
        raise ExportError(f"the checkpoint does not verify: {error}") from error
    if checkpoint.size != len(entries):
        raise ExportError(
            f"the checkpoint counts {checkpoint.size} entries, the export carries {len(entries)}"
        )
    if entries_root(entries) != checkpoint.root:
        raise ExportError("the entries are not those the checkpoint signed (changed or reordered)")
    active = active_signatures(entries)
    listed = document.get("signatories")
    if not isinstance(listed, list):
        raise ExportError("the export has no signatory list")
    seen: set[Any] = set()
    for position, signatory in enumerate(listed, start=1):
        if signatory.get("kind", "organization") != "organization":
            continue  # people who signed a published list; the log holds organizations only
        index = signatory.get("log_index")
        if not isinstance(index, int) or not 0 <= index < len(entries):
            raise ExportError(f"signatory {position} names no entry of the log")
        organization = entries[index].get("organization") or {}
        if organization.get("id") in seen:
            raise ExportError(f"signatory {position} is listed twice")
        if active.get(organization.get("id")) != index:
            raise ExportError(f"signatory {position} has no signature in force in the log")
        for field in ORGANIZATION_FIELDS:
            if (signatory.get(field) or None) != (organization.get(field) or None):
                raise ExportError(
                    f"signatory {position}: its {field} reads {signatory.get(field)!r}, "
                    f"the log says {organization.get(field)!r}"
                )
        seen.add(organization.get("id"))
    missing = set(active) - seen
    if missing:
        raise ExportError(f"{len(missing)} signature(s) in force in the log are not listed")
    return Verified(checkpoint, len(seen), len(entries))
