from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

# Pages people read; not files, feeds for scripts, or the admin.
_NOT_PAGES = ("/static/", "/admin/", "/healthz", "/i18n/", "/e/")
BUSY_RETRY_AFTER = 5  # seconds


def urlconf_by_path_prefix(get_response: Callable) -> Callable:
    """Resolve requests under a prefix in their own URLconf (settings.URLCONF_BY_PATH_PREFIX):
    what only those requests need is imported when the first of them comes."""
    prefixes = tuple(settings.URLCONF_BY_PATH_PREFIX.items())

    def middleware(request: HttpRequest) -> HttpResponse:
        for prefix, urlconf in prefixes:
            if request.path_info.startswith(prefix):
                request.urlconf = urlconf
                break
        return get_response(request)

    return middleware


def preferred_language_redirect(get_response: Callable) -> Callable:
    """Send a first visit to an English (unprefixed) page to the visitor's language.

    English pages carry no prefix, so LocaleMiddleware alone would show English to everyone who
    has not chosen; this follows the language cookie, else Accept-Language, on GET requests.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and not request.path.startswith(_NOT_PAGES):
            from_path = translation.get_language_from_path(request.path_info)
            wanted = translation.get_language_from_request(request, check_path=False)
            if from_path is None and wanted != settings.LANGUAGE_CODE:
                target = translate_url(request.get_full_path(), wanted)
                # "//evil.example/" is a path to us but a host to a browser: only a target that
                # stays on this site is a redirect we make.
                if target != request.get_full_path() and url_has_allowed_host_and_scheme(
                    target, allowed_hosts=None
                ):
                    response = HttpResponseRedirect(target)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        return get_response(request)

    return middleware


def is_busy_database(error: BaseException) -> bool:
    """SQLite's answer when another writer held the lock past the busy timeout."""
    text = str(error).lower()
    return isinstance(error, OperationalError) and ("locked" in text or "busy" in text)


class BusyDatabaseMiddleware:
    """A write that waited its bounded time for the database answers 503 with Retry-After, a
    clear "try again", instead of a 500. Nothing was written: the transaction rolled back."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return self.busy_response() if is_busy_database(exception) else None

    @staticmethod
    def busy_response() -> HttpResponse:
        response = HttpResponse(
            render_to_string("503.html", {"LANGUAGE_CODE": translation.get_language()}),
            status=503,
        )
        response["Retry-After"] = str(BUSY_RETRY_AFTER)
        add_never_cache_headers(response)
        return response
