from django.apps import AppConfig


class WebConfig(AppConfig):
    """The site on top of the domain: pages, search, import and export, the demo."""

    name = "undersigned.web"
    verbose_name = "Web"
