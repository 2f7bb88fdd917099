"""The addresses of requests under /api/: the JSON API's, then the site's (for the links the
API gives). Whatever goes wrong under /api/ outside an operation (no such address, a body too
large to read, a server error) answers JSON too."""

from django.urls import path

from undersigned.api.api import api
from undersigned.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/v1/", api.urls), *site_urlpatterns]

handler400 = "undersigned.api.errors.bad_request"
handler404 = "undersigned.api.errors.not_found"
handler500 = "undersigned.api.errors.server_error"
