"""Signed notes against the Go reference vector; exports and checkpoints through the verifier,
in the package and as the single file a journalist runs."""

import base64
import copy
import json
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from undersigned.tlog.entries import ExportError, entries_root, entry_bytes, verify_export
from undersigned.tlog.merkle import consistency_proof, inclusion_proof, leaf_hash
from undersigned.tlog.note import (
    Checkpoint,
    NoteError,
    open_checkpoint,
    open_note,
    parse_verifier_key,
    sign_note,
    verifier_key,
)
from undersigned.tlog.offline import format_inclusion_proof, main, standalone_source

# golang.org/x/mod/sumdb/note's test key and note.
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SEED = base64.b64decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")[1:]
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_SIGNATURE = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpR"
    "Zb6KE6RyyBwJnAM=\n"
)
NAME = "undersigned.example"
ORIGIN = "undersigned.example/s/1"


def test_our_notes_are_the_go_reference_notes():
    key = Ed25519PrivateKey.from_private_bytes(GO_SEED)
    assert verifier_key("PeterNeumann", key.public_key()) == GO_VKEY
    assert sign_note(GO_TEXT, "PeterNeumann", key) == f"{GO_TEXT}\n{GO_SIGNATURE}"
    assert open_note(f"{GO_TEXT}\n{GO_SIGNATURE}", parse_verifier_key(GO_VKEY)) == GO_TEXT


def test_a_changed_or_foreign_note_is_refused():
    verifier = parse_verifier_key(GO_VKEY)
    with pytest.raises(NoteError, match="changed"):
        open_note(f"{GO_TEXT.replace('problem', 'answer')}\n{GO_SIGNATURE}", verifier)
    other = Ed25519PrivateKey.generate()
    with pytest.raises(NoteError, match="no signature of PeterNeumann"):
        open_note(sign_note(GO_TEXT, "Someone", other), verifier)
    with pytest.raises(NoteError):
        parse_verifier_key(GO_VKEY.replace("c74f20a3", "c74f20a4"))


def organization(number: int, name: str) -> dict:
    return {"id": number, "name": name, "name_en": None, "abbreviation": name[:4].upper(),
            "country": "DE"}  # fmt: skip


def listed(number: int, name: str, log_index: int) -> dict:
    fields = organization(number, name)
    del fields["id"]
    return {**fields, "kind": "organization", "log_index": log_index}


def make_export(key: Ed25519PrivateKey) -> dict:
    entries = [
        {"kind": "version", "at": "2021-09-01T10:00:00Z", "version": 1},
        {"kind": "signature", "at": "2021-09-02T10:00:00Z", "version": 1,
         "organization": organization(1, "Alpha Union")},
        {"kind": "signature", "at": "2021-09-03T10:00:00Z", "version": 1,
         "organization": organization(2, "Beta Party")},
        {"kind": "signature", "at": "2021-09-04T10:00:00Z", "version": 1,
         "organization": organization(3, "Gamma Network")},
        {"kind": "withdrawal", "at": "2021-09-05T10:00:00Z",
         "organization": organization(2, "Beta Party")},
    ]  # fmt: skip
    checkpoint = Checkpoint(ORIGIN, len(entries), entries_root(entries))
    signatories = [
        listed(1, "Alpha Union", 1),
        listed(3, "Gamma Network", 3),
        {"kind": "person", "name": "Jane Doe", "country": "DE"},
    ]
    return {
        "title": "A statement",
        "signatories": signatories,
        "transparency": {
            "origin": ORIGIN,
            "public_key": verifier_key(NAME, key.public_key()),
            "checkpoint": checkpoint.sign(NAME, key),
            "entries": entries,
        },
    }


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_an_untouched_export_verifies(key):
    result = verify_export(
        make_export(key), parse_verifier_key(verifier_key(NAME, key.public_key()))
    )
    assert (result.signatories, result.entries, result.checkpoint.size) == (2, 5, 5)


def removed(doc):
    del doc["signatories"][1]


def renamed(doc):
    doc["signatories"][0]["name"] = "Alpha Union (renamed)"


def renamed_in_the_log_too(doc):
    doc["signatories"][0]["name"] = "Alpha Union (renamed)"
    doc["transparency"]["entries"][1]["organization"]["name"] = "Alpha Union (renamed)"


