from django.apps import AppConfig


class WebConfig(AppConfig):
    """The site's pages that combine the domain: home, archive, the statement page, coalition
    and organization pages, my account, the demo."""

    name = "undersigned.web"
    verbose_name = "Web"
