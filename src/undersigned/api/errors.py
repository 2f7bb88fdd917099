"""Every answer under /api/ is JSON, whatever went wrong: `{"detail": "a sentence"}`, and for
invalid input (422) `errors` by field, keyed by the field's name as sent (`title`, `page`).

Status codes: 401 no valid token, 403 not allowed, 404 no such thing (or not yours to see),
409 allowed but not possible now (the statement is closed, the organization signed already),
413 too large, 422 invalid input, 429 too many requests, 503 the database is busy: try again
(after Retry-After seconds).
"""

import sys
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from undersigned.api import schemas as s
from undersigned.core.errors import ActionError, too_large_message
from undersigned.core.middleware import BUSY_RETRY_AFTER, is_busy_database

ERRORS = {400: s.Error, 401: s.Error, 403: s.Error, 404: s.Error, 422: s.InvalidInput, 429: s.Error}
WRITE_ERRORS = {**ERRORS, 409: s.Error, 413: s.Error}


class InvalidInput(Exception):
    """Input that a form or a lookup refused, as messages by field."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors


def field_name(location: tuple) -> str:
    """("body", "data", "title") and ("query", "page") are `title` and `page`: the name the
    client sent, never the name of our function's parameter."""
    where, *path = location or ("request",)
    if where == "body":
        path = path[1:] or ["body"]  # the parameter that holds the body is ours, not theirs
    return ".".join(str(p) for p in path) or where


def _docs() -> str:
    return settings.SITE_URL.rstrip("/") + "/api/v1/docs"


def install(api: NinjaAPI) -> None:
    """Answer each failure as JSON with a sentence for a person."""

    def respond(request: HttpRequest, detail: str, status: int, **extra):
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    def invalid(request: HttpRequest, errors: dict[str, list[str]]):
        fields = ", ".join(sorted(errors))
        message = _("Some of what you sent is not valid: %(fields)s.") % {"fields": fields}
        return respond(request, message, 422, errors=errors)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, _("Not found."), 404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, _("You may not do this."), 403)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        return respond(
            request, _("Send a valid personal API token: Authorization: Bearer us_…"), 401
        )

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return respond(request, _("Too many requests this hour. Try again later."), 429)

    @api.exception_handler(ActionError)
    def refused(request, exc):
        return respond(request, exc.message, 409)

    @api.exception_handler(HttpError)
    def unreadable(request, exc):
        # django-ninja's one HttpError is a body it cannot parse: say it in the reader's words.
        if exc.status_code == 400:
            return respond(request, _("Send the request's body as a JSON object."), 400)
        return respond(request, exc.message, exc.status_code)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return respond(request, too_large_message(), 413)  # the sentence the site's page shows

    @api.exception_handler(OperationalError)
    def busy(request, exc):
        if not is_busy_database(exc):
            raise exc
        return _busy()

    @api.exception_handler(ValidationError)
    def invalid_schema(request, exc):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(field_name(tuple(error.get("loc", ()))), []).append(
                str(error.get("msg", ""))
            )
        return invalid(request, errors)

    @api.exception_handler(InvalidInput)
    def invalid_form(request, exc):
        return invalid(request, exc.errors)


# What Django answers for requests under /api/ that never reach an operation (urls.api).


def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    message = _("There is nothing at this address. The API is described at %(docs)s.")
    return JsonResponse({"detail": message % {"docs": _docs()}}, status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": too_large_message()}, status=413)
    return JsonResponse({"detail": _("The request could not be read.")}, status=400)


def json_not_allowed(view: Callable) -> Callable:
    """The view, with its 405 answer (a method the address does not answer) as JSON."""

    @wraps(view)  # keeps csrf_exempt and the rest of what django-ninja set on it
    def wrapped(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        message = _("This address does not answer %(method)s; it answers %(allowed)s.") % {
            "method": request.method,
            "allowed": response["Allow"],
        }
        answer = JsonResponse({"detail": message}, status=405)
        answer["Allow"] = response["Allow"]
        return answer

    return wrapped


def _busy() -> JsonResponse:
    message = _("The database is busy. Nothing was saved; try again in a few seconds.")
    response = JsonResponse({"detail": message}, status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER)
    return response


def server_error(request: HttpRequest) -> JsonResponse:
    error = sys.exc_info()[1]
    if error is not None and is_busy_database(error):
        return _busy()
    message = _("Something went wrong on our side. Try again later.")
    return JsonResponse({"detail": message}, status=500)
