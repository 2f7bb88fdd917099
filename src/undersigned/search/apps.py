from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search over statements, organizations and coalitions, with its full-text index."""

    name = "undersigned.search"
    verbose_name = "Search"
