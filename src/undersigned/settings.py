"""The one settings module. Everything comes from environment variables with safe defaults.

With no variables at all, undersigned runs on SQLite under ./var/ ("embedded mode"), so a fresh
checkout just works. DATABASE_URL moves it to PostgreSQL.
"""

import os
import secrets
import tempfile
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from undersigned.config import email_settings

PACKAGE_DIR = Path(__file__).resolve().parent
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def envbool(name: str, default: str) -> bool:
    """A yes/no variable. Anything else is an error: `SECURE_COOKIES=ture` must not quietly mean
    insecure cookies."""
    value = os.environ.get(name, default).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use true or false (1 or 0).")


def envint(name: str, default: str, minimum: int | None = None) -> int:
    value = os.environ.get(name, default).strip()
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below its minimum, {minimum}.")
    return number


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Runtime data (SQLite database, generated secret key, mail outbox, caches, collected static
# files). Importing the settings creates nothing: the commands that write there (migrate, demo,
# serve, backup) create it, with permissions for the owner only (core.runtime).
VAR_DIR = Path(os.environ.get("UNDERSIGNED_VAR_DIR", "var")).resolve()
SECRET_KEY_FILE = VAR_DIR / "secret_key"


def _secret_key() -> str:
    """SECRET_KEY if given, else the key `serve`/`migrate` keep in var/ so that sessions and links
    survive restarts; with neither, a random key for this process only (a one-off command)."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    try:
        return SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
# The key of the audit chain's HMACs (audit/keys.py): AUDIT_KEY, else var/audit_key, written on
# first use. Never in the database; back it up apart from it.
AUDIT_KEY = os.environ.get("AUDIT_KEY", "")
AUDIT_KEY_FILE = VAR_DIR / "audit_key"
DEBUG = envbool("DEBUG", "false")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = os.environ.get("SITE_NAME", "undersigned")
# Where `undersigned serve` listens.
HOST = os.environ.get("HOST", "127.0.0.1").strip()
PORT = envint("PORT", "8000", minimum=1)
if PORT > 65535:
    raise ImproperlyConfigured(f"PORT={PORT} is not a port: use 1 to 65535.")
WEB_WORKERS = envint("WEB_WORKERS", "3", minimum=1)
TASK_WORKERS = envint("TASK_WORKERS", "1", minimum=1)
# The HTTP server `serve` runs the site in: gunicorn (sync workers) or granian (Rust, running
# the same WSGI application); BENCHMARKS.md compares them.
WEB_SERVERS = ("gunicorn", "granian")
WEB_SERVER = os.environ.get("WEB_SERVER", "gunicorn").strip().lower()
if WEB_SERVER not in WEB_SERVERS:
    raise ImproperlyConfigured(f"WEB_SERVER={WEB_SERVER!r}: use gunicorn or granian.")
# Seconds a request may take before its web worker is ended (and started again).
WEB_TIMEOUT = envint("WEB_TIMEOUT", "30", minimum=1)
# The task workers' niceness under `serve`: in a surge the web workers get the CPU first (the
# signature is taken at once), the mail goes out as soon as they leave some. 0 for none.
TASK_NICE = envint("TASK_NICE", "10", minimum=0)
# Addresses whose X-Forwarded-Proto/-For gunicorn believes (its --forwarded-allow-ips).
FORWARDED_ALLOW_IPS = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def _served_at(host: str, port: int) -> str:
    """Where `serve` on HOST and PORT is reached from this machine: an address that means "every
    interface" is reached at the loopback one."""
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host.strip("[]") == "::":
        host = "::1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


# The address people reach the site at; links in mail start with it. Unset, it follows HOST and
# PORT, so that `make run PORT=8117` mails links that work.
SITE_URL = os.environ.get("SITE_URL", _served_at(HOST, PORT)).rstrip("/")
# The Ed25519 key that signs the transparency logs' checkpoints, and the name it signs under
# (the site's host by default; a checkpoint's key name has no spaces nor '+').
TRANSPARENCY_KEY_FILE = Path(
    os.environ.get("TRANSPARENCY_KEY_FILE", VAR_DIR / "transparency_ed25519.pem")
).resolve()
TRANSPARENCY_KEY_NAME = os.environ.get("TRANSPARENCY_KEY_NAME") or (
    SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "undersigned"
)
# The public keys that signed checkpoints before the key was rotated (docs/operations.md), as
# /.well-known/undersigned-log-key gave them (name+keyid+base64), separated by spaces: the
# "How to check" page lists them, so that checkpoints signed then stay verifiable.
TRANSPARENCY_EARLIER_KEYS = os.environ.get("TRANSPARENCY_EARLIER_KEYS", "").split()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "undersigned.core",
    "undersigned.web",
    "undersigned.search",
    "undersigned.circulation",
    "undersigned.api",
    "undersigned.transfer",
    "undersigned.accounts",
    "undersigned.coalitions",
    "undersigned.statements",
    "undersigned.signing",
    "undersigned.collection",
    "undersigned.endorsements",
    "undersigned.audit",
    "undersigned.mail",
    "undersigned.transparency",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "undersigned.core.middleware.urlconf_by_path_prefix",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions, language, CSRF and authentication: a cached public page skips them all.
    "undersigned.core.pagecache.FrontPageCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "undersigned.core.middleware.preferred_language_redirect",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "undersigned.statements.middleware.OldStatementAddresses",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "undersigned.core.middleware.BusyDatabaseMiddleware",
]

