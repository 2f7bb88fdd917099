import sys

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from undersigned.core.middleware import BusyDatabaseMiddleware, is_busy_database


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 page, except for a database busy past its timeout outside a view (saving the
    session, say): that is a 503 to retry, as BusyDatabaseMiddleware answers inside views."""
    error = sys.exc_info()[1]
    if error is not None and is_busy_database(error):
        return BusyDatabaseMiddleware.busy_response()
    return defaults.server_error(request)
