"""The key that the audit chain is keyed with: a secret the database does not hold.

With plain SHA-256, anyone who can write to the database can append an event, cut the newest
ones or move the chain head back, and recompute every hash so that `audit verify` passes. Keyed
with HMAC-SHA-256, only a holder of the key can: keep it out of the database and its backups.
AUDIT_KEY (the environment) when given, else var/audit_key, written once, as var/secret_key is.
Losing the key leaves the trail unverifiable; back it up apart from the database.
"""

import hashlib
import hmac
import os
import secrets

from django.conf import settings


def audit_key() -> bytes:
    if settings.AUDIT_KEY:
        return settings.AUDIT_KEY.encode()
    path = settings.AUDIT_KEY_FILE
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting at once must not write two keys.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_urlsafe(48))
    return path.read_bytes().strip()


def mac(message: str, key: bytes | None = None) -> str:
    """HMAC-SHA-256 of `message` under the audit key (or the key given), in hex."""
    key = audit_key() if key is None else key
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
