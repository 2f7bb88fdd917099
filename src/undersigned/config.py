"""Turn EMAIL_URL into Django's mail settings.

No Django imports here: settings.py calls this before Django is set up.

    smtp://user:pass@host:587?tls=1   STARTTLS (so does smtp+tls://)
    smtps://user:pass@host            implicit TLS (so does smtp+ssl://), port 465 by default
    console:                          print mail to stdout
    file:///path/to/dir               one file per message
    outbox:                           our database outbox, readable by staff at /outbox/ (default)
"""

from pathlib import Path
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

OUTBOX_BACKEND = "undersigned.mail.backends.OutboxBackend"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_TIMEOUT = 10  # seconds; a hung SMTP server must not hold a worker forever

# scheme: (STARTTLS, implicit TLS, default port)
SMTP_SCHEMES = {
    "smtp": (False, False, 25),
    "smtp+tls": (True, False, 587),
    "smtps": (False, True, 465),
    "smtp+ssl": (False, True, 465),
}
TRUE = ("1", "true", "yes", "on")


def email_settings(url: str | None, var_dir: Path) -> dict:
    """Django settings (EMAIL_BACKEND, EMAIL_HOST, …) for an EMAIL_URL; the outbox when unset."""
    url = (url or "").strip()
    if not url:
        return {"EMAIL_BACKEND": OUTBOX_BACKEND, "EMAIL_TIMEOUT": DEFAULT_TIMEOUT}
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "outbox":
        return {"EMAIL_BACKEND": OUTBOX_BACKEND, "EMAIL_TIMEOUT": DEFAULT_TIMEOUT}
    if scheme == "console":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "EMAIL_TIMEOUT": DEFAULT_TIMEOUT,
        }
    if scheme == "file":
        path = Path(unquote(parts.path)) if parts.path else var_dir / "mail"
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": path,
            "EMAIL_TIMEOUT": DEFAULT_TIMEOUT,
        }
    if scheme in SMTP_SCHEMES:
        return _smtp_settings(parts)
    raise ValueError(
        f"EMAIL_URL has an unknown scheme {parts.scheme!r}: use smtp://, smtp+tls://, smtps://, "
        "smtp+ssl://, console:, file:///path or outbox:."
    )


def _smtp_settings(parts: SplitResult) -> dict:
    use_tls, use_ssl, default_port = SMTP_SCHEMES[parts.scheme.lower()]
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = set(query) - {"tls", "ssl", "timeout"}
    if unknown:
        raise ValueError(f"EMAIL_URL has unknown parameters: {', '.join(sorted(unknown))}.")
    use_tls = use_tls or query.get("tls", "").lower() in TRUE
    use_ssl = use_ssl or query.get("ssl", "").lower() in TRUE
    if use_tls and use_ssl:
        raise ValueError("EMAIL_URL asks for both STARTTLS and implicit TLS; choose one.")
    if not parts.hostname:
        raise ValueError("EMAIL_URL names no host, e.g. smtp://user:password@mail.example.org:587.")
    try:
        port = parts.port or default_port
        timeout = int(query.get("timeout", DEFAULT_TIMEOUT))
    except ValueError as error:
        raise ValueError(f"EMAIL_URL has a bad port or timeout: {error}.") from None
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": timeout,
    }
