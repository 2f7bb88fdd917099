"""The instance's Ed25519 key that signs every log's checkpoints.

Kept in TRANSPARENCY_KEY_FILE (PKCS#8 PEM; var/transparency_ed25519.pem in the embedded mode),
created on first use, readable by the owner only. Operators may bring their own key in that
file. Whoever holds it can sign checkpoints; whoever loses it can sign no checkpoint that
readers' saved public key accepts (docs/operations.md says how to rotate).
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.checks import CheckMessage, Error

from undersigned.tlog.note import parse_verifier_key, verifier_key

# `cryptography` is imported where the key is used (see tlog/note.py: ~11 MB per process).
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def key_name() -> str:
    return settings.TRANSPARENCY_KEY_NAME


def ensure_key(path: Path | None = None) -> Path:
    """Create the key file once; two processes starting at once keep the same key."""
    path = Path(path or settings.TRANSPARENCY_KEY_FILE)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    pem = Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
    )
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


@functools.lru_cache(maxsize=4)
def _load(path: str, _mtime: float) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} holds no Ed25519 private key")
    return key


def private_key() -> Ed25519PrivateKey:
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
