"""Signed notes and checkpoints in the C2SP formats (c2sp.org/signed-note, tlog-checkpoint).

A checkpoint is the note text "origin\\nsize\\nbase64(root)\\n", signed with Ed25519: after a
blank line, one line "— <key name> base64(key ID || signature)". The key ID is the first four
bytes of SHA-256(key name || 0x0A || 0x01 || public key). A public key is written as Go's
note package writes a verifier key, "<name>+<key ID in hex>+base64(0x01 || public key)", so
that other tools that read checkpoints read ours.

Only the standard library and `cryptography` are needed: the offline verifier carries this.
`cryptography` is imported where a key is used, not with this module: its library holds ~11 MB
resident in every process that loads it, and a web worker imports this module (through the
actions) but signs or verifies only on the few requests that touch a log.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

ED25519 = b"\x01"
SIGNATURE_PREFIX = "— "  # an em dash and a space


class NoteError(ValueError):
    """A note, checkpoint or key that is malformed or not signed by the expected key."""


def _raw_public(key: Ed25519PublicKey | bytes) -> bytes:
    if isinstance(key, bytes):  # the server's signer gives the raw key (transparency/keys.py)
        return key
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(name: str, public_key: Ed25519PublicKey | bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + _raw_public(public_key)).digest()[:4]


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise NoteError(f"a key name has no spaces nor '+': {name!r}")


def verifier_key(name: str, public_key: Ed25519PublicKey | bytes) -> str:
    """The published form of a public key: name+keyid+base64(0x01 || key)."""
    _check_name(name)
    encoded = base64.b64encode(ED25519 + _raw_public(public_key)).decode()
    return f"{name}+{key_id(name, public_key).hex()}+{encoded}"


@dataclass(frozen=True)
class Verifier:
    name: str
    public_key: Ed25519PublicKey

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.public_key)


def parse_verifier_key(text: str) -> Verifier:
    try:
        name, hex_id, encoded = text.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
        expected_id = bytes.fromhex(hex_id)
    except (ValueError, binascii.Error) as error:
        raise NoteError(
            "a public key reads name+keyid+base64, e.g. example.org+1a2b3c4d+AR…"
        ) from error
    if len(raw) != 33 or raw[:1] != ED25519:
        raise NoteError("the public key is not an Ed25519 key")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    verifier = Verifier(name, Ed25519PublicKey.from_public_bytes(raw[1:]))
    if verifier.key_id != expected_id:
        raise NoteError("the public key's ID does not match the key")
    return verifier


def sign_note(text: str, name: str, private_key: Ed25519PrivateKey) -> str:
    """The signed note: text, a blank line, and this key's signature line. `private_key` is
    `cryptography`'s key or anything with its sign(data) and a public_key() that gives that
    library's key or the raw 32 bytes (the server's PyNaCl signer, transparency/keys.py)."""
    _check_name(name)
    if not text.endswith("\n") or any(ord(c) < 0x20 and c != "\n" for c in text):
        raise NoteError("a note's text ends with a newline and holds no control characters")
    signature = private_key.sign(text.encode())
    blob = key_id(name, private_key.public_key()) + signature
    return f"{text}\n{SIGNATURE_PREFIX}{name} {base64.b64encode(blob).decode()}\n"


def open_note(note: str, verifier: Verifier) -> str:
    """The text of a note signed by `verifier`; signatures of other keys are ignored."""
    text, separator, signatures = note.rpartition("\n\n")
    if not separator or not note.endswith("\n"):
        raise NoteError("this is not a signed note (no blank line before the signatures)")
    text += "\n"
    from cryptography.exceptions import InvalidSignature

    verified = False
    for line in signatures.splitlines():
        if not line.startswith(SIGNATURE_PREFIX):
            raise NoteError(f"not a signature line: {line[:60]!r}")
        name, _, encoded = line[len(SIGNATURE_PREFIX) :].rpartition(" ")
        try:
            blob = base64.b64decode(encoded, validate=True)
        except binascii.Error as error:
            raise NoteError("a signature is not base64") from error
        if name != verifier.name or blob[:4] != verifier.key_id:
            continue  # another key's signature (a witness, an older key): not ours to judge
        try:
            verifier.public_key.verify(blob[4:], text.encode())
        except InvalidSignature as error:
            raise NoteError("the signature does not match the text: it was changed") from error
        verified = True
    if not verified:
        raise NoteError(f"the note carries no signature of {verifier.name}")
    return text


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"

    def sign(self, name: str, private_key: Ed25519PrivateKey) -> str:
        return sign_note(self.text(), name, private_key)


def parse_checkpoint(text: str) -> Checkpoint:
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or any(not line for line in lines[:-1]):
        raise NoteError("a checkpoint has an origin, a size and a root, one per line")
    origin, size, encoded = lines[:3]
    if not size.isdigit() or (size != "0" and size.startswith("0")):
        raise NoteError(f"the tree size is not a number: {size!r}")
    try:
        root = base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise NoteError("the root hash is not base64") from error
    if len(root) != 32:
        raise NoteError("the root hash is not a SHA-256 hash")
    return Checkpoint(origin, int(size), root)


def open_checkpoint(note: str, verifier: Verifier, origin: str | None = None) -> Checkpoint:
    """A checkpoint signed by `verifier`, of the log `origin` when one is expected."""
    checkpoint = parse_checkpoint(open_note(note, verifier))
    if origin is not None and checkpoint.origin != origin:
        raise NoteError(f"the checkpoint is of the log {checkpoint.origin}, not {origin}")
    return checkpoint
