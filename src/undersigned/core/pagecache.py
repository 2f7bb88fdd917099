"""Whole-page caching for people who are not logged in.

When a statement goes viral nearly every request is an anonymous GET of the same page. Such a
page carries nothing personal (no CSRF token: the forms on it are exempt, see endorsements.views
and urls.py), so one rendering can serve everyone for a few seconds.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

_PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Seconds a shared cache may serve a page past its s-maxage while it fetches a fresh one: during
# a surge, readers never wait for the app.
STALE_WHILE_REVALIDATE = 30


def _etag(content: bytes) -> str:
    return f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'


def _matches(request: HttpRequest, etag: str) -> bool:
    """If-None-Match names this version (or *): the client's copy is current."""
    header = request.headers.get("If-None-Match", "")
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return etag in tags or "*" in tags


def _unpack(hit: tuple) -> tuple[bytes, str, str]:
    if len(hit) == 2:  # stored before ETags, by a server of the previous release
        content, content_type = hit
        return content, content_type, _etag(content)
    return hit


def cache_public_page(seconds: int, version: Callable | None = None) -> Callable:
    """Cache a view's page for anonymous GETs. `version(request, *args, **kwargs)`, when given,
    is part of the key: a cheap read (a timestamp) that changes when the page must."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "GET" or any(c in request.COOKIES for c in _PERSONAL_COOKIES):
                return view(request, *args, **kwargs)
            key = f"page:{request.LANGUAGE_CODE}:{request.get_full_path()}"
            if version is not None:
                key += f":{version(request, *args, **kwargs)}"
            if (hit := cache.get(key)) is not None:
                content, content_type, etag = _unpack(hit)
                if _matches(request, etag):
                    response = HttpResponseNotModified()
                else:
                    response = HttpResponse(content, content_type=content_type)
            else:
                response = view(request, *args, **kwargs)
                if (
                    response.status_code != 200
                    or response.cookies
                    or response.streaming
                    # The page holds a CSRF token (get_token() was called): it is personal.
                    or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                ):
                    return response
                etag = _etag(response.content)
                cache.set(key, (response.content, response["Content-Type"], etag), seconds)
                if _matches(request, etag):
                    response = HttpResponseNotModified()
            response["ETag"] = etag
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
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
