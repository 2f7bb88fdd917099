"""The JSON API, version 1, at /api/v1/ (documented at /api/v1/docs, described by
/api/v1/openapi.json).

Reading is public, as the pages are. Writing needs a personal API token (made on "My account")
and goes through the same actions as the pages: each checks the permission rules of
coalitions.permissions for the token's owner, writes in one transaction and records its audit
event. Nothing here writes a model itself. Lists come in numbered pages (`page`, `page_size` up
to 100). Errors are JSON: `{"detail": "a sentence"}`, with `errors` by field for invalid input
(422).
"""

from django.http import HttpRequest
from django.urls import URLPattern
from ninja import NinjaAPI

from undersigned.api import (  # noqa: F401 - they register operations
    bulk,
    errors,
    reading,
    sign_ons,
    writing,
)
from undersigned.api import schemas as s
from undersigned.api.auth import RateLimit
from undersigned.api.docs import LocalSwagger
from undersigned.api.router import router


class Api(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # The function's name (`list_statements`), whatever module it lives in.
        return operation.view_func.__name__

    @property
    def urls(self):
        # A method an address does not answer gets JSON too (django-ninja answers it in text).
        patterns, app_name, namespace = super().urls
        patterns = [
            URLPattern(p.pattern, errors.json_not_allowed(p.callback), p.default_args, p.name)
            for p in patterns
        ]
        return patterns, app_name, namespace


api = Api(
    title="undersigned API",
    version="1",
    description=__doc__,
    urls_namespace="api-v1",
    throttle=[RateLimit()],
    docs=LocalSwagger(),
)
errors.install(api)


@api.get("/", response={200: s.Index, **errors.ERRORS}, tags=["index"])
def index(request: HttpRequest):
    """Where to read about the API, and where its lists start."""
    return {
        "docs": s.absolute("/api/v1/docs"),
        "openapi": s.absolute("/api/v1/openapi.json"),
        "statements": s.absolute("/api/v1/statements"),
    }


api.add_router("/", router)