def added(doc):
    doc["signatories"].append(listed(2, "Beta Party", 2))


def added_with_an_entry(doc):
    doc["transparency"]["entries"].append(
        {"kind": "signature", "at": "2021-09-06T10:00:00Z", "version": 1,
         "organization": organization(9, "Delta")}
    )  # fmt: skip
    doc["signatories"].append(listed(9, "Delta", 5))


def reordered_entries(doc):
    entries = doc["transparency"]["entries"]
    entries[1], entries[3] = entries[3], entries[1]
    doc["signatories"][0]["log_index"], doc["signatories"][1]["log_index"] = 3, 1


def listed_twice(doc):
    doc["signatories"].append(dict(doc["signatories"][0]))


@pytest.mark.parametrize(
    "tamper",
    [removed, renamed, renamed_in_the_log_too, added, added_with_an_entry, reordered_entries,
     listed_twice],
)  # fmt: skip
def test_a_tampered_export_is_refused(key, tamper):
    document = make_export(key)
    tamper(document)
    with pytest.raises(ExportError):
        verify_export(document, parse_verifier_key(verifier_key(NAME, key.public_key())))


def write(path, content) -> str:
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_the_command_checks_exports_checkpoints_and_their_growth(tmp_path, key, capsys):
    vkey = verifier_key(NAME, key.public_key())
    document = make_export(key)
    export = write(tmp_path / "export.json", document)
    entries = document["transparency"]["entries"]
    old = write(
        tmp_path / "old.txt", Checkpoint(ORIGIN, 3, entries_root(entries[:3])).sign(NAME, key)
    )
    assert main(["--key", vkey, export]) == 0
    assert main(["--key", vkey, old]) == 0
    assert main(["--key", vkey, old, export]) == 0
    leaves = [leaf_hash(entry_bytes(e)) for e in entries]
    proof = write(tmp_path / "proof.txt", "\n".join(
        base64.b64encode(h).decode() for h in consistency_proof(leaves, 3)))  # fmt: skip
    new = write(tmp_path / "new.txt", document["transparency"]["checkpoint"])
    assert main(["--key", vkey, old, new, "--proof", proof]) == 0
    # An earlier checkpoint the later list does not extend: history was rewritten.
    forged = write(tmp_path / "forged.txt", Checkpoint(ORIGIN, 3, leaves[0] * 1).sign(NAME, key))
    assert main(["--key", vkey, forged, export]) == 1
    assert main(["--key", vkey, forged, new, "--proof", proof]) == 1
    assert "FAILED" in capsys.readouterr().err


def test_an_inclusion_proof_file_proves_one_entry(tmp_path, key):
    vkey = verifier_key(NAME, key.public_key())
    document = make_export(key)
    entries = document["transparency"]["entries"]
    leaves = [leaf_hash(entry_bytes(e)) for e in entries]
    proof_file = write(tmp_path / "p.tlog-proof", format_inclusion_proof(
        3, inclusion_proof(leaves, 3), document["transparency"]["checkpoint"]))  # fmt: skip
    assert main(["--key", vkey, proof_file, "--entry", write(tmp_path / "e.json", entries[3])]) == 0
    other = write(tmp_path / "o.json", entries[2])
    assert main(["--key", vkey, proof_file, "--entry", other]) == 1
    assert (
        open_checkpoint(document["transparency"]["checkpoint"], parse_verifier_key(vkey)).size == 5
    )


def test_the_single_file_verifier_needs_only_python_and_cryptography(tmp_path, key):
    script = tmp_path / "verify_undersigned.py"
    script.write_text(standalone_source())
    vkey = verifier_key(NAME, key.public_key())
    document = make_export(key)
    good = write(tmp_path / "good.json", document)
    bad_document = copy.deepcopy(document)
    renamed(bad_document)
    bad = write(tmp_path / "bad.json", bad_document)
    # -I: isolated, so that nothing of undersigned on the path can help the script.
    run = [sys.executable, "-I", str(script), "--key", vkey]
    ok = subprocess.run([*run, good], capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("OK: 2 signatories")
    failed = subprocess.run([*run, bad], capture_output=True, text=True, cwd=tmp_path)
    assert failed.returncode == 1
    assert "FAILED: signatory 1: its name" in failed.stderr
