"""The data folder (var/): created by the commands that write there, never by importing settings.

Everything in it is for the owner only: the database holds e-mail addresses, password hashes and
session keys; the key signs every link and session; backups are copies of the database.
"""

import contextlib
import os
import secrets
from pathlib import Path

from django.conf import settings

PRIVATE_UMASK = 0o077


def make_private() -> None:
    """Files this process (and its children) creates from now on are 0600, folders 0700."""
    os.umask(PRIVATE_UMASK)


def ensure_var_dir() -> Path:
    make_private()
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not ours to change (a mounted volume)
        settings.VAR_DIR.chmod(0o700)
    return settings.VAR_DIR


def ensure_secret_key() -> None:
    """Write var/secret_key once, unless SECRET_KEY is given, so that the processes `serve`
    starts, and every later start, sign with the same key."""
    if os.environ.get("SECRET_KEY"):
        return
    ensure_var_dir()
    # O_EXCL: two processes starting at once must not overwrite each other's key.
    try:
        fd = os.open(settings.SECRET_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_urlsafe(50))


def make_database_private() -> None:
    """The SQLite file and its WAL and shared-memory files: 0600, also when an older version
    created them world-readable."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.sqlite3":
        return
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{db['NAME']}{suffix}")
        with contextlib.suppress(FileNotFoundError, PermissionError):
            path.chmod(0o600)
