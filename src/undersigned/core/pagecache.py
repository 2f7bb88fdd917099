"""Whole-page caching for people who are not logged in.

When a statement goes viral nearly every request is an anonymous GET of the same page. Such a
page carries nothing personal (no CSRF token: the forms on it are checked by origin instead, see
endorsements.views), so one rendering can serve everyone for a few seconds.

The key holds only the query parameters the page reads, each limited to the values it accepts:
`?utm_source=…`, `?fbclid=…` and the like must neither make an entry each (133,000 of them once
slowed every write of the cache) nor end up in the page that others are served.
"""

import gzip
import hashlib
import time
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from undersigned.core import never_found

_PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def is_personal(request: HttpRequest) -> bool:
    """Whether the request carries a session or pending messages: its page may show who it is
    (and its messages), so it is never one shared rendering."""
    return any(name in request.COOKIES for name in _PERSONAL_COOKIES)


# Seconds a shared cache may serve a page past its s-maxage while it fetches a fresh one: during
# a surge, readers never wait for the app.
STALE_WHILE_REVALIDATE = 30
MAX_PARAM_LENGTH = 20
# How long a page version is trusted without asking the database. Writers replace it when they
# commit; this only bounds how long a version missed by a writer that died after its commit
# (before it could say so) keeps an older page in use.
VERSION_SECONDS = 60


class _PageNumbers:
    """The values of ?page= a cached page accepts: 1 to 9999, so that ?page=<anything> cannot
    make an entry each."""

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and value.isdigit() and 0 < len(value) <= 4


PAGE_NUMBERS = _PageNumbers()


def _canonical_query(request: HttpRequest, params: Mapping[str, Collection[str] | None]) -> str:
    """The query string of the parameters the page reads, in a fixed order; a value the page
    does not accept counts as absent (it shows its default then)."""
    kept = []
    for name in sorted(params):
        value = request.GET.get(name)
        allowed = params[name]
        if value is None or (allowed is not None and value not in allowed):
            continue
        kept.append((name, value[:MAX_PARAM_LENGTH]))
    return urlencode(kept)


def _etag(content: bytes) -> str:
    return f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'


def _matches(request: HttpRequest, etag: str) -> bool:
    """If-None-Match names this version (or *): the client's copy is current."""
    header = request.headers.get("If-None-Match", "")
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return etag in tags or "*" in tags


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


# The last few pages unpacked, for clients that take no gzip: a hot page is unpacked once per
# process and version, not on every request (a 300 KB page costs ~1 ms to unpack).
_UNPACKED_KEPT = 8
_unpacked_pages: dict[str, bytes] = {}


def _unpacked(compressed: bytes, etag: str) -> bytes:
    if (content := _unpacked_pages.get(etag)) is None:
        content = gzip.decompress(compressed)
        if len(_unpacked_pages) >= _UNPACKED_KEPT:
            del _unpacked_pages[next(iter(_unpacked_pages))]  # the oldest
        _unpacked_pages[etag] = content
    return content


def _answer(
    request: HttpRequest, entry: tuple[bytes, str, str], response: HttpResponse | None = None
) -> HttpResponse:
    """The stored page as this client takes it: gzipped as stored when it accepts that (nginx
    and browsers do), unpacked otherwise; 304 when its copy is current. Each form has its own
    ETag, as HTTP wants of two different bodies. `response` is the view's own, when it has just
    made the page: its headers are kept."""
    compressed, content_type, etag = entry
    gzipped = _accepts_gzip(request)
    if gzipped:
        etag = etag[:-1] + '-gz"'
    if _matches(request, etag):
        response = HttpResponseNotModified()
    elif gzipped:
        response = response or HttpResponse(content_type=content_type)
        response.content = compressed
        response["Content-Encoding"] = "gzip"
    elif response is None:
        response = HttpResponse(_unpacked(compressed, etag), content_type=content_type)
    response["ETag"] = etag
    return response


# The versions a cached page's key was made of, as page_version read them (key, value): the
# front entry (FrontPageCache) checks them again before it answers.
_versions_read: ContextVar[list[tuple[str, str]] | None] = ContextVar("versions_read", default=None)