ROOT_URLCONF = "undersigned.urls"
# Requests under a prefix resolve in their own URLconf (core.middleware.urlconf_by_path_prefix).
URLCONF_BY_PATH_PREFIX = {"/api/": "undersigned.urls.api"}
WSGI_APPLICATION = "undersigned.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "undersigned.core.context_processors.site",
            ],
        },
    },
]

SQLITE_BUSY_TIMEOUT = envint("SQLITE_BUSY_TIMEOUT", "5", minimum=1)
# SQLite by default; WAL lets readers run beside the one writer, IMMEDIATE transactions make
# writers queue on the busy timeout instead of failing with "database is locked" mid-transaction.
SQLITE_PATH = VAR_DIR / "undersigned.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"), conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections: opening one (the PRAGMAs, reading the schema) costs more than a
    # whole small request.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["OPTIONS"] = {
        # A writer waits this long for another's write lock, then gives up: the request answers
        # 503 (core.middleware), the task worker tries again. Readers never wait (WAL).
        "timeout": SQLITE_BUSY_TIMEOUT,
        "transaction_mode": "IMMEDIATE",
        # synchronous=FULL: a commit is on disk before we answer "saved" (WAL keeps it cheap).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    }
    # Tests run on a file, not in memory: an in-memory database shares one connection across
    # threads, so concurrency tests and live servers would test something production never does.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("SQLITE_TEST_NAME")
        or str(Path(tempfile.gettempdir()) / f"undersigned-test-{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# Two caches: "default" for pages, diffs and numbers, which may be evicted at any time, and
# "limits" for rate limits and log-in throttling, which must not be, however full the page cache.
# Redis when REDIS_URL is set (several app servers; give it `maxmemory-policy volatile-lru` or
# similar: every key we write expires). Otherwise SQLite-backed caches under var/ (diskcache),
# shared by every process of one machine, whose reads and writes cost the same however many
# entries they hold; the page cache evicts the least recently stored past its size limit.
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "undersigned.core.cachebackend.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "limits": {
            "BACKEND": "undersigned.core.cachebackend.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "limits",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "undersigned.core.cachebackend.OpenDiskCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.5,
            "OPTIONS": {"size_limit": envint("CACHE_MAX_MB", "512", minimum=1) * 2**20},
        },
        "limits": {
            "BACKEND": "undersigned.core.cachebackend.OpenDiskCache",
            "LOCATION": str(VAR_DIR / "limits"),
            "SHARDS": 1,
            "DATABASE_TIMEOUT": 2,
            # Never evicted: expired counters are deleted as they expire, nothing else.
            "OPTIONS": {"eviction_policy": "none", "size_limit": 2**40},
        },
    }

