"""The API's documentation page: Swagger UI from our own static files, within our CSP.

django-ninja renders its CDN template unless it is an installed app; it is not one (processes
that serve no API never import it), so this page renders our template with the assets that
settings.STATICFILES_DIRS takes from django-ninja's package. No inline script: the settings
travel as a JSON data block that django-ninja's init file reads.
"""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        # "</" cannot end the data block early; a JSON string may spell it "<\/".
        data = json.dumps(settings).replace("</", "<\\/")
        return render(request, "api/docs.html", {"swagger_settings": data, "api": api})
