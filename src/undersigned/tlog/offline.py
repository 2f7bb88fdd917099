"""The offline verifier: `undersigned verify` and the single file a journalist can run.

    python3 verify_undersigned.py --key KEY export.json           the list against its log
    python3 verify_undersigned.py --key KEY checkpoint.txt        a checkpoint's signature
    python3 verify_undersigned.py --key KEY old.txt export.json   the export extends old.txt
    python3 verify_undersigned.py --key KEY old.json new.json     (old.txt: a checkpoint)
    python3 verify_undersigned.py --key KEY old.txt new.txt --proof consistency.txt
    python3 verify_undersigned.py --key KEY proof.tlog-proof --entry entry.json
    python3 verify_undersigned.py --key NEW --earlier-key OLD old.txt export.json

KEY is the instance's public key (name+keyid+base64) or a file holding it; after the instance
changed its key, --earlier-key is the key the earlier file of a pair was signed with. The single
file is this module with merkle.py, note.py and entries.py before it (`standalone_source`); it
needs Python 3.10+ and the `cryptography` package, nothing else.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import re
import sys
from pathlib import Path

from undersigned.tlog.entries import ExportError, entries_root, entry_bytes, verify_export
from undersigned.tlog.merkle import ProofError, leaf_hash, verify_consistency, verify_inclusion
from undersigned.tlog.note import (
    Checkpoint,
    NoteError,
    Verifier,
    open_checkpoint,
    parse_verifier_key,
)

PROOF_HEADER = "c2sp.org/tlog-proof@v1"
_MODULES = ("merkle.py", "note.py", "entries.py", "offline.py")


class VerifyError(Exception):
    """What the verifier prints after FAILED."""


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise VerifyError(f"cannot read {path}: {error}") from error


def _key(value: str) -> Verifier:
    text = _read(value) if Path(value).is_file() else value
    try:
        return parse_verifier_key(text)
    except NoteError as error:
        raise VerifyError(str(error)) from error


def _hashes(lines: list[str]) -> list[bytes]:
    try:
        return [base64.b64decode(line, validate=True) for line in lines if line.strip()]
    except binascii.Error as error:
        raise VerifyError("a proof line is not a base64 hash") from error


def _document(text: str) -> dict | None:
    if not text.lstrip().startswith("{"):
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise VerifyError(f"not valid JSON: {error}") from error


def format_inclusion_proof(index: int, proof: list[bytes], signed_checkpoint: str) -> str:
    """An inclusion proof in the c2sp.org/tlog-proof format."""
    hashes = "".join(base64.b64encode(h).decode() + "\n" for h in proof)
    return f"{PROOF_HEADER}\nindex {index}\n{hashes}\n{signed_checkpoint}"


def verify_inclusion_file(text: str, entry: bytes, verifier: Verifier) -> Checkpoint:
    head, separator, note = text.partition("\n\n")
    lines = head.split("\n")
    if not separator or lines[0] != PROOF_HEADER:
        raise VerifyError(f"an inclusion proof starts with {PROOF_HEADER}")
    lines = lines[1:]
    if lines and lines[0].startswith("extra "):
        lines = lines[1:]
    if not lines or not re.fullmatch(r"index (0|[1-9][0-9]*)", lines[0]):
        raise VerifyError("the proof names no index")
    checkpoint = open_checkpoint(note, verifier)
    verify_inclusion(
        leaf_hash(entry), int(lines[0][6:]), checkpoint.size, _hashes(lines[1:]), checkpoint.root
    )
    return checkpoint


def verify_paths(
    paths: list[str],
    key: str,
    proof: str | None,
    entry: str | None,
    earlier_key: str | None = None,
) -> str:
    """Verify what the files are; returns the sentence to print, raises VerifyError."""
    verifier = _key(key)
    # The earlier of two files may be signed by the key the instance had before a rotation.
    earlier = _key(earlier_key) if earlier_key else verifier
    first = _read(paths[0])
    if entry:
        checkpoint = verify_inclusion_file(first, entry_bytes(json.loads(_read(entry))), verifier)
        return f"OK: the entry is in the log {checkpoint.origin} of {checkpoint.size} entries."
    document = _document(first)
    if len(paths) == 1:
        if document is not None:
            result = verify_export(document, verifier)
            return (
                f"OK: {result.signatories} signatories, proved by {result.entries} log "
                f"entries under the checkpoint of {result.checkpoint.origin}."
            )
        checkpoint = open_checkpoint(first, verifier)
        return f"OK: a checkpoint of {checkpoint.origin} at {checkpoint.size} entries, signed."
    old = (
        verify_export(document, earlier).checkpoint
        if document is not None
        else open_checkpoint(first, earlier)
    )
    second = _read(paths[1])
    later = _document(second)
    if later is not None:
        newer = verify_export(later, verifier).checkpoint
        entries = later["transparency"]["entries"]
        if old.size > len(entries) or entries_root(entries[: old.size]) != old.root:
            raise VerifyError(
                "the export does not extend the earlier checkpoint: entries were "
                "removed, rewritten or reordered"
            )
    else:
        newer = open_checkpoint(second, verifier, old.origin)
        if proof is None and old.size != newer.size:
            raise VerifyError(
                "two checkpoints of different sizes need --proof (the instance "
                "serves it at the log's consistency address)"
            )
        verify_consistency(
            old.size,
            newer.size,
            old.root,
            newer.root,
            _hashes(_read(proof).split("\n")) if proof else [],
        )
    if newer.origin != old.origin:
        raise VerifyError(f"the checkpoints are of two logs: {old.origin}, {newer.origin}")
    return f"OK: {newer.size} entries extend the {old.size} of the earlier checkpoint."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="verify",
        description="Check an undersigned signatory list, checkpoint or proof "
        "offline against the instance's public key.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="an export (JSON), a checkpoint, or an earlier checkpoint or export and a "
        "later checkpoint or export",
    )
    parser.add_argument(
        "--key",
        required=True,
        help="the instance's public key (name+keyid+base64) or a file with it",
    )
    parser.add_argument(
        "--earlier-key",
        help="with two files: the key the earlier one was signed with, if the instance has "
        "changed its key since (its how-to-check page lists earlier keys)",
    )
    parser.add_argument("--proof", help="a consistency proof between two checkpoints")
    parser.add_argument("--entry", help="with a .tlog-proof file: the entry it proves (JSON)")
    args = parser.parse_args(argv)
    if len(args.files) > 2:
        parser.error("at most two files")
    try:
        print(verify_paths(args.files, args.key, args.proof, args.entry, args.earlier_key))
    except (VerifyError, ExportError, NoteError, ProofError, KeyError, TypeError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    return 0


def standalone_source() -> str:
    """This verifier as one file: the four modules, without their imports of one another."""
    here = Path(__file__).parent
    parts = ["#!/usr/bin/env python3\n"]
    for name in _MODULES:
        source = (here / name).read_text(encoding="utf-8")
        source = re.sub(
            r"^from undersigned\.tlog\.\w+ import (\([^)]*\)|[^\n]*)\n", "", source, flags=re.M
        )
        if parts[1:]:
            source = source.replace("from __future__ import annotations\n", "")
        parts.append(f"# ---- {name} ----\n{source}\n")
    parts.append('\nif __name__ == "__main__":\n    sys.exit(main())\n')
    return "".join(parts)