def _version_key(name: str) -> str:
    return f"version:{name}"


def page_version(name: str, load: Callable[[], str]) -> str:
    """The version of what the pages named `name` show, from the cache: a cached page then
    costs no database query. `load()` reads it from the database when the cache has none."""
    key = _version_key(name)
    value = cache.get(key)
    if value is None:
        value = load()
        # add, not set: a writer that committed meanwhile has set the newer version already.
        cache.add(key, value, VERSION_SECONDS)
    if (read := _versions_read.get()) is not None:
        read.append((key, value))
    return value


def kept_for_version(
    name: str, load_version: Callable[[], str], what: str, load: Callable[[], object]
) -> object:
    """`load()`, kept in the cache for as long as the version of `name` holds (page_version):
    the version and the value come in one cache round trip."""
    version_key, value_key = _version_key(name), f"kept:{what}:{name}"
    found = cache.get_many([version_key, value_key])
    if (version := found.get(version_key)) is None:
        version = load_version()
        cache.add(version_key, version, VERSION_SECONDS)
    kept = found.get(value_key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = load()
    cache.set(value_key, (version, value), VERSION_SECONDS)
    return value


def bump_page_version(name: str, value: str) -> None:
    """Pages named `name` change to `value` once the current transaction commits.

    The old version goes now, so that a reader in the same transaction (or a test) loads the new
    one; a reader elsewhere loads the old one from the database until the commit, and the commit
    then overwrites it with the new one."""
    key = _version_key(name)
    cache.delete(key)
    transaction.on_commit(lambda: cache.set(key, value, VERSION_SECONDS))


# How long one worker may take to make a page while the others hand out the last one made.
MAKING_SECONDS = 10


def _entry_or_last(key: str, base: str) -> tuple[tuple | None, bool, bool]:
    """(entry, stale, making). The entry for this version of the page; else, when another
    worker is making it, the last one made (stale); else nothing, and this worker is the one
    making it (making: it holds the mark). A page whose entry expired or whose version changed
    is so made once, not by every worker at once (seen: p99 of 1-3 s on the statement page
    under load, every few seconds, while all workers rendered it together)."""
    if (entry := cache.get(key)) is not None:
        return entry, False, False
    if cache.add(f"making:{base}", 1, MAKING_SECONDS):
        return None, False, True
    last = cache.get(f"last:{base}")
    return last, last is not None, False


def cache_public_page(
    seconds: int,
    version: Callable | None = None,
    params: Mapping[str, Collection[str] | None] | None = None,
) -> Callable:
    """Cache a view's page for anonymous GETs. `version(request, *args, **kwargs)`, when given,
    is part of the key: a cheap read (a timestamp) that changes when the page must. `params`
    names the query parameters the view reads, each with the values it accepts (None: any value
    of up to MAX_PARAM_LENGTH characters); the view sees no others."""
    params = params or {}

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "GET" or is_personal(request):
                return view(request, *args, **kwargs)
            bare_address = not request.META.get("QUERY_STRING")
            query = _canonical_query(request, params)
            # The page is made from the canonical address only, so what it shows (links that
            # keep the query, say) is the same for everyone the entry serves.
            request.GET = QueryDict(query)
            request.META["QUERY_STRING"] = query
            key = base = f"page:{request.LANGUAGE_CODE}:{request.path}?{query}"
            versions: list[tuple[str, str]] = []
            if version is not None:
                token = _versions_read.set(versions)
                try:
                    key += f":{version(request, *args, **kwargs)}"
                finally:
                    _versions_read.reset(token)
            entry, stale, making = _entry_or_last(key, base)
            if entry is None:
                try:
                    response = view(request, *args, **kwargs)
                    if (
                        response.status_code != 200
                        or response.cookies
                        or response.streaming
                        # The page holds a CSRF token (get_token() was called): it is personal.
                        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                    ):
                        return response
                    # Kept gzipped: a tenth of the bytes to store, read and send.
                    entry = (
                        gzip.compress(response.content, compresslevel=6, mtime=0),
                        response["Content-Type"],
                        _etag(response.content),
                    )
                    cache.set(key, entry, seconds)
                    cache.set(f"last:{base}", entry, seconds + STALE_WHILE_REVALIDATE)
                finally:
                    if making:
                        cache.delete(f"making:{base}")
                response = _answer(request, entry, response)
            else:
                response = _answer(request, entry)
            if bare_address and not stale:
                response.front_entry = (tuple(versions), key, seconds)
            patch_vary_headers(response, ("Cookie", "Accept-Language", "Accept-Encoding"))
            # Shared caches (nginx, a CDN) may keep it as long as we do and hand out the stale
            # copy while they fetch a new one; browsers ask again each time (a 304 when nothing
            # changed), so that people see a new signature as soon as the server does.
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=seconds,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
            )
            return response

        return wrapped

    return decorator


