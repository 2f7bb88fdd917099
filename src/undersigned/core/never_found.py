"""The 404 of an address that no URL of the site can start with, answered before the middleware.

Scanners ask every site for /wp-login.php, /.env, /xmlrpc.php … thousands of times a day. Such
an address fails on its first segment, whatever the database holds: no statement, coalition or
account can ever live there. FrontPageCache gives these requests the answer the whole stack gave
the last one of them (per language, for a minute), instead of running sessions, language, CSRF,
authentication and URL resolution for each.
"""

import time
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import LocalePrefixPattern, URLResolver, get_resolver
from django.utils import translation

# How long one captured answer is given out: a changed template or setting shows within it.
KEEP_SECONDS = 60
# Headers set anew for each answer.
_NOT_KEPT = frozenset(("content-length", "date", "set-cookie"))

_answers: dict[str, tuple[float, bytes, list[tuple[str, str]]]] = {}


@cache
def _first_segments() -> frozenset[str] | None:
    """Every first segment a URL of the site can have; None when a pattern could match any."""
    segments: set[str] = set()

    def walk(patterns) -> bool:
        for pattern in patterns:
            locale_prefixed = isinstance(pattern, URLResolver) and isinstance(
                pattern.pattern, LocalePrefixPattern
            )
            if locale_prefixed:
                if not walk(pattern.url_patterns):
                    return False
                continue
            route = getattr(pattern.pattern, "_route", None)
            if route is None:  # a regular expression: it could match anything
                return False
            first = route.split("/", 1)[0]
            if "<" in first:
                return False
            segments.add(first)
        return True

    if not walk(get_resolver().url_patterns):
        return None
    for prefix in (*settings.URLCONF_BY_PATH_PREFIX, settings.STATIC_URL, settings.MEDIA_URL):
        if prefix and prefix.startswith("/"):
            segments.add(prefix.strip("/").split("/", 1)[0])
    return frozenset(segments)


def _language_and_segment(path: str) -> tuple[str, str]:
    parts = path.lstrip("/").split("/", 2)
    language = translation.get_language_from_path(path)
    if language is not None:
        return language, parts[1] if len(parts) > 1 else ""
    return settings.LANGUAGE_CODE, parts[0]


def never_found_language(request: HttpRequest) -> str | None:
    """The language of the 404 this address always gets, or None if some URL could match it."""
    known = _first_segments()
    if known is None:
        return None
    language, segment = _language_and_segment(request.path_info)
    if segment in known or segment == "":
        return None
    return language


def answer(language: str) -> HttpResponse | None:
    found = _answers.get(language)
    if found is None or time.monotonic() - found[0] > KEEP_SECONDS:
        return None
    _, content, headers = found
    response = HttpResponse(content, status=404)
    for name, value in headers:
        response[name] = value
    return response


def keep(language: str, response: HttpResponse) -> None:
    """Keep the whole stack's answer for the next such address, when it is one to share."""
    if response.status_code != 404 or response.streaming or response.cookies:
        return
    headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_KEPT]
    _answers[language] = (time.monotonic(), response.content, headers)


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    _answers.clear()
    _first_segments.cache_clear()