LANGUAGE_CODE = "en"
# The interface languages. English pages have no URL prefix; the others live under /de/, /fa/…
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("tr", _("Turkish")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# django-countries follows ISO 3166's short names in English ("Naoero", "Bahamas (The)"); people
# write the usual ones.
COUNTRIES_OVERRIDE = {"BS": _("Bahamas"), "NR": _("Nauru")}
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The API's documentation page (Swagger UI) from django-ninja's package, served as our own
# static files: no CDN, within the Content-Security-Policy. Found without importing django-ninja,
# which only the processes that answer the API load.
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("ninja", Path(find_spec("ninja").origin).parent / "static" / "ninja"),
]
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "undersigned.core.staticfiles.StaticStorage"},
}
# Every page names its static files by their hashed names ({% static %}), so the unhashed copies
# are dropped: WhiteNoise keeps a table of every file in each web process (2 MB with both).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
if DEBUG:
    # No collectstatic needed while developing.
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True

# Background work (mail) goes through Django's task framework, queued in the database so that the
# embedded mode needs no broker; `undersigned worker` runs the queue.
# Two queues: "default" (mail, pruning) and "pdf" (PDF renders, which take seconds to minutes):
# at scale a worker of its own for "pdf" keeps mail from waiting behind a render.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "pdf"]}}
# Tasks a worker takes from the queue at a time: one transaction claims them, one records them.
TASK_BATCH_SIZE = envint("TASK_BATCH_SIZE", "50")
# Threads per worker that run a batch's tasks, each with its own SMTP connection.
TASK_THREADS = envint("TASK_THREADS", "4", minimum=1)
# A task RUNNING this long was claimed by a worker that died: the workers hand it back.
TASK_STALE_SECONDS = envint("TASK_STALE_SECONDS", "600")
# PDFs are made by the task worker, each in a child process with this much wall time and memory
# (address space); a text that needs more is refused with a message, and the refusal is kept.
PDF_RENDER_SECONDS = envint("PDF_RENDER_SECONDS", "120", minimum=1)
PDF_RENDER_MEMORY_MB = envint("PDF_RENDER_MEMORY_MB", "1024", minimum=64)
# A PDF lists at most this many signatory organizations (8,000 take about 25 s of CPU).
PDF_MAX_SIGNATORIES = envint("PDF_MAX_SIGNATORIES", "20000", minimum=1)
# Called by `undersigned worker` as it starts: queue periodic work (it re-queues itself).
WORKER_STARTUP_HOOKS = [
    "undersigned.mail.tasks.schedule_pruning",
    "undersigned.signing.tasks.schedule_digests",
    "undersigned.coalitions.tasks.schedule_domain_rechecks",
]

# Domain proofs (coalitions.domain_checks): the DNS servers to ask (empty: the system's), the
# time and size limits of a check, and how often verified proofs are checked again.
DNS_NAMESERVERS = envlist("DNS_NAMESERVERS", "")
DNS_PORT = envint("DNS_PORT", "53", minimum=1)
DOMAIN_CHECK_TIMEOUT = envint("DOMAIN_CHECK_TIMEOUT", "5", minimum=1)
DOMAIN_CHECK_MAX_BYTES = envint("DOMAIN_CHECK_MAX_BYTES", "4096", minimum=64)
DOMAIN_RECHECK_HOURS = envint("DOMAIN_RECHECK_HOURS", "24", minimum=1)
# Tests only: fetch the well-known file over plain HTTP, from this port, and from loopback
# addresses. Outside tests the file is fetched over HTTPS from a public address, port 443.
DOMAIN_CHECK_HTTPS_ONLY = True
DOMAIN_CHECK_PORT: int | None = None
DOMAIN_CHECK_ALLOW_LOOPBACK = False

# EMAIL_URL: smtp://user:pass@host:587?tls=1, smtps://…, console:, file:///path; unset = the
# database outbox that staff read at /outbox/ (the embedded mode).
globals().update(email_settings(os.environ.get("EMAIL_URL"), VAR_DIR))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "undersigned@localhost")
# Sent mail (the outbox) and finished mail tasks hold addresses and links: deleted after this.
MAIL_KEEP_DAYS = envint("MAIL_KEEP_DAYS", "30", minimum=1)
# A member organization is reminded (to sign, or to confirm a new version) at most once in so
# many days, however often its coordinators press the button.
REMINDER_INTERVAL_DAYS = envint("REMINDER_INTERVAL_DAYS", "7", minimum=1)

