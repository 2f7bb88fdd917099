import sys

from django.core.exceptions import RequestDataTooBig
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

from undersigned.core.errors import too_large_message
from undersigned.core.middleware import BusyDatabaseMiddleware, is_busy_database
from undersigned.core.pagecache import is_personal

# The 404 page of each language, as anonymous visitors see it. Scanners ask for thousands of
# addresses that do not exist (/wp-login.php, /.env …); rendering the site template for each
# cost more than twice a trivial answer.
_not_found_pages: dict[str, bytes] = {}


@receiver(setting_changed)
def _forget_not_found_pages(**kwargs) -> None:
    _not_found_pages.clear()  # a test changed what the page shows (the site name, static files)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404, rendered once per language for visitors who are not logged in: 404.html
    shows nothing of the address asked for."""
    if is_personal(request):
        return defaults.page_not_found(request, exception)
    language = translation.get_language()
    if (page := _not_found_pages.get(language)) is None:
        page = render_to_string("404.html", request=request).encode()
        _not_found_pages[language] = page
    return HttpResponseNotFound(page)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 page, except for a database busy past its timeout outside a view (saving the
    session, say): that is a 503 to retry, as BusyDatabaseMiddleware answers inside views."""
    error = sys.exc_info()[1]
    if error is not None and is_busy_database(error):
        return BusyDatabaseMiddleware.busy_response()
    return defaults.server_error(request)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's bare 400, except for a body over DATA_UPLOAD_MAX_MEMORY_SIZE (an 11 MB text
    pasted into the import page; the CSRF check reads the body before any view): a 413 page in
    the site's layout that names the limit and what to do."""
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", {"message": too_large_message()}, status=413)
    return defaults.bad_request(request, exception)
