"""The addresses of requests under /api/: the JSON API's, then the site's (for the links the
API gives)."""

from django.urls import path

from undersigned.api.api import api
from undersigned.urls import handler404, handler500
from undersigned.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/v1/", api.urls), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
