"""Whole-page caching for people who are not logged in.

When a statement goes viral nearly every request is an anonymous GET of the same page. Such a
page carries nothing personal (no CSRF token: the forms on it are exempt, see endorsements.views
and urls.py), so one rendering can serve everyone for a few seconds.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

_PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


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
                content, content_type = hit
                response = HttpResponse(content, content_type=content_type)
            else:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.cookies or response.streaming:
                    return response
                cache.set(key, (response.content, response["Content-Type"]), seconds)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            # Shared caches (a CDN) may keep it as long as we do; browsers ask again each time,
            # so that people see a new signature as soon as the server does.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            return response

        return wrapped

    return decorator