# Behind a load balancer or reverse proxy, how many of them append to X-Forwarded-For. 0: use
# the connection's address and ignore the header (it can be forged).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")
# Endorsements: submissions per client address per hour, and mails per address per hour.
ENDORSE_LIMIT_PER_IP = envint("ENDORSE_LIMIT_PER_IP", "30")
ENDORSE_LIMIT_PER_EMAIL = envint("ENDORSE_LIMIT_PER_EMAIL", "3")
ENDORSE_TOKEN_MAX_AGE = envint("ENDORSE_TOKEN_MAX_AGE_DAYS", "14") * 24 * 3600
# Organizations asking to sign: requests per client address per hour, mails per address per
# hour, and the largest logo accepted (re-encoded, stored under MEDIA_ROOT/logos/).
SIGN_ON_LIMIT_PER_IP = envint("SIGN_ON_LIMIT_PER_IP", "10")
SIGN_ON_LIMIT_PER_EMAIL = envint("SIGN_ON_LIMIT_PER_EMAIL", "3")
SIGN_ON_LOGO_MAX_BYTES = envint("SIGN_ON_LOGO_MAX_BYTES", str(1024 * 1024))

# Signatures by e-mail reply (collection.inbound): one mailbox whose plus-addresses name the
# statements (sign+SLUG@…); empty: no address is shown and `undersigned inbound` refuses mail.
# A message larger than INBOUND_MAX_BYTES is refused; DKIM keys are looked up through
# DNS_NAMESERVERS like the domain proofs, each lookup within DOMAIN_CHECK_TIMEOUT seconds.
INBOUND_MAILBOX = os.environ.get("INBOUND_MAILBOX", "").strip().lower()
INBOUND_MAX_BYTES = envint("INBOUND_MAX_BYTES", str(2 * 1024 * 1024), minimum=1024)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media")).resolve()
# The JSON API: requests per hour per personal token, and per client address without one.
API_LIMIT_PER_TOKEN = envint("API_LIMIT_PER_TOKEN", "1000")
API_LIMIT_PER_IP = envint("API_LIMIT_PER_IP", "1000")

# Imports larger than this are refused before parsing.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", str(5 * 1024 * 1024))
# The import preview posts back the text and, per row, what staff corrected and what the parser
# read (2,000 rows of at most ~2.5 KB), as eleven fields a row (transfer/import_review.py): with
# Django's 1,000 fields and the text's size alone, a list of 100 rows could not be imported
# from the page ("Bad Request").
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * IMPORT_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 60_000  # 5,000 rows (the formset's absolute_max) + the form

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SECURE_COOKIES = envbool("SECURE_COOKIES", "false")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
# Behind a TLS-terminating proxy (TRUSTED_PROXY_COUNT > 0) it says whether the request came over
# HTTPS; without one the header could be forged, so it is not read.
if TRUSTED_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# A site served over HTTPS (SECURE_COOKIES) redirects plain HTTP and asks browsers to use HTTPS
# only. HSTS starts at one day by default, so that a mistake costs a day; raise it once sure.
SECURE_SSL_REDIRECT = envbool("SSL_REDIRECT", "true" if SECURE_COOKIES else "false")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = envint("HSTS_SECONDS", "86400" if SECURE_COOKIES else "0", minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("HSTS_PRELOAD", "false")
# Binding every subdomain to HTTPS, or asking to be preloaded into browsers, is the operator's
# decision about the whole domain (HSTS_INCLUDE_SUBDOMAINS, HSTS_PRELOAD), not a warning to fix.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Django sets its own loggers to INFO, so without this LOG_LEVEL=ERROR would still write a
    # "Not Found" line for every 404 (a scan of the site then costs a write per request).
    "loggers": {"django": {"level": os.environ.get("LOG_LEVEL", "WARNING")}},
}
