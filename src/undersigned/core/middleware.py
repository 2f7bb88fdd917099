from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Pages people read; not files, feeds for scripts, or the admin.
_NOT_PAGES = ("/static/", "/admin/", "/healthz", "/i18n/", "/e/")


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
                if target != request.get_full_path():
                    response = HttpResponseRedirect(target)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        return get_response(request)

    return middleware