# Headers the front entry does not keep: they depend on the request (how the body is sent) or
# are set again on the way out.
_NOT_KEPT_FRONT = frozenset(
    ("content-encoding", "content-length", "content-type", "etag", "set-cookie", "date")
)


# The front entries of this process, by address: (until, versions, page key, headers). Only
# this process reads them (another makes its own on its first whole-way answer), so they live
# here and a hit costs one cache round trip (the versions and the page), not two. Any other
# address (a 404, a page nobody cached) costs none. Bounded by the site's pages, not by what
# visitors type: only a cached 200 of a page's bare address enters.
_FRONT_PATHS_KEPT = 10_000
_front_entries: dict[str, tuple[float, tuple, str, list[tuple[str, str]]]] = {}


class FrontPageCache:
    """Answers a cached public page before the rest of the middleware runs.

    When a statement goes viral nearly every request is the same anonymous GET of its bare
    address. cache_public_page already answers it from the cache, but only after sessions,
    language, CSRF, authentication, messages and URL resolution have run for it: most of the
    cost of such a request. This middleware, high in the stack, keeps the final answer (body
    and every header the middleware below added) under the address, with the page versions
    its key was made of, and gives it to the next anonymous GET of that address as long as
    those versions hold. Anything else (a session or messages cookie, a query string, a
    language to redirect to, a changed version, HEAD, POST) takes the whole way as before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        eligible = self._eligible(request)
        answer = self._answer(request) if eligible and request.path in _front_entries else None
        if answer is not None:
            return answer
        if eligible and (language := never_found.never_found_language(request)):
            if (answer := never_found.answer(language)) is not None:
                return answer
            response = self.get_response(request)
            never_found.keep(language, response)
            return response
        response = self.get_response(request)
        front = getattr(response, "front_entry", None)
        if eligible and front is not None and response.status_code in (200, 304):
            versions, page_key, seconds = front
            # A 304 has no Content-Type; the page entry keeps its own (_answer sets it).
            headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_KEPT_FRONT]
            # The body stays in the page's own entry: the front entry names it.
            if len(_front_entries) >= _FRONT_PATHS_KEPT:
                _front_entries.clear()
            until = time.monotonic() + seconds
            _front_entries[request.path] = (until, versions, page_key, headers)
        return response

    @staticmethod
    def _eligible(request: HttpRequest) -> bool:
        if request.method != "GET" or request.META.get("QUERY_STRING") or is_personal(request):
            return False
        # The language the page is in: its address's prefix, else the default one for those
        # who want it; others are redirected to their language below (preferred_language_redirect).
        if translation.get_language_from_path(request.path_info) is not None:
            return True
        wanted = translation.get_language_from_request(request, check_path=False)
        return wanted == settings.LANGUAGE_CODE

    @staticmethod
    def _answer(request: HttpRequest) -> HttpResponse | None:
        found = _front_entries.get(request.path)  # another thread may have dropped it
        if found is None:
            return None
        until, versions, page_key, headers = found
        if time.monotonic() > until:
            _front_entries.pop(request.path, None)
            return None
        current = cache.get_many([*(key for key, _ in versions), page_key])
        if any(current.get(key) != value for key, value in versions):
            return None  # changed since: the page is made again below
        if (entry := current.get(page_key)) is None:
            return None  # the page's entry expired or was evicted
        response = _answer(request, entry)
        for name, value in headers:
            response[name] = value
        if response.status_code == 200:
            response["Content-Length"] = str(len(response.content))
        return response
