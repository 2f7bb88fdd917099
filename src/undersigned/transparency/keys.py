"""The instance's Ed25519 key that signs every log's checkpoints.

Kept in TRANSPARENCY_KEY_FILE (PKCS#8 PEM; var/transparency_ed25519.pem in the embedded mode),
created on first use, readable by the owner only. Operators may bring their own key in that
file. Whoever holds it can sign checkpoints; whoever loses it can sign no checkpoint that
readers' saved public key accepts (docs/operations.md says how to rotate).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.checks import CheckMessage, Error

from undersigned.tlog.note import parse_verifier_key, verifier_key

if TYPE_CHECKING:
    from nacl.signing import SigningKey

# The DER of PKCS#8 (RFC 8410) before an Ed25519 key's 32-byte seed, as this module, OpenSSL and
# `cryptography` write it.
_PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")


def key_name() -> str:
    return settings.TRANSPARENCY_KEY_NAME


def ensure_key(path: Path | None = None) -> Path:
    """Create the key file once; two processes starting at once keep the same key."""
    path = Path(path or settings.TRANSPARENCY_KEY_FILE)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    from nacl.signing import SigningKey

    pem = pkcs8_pem(bytes(SigningKey.generate()))
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
        os.chmod(temporary, 0o600)
        # A hard link fails when the file exists: the first process's key wins, whole.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
    return path


class Signer:
    """The log's key, signing with PyNaCl (libsodium). A web worker signs the statement page's
    checkpoint: libsodium holds ~3.5 MB resident there, `cryptography` ~11 MB. Ed25519 signs
    the same text with the same key the same way, so the notes are those `cryptography` made."""

    def __init__(self, seed: bytes) -> None:
        from nacl.signing import SigningKey

        self._key: SigningKey = SigningKey(seed)

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(data).signature

    def public_key(self) -> bytes:
        """The raw 32 bytes, as tlog/note.py takes a public key."""
        return bytes(self._key.verify_key)


def pkcs8_pem(seed: bytes) -> bytes:
    """The unencrypted PKCS#8 PEM of an Ed25519 key, byte for byte as `cryptography` and OpenSSL
    write it (one line of base64: the DER is 48 bytes)."""
    der = base64.b64encode(_PKCS8_ED25519 + seed)
    return b"-----BEGIN PRIVATE KEY-----\n" + der + b"\n-----END PRIVATE KEY-----\n"


def _seed(pem: bytes, path: str) -> bytes:
    """The key's 32-byte seed. The PKCS#8 PEM we (and `openssl genpkey`) write is read here;
    any other form an operator brings (encrypted keys excepted) is read by `cryptography`."""
    lines = pem.strip().splitlines()
    if (
        len(lines) > 2
        and lines[0] == b"-----BEGIN PRIVATE KEY-----"
        and lines[-1] == b"-----END PRIVATE KEY-----"
    ):
        with contextlib.suppress(binascii.Error):
            der = base64.b64decode(b"".join(lines[1:-1]), validate=True)
            if len(der) == 48 and der.startswith(_PKCS8_ED25519):
                return der[16:]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        load_pem_private_key,
    )

    key = load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} holds no Ed25519 private key")
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


@functools.lru_cache(maxsize=4)
def _load(path: str, _mtime: float) -> Signer:
    return Signer(_seed(Path(path).read_bytes(), path))


def private_key() -> Signer:
    path = ensure_key()
    return _load(str(path), path.stat().st_mtime)


def key_version() -> str:
    """Which key signs now, without loading it (nor `cryptography`): the key file's identity,
    which changes when an operator replaces the key."""
    stat = ensure_key().stat()
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


def public_key_text() -> str:
    """The published key, name+keyid+base64, as verifiers read it."""
    return verifier_key(key_name(), private_key().public_key())


def earlier_keys() -> list[str]:
    """The keys that signed before the last rotation (TRANSPARENCY_EARLIER_KEYS), each checked
    to be a key a verifier reads (a system check refuses the others at start)."""
    return [key for key in settings.TRANSPARENCY_EARLIER_KEYS if _readable(key)]


def _readable(key: str) -> bool:
    try:
        parse_verifier_key(key)
    except ValueError:
        return False
    return True


def check_earlier_keys(**kwargs) -> list[CheckMessage]:
    """A system check: a mistyped earlier key would vanish from the page unnoticed."""
    return [
        Error(
            f"TRANSPARENCY_EARLIER_KEYS: {key!r} is not a public key as "
            "/.well-known/undersigned-log-key gives it (name+keyid+base64).",
            id="transparency.E001",
        )
        for key in settings.TRANSPARENCY_EARLIER_KEYS
        if not _readable(key)
    ]
