from django.apps import AppConfig


class WebConfig(AppConfig):
    """The site on top of the domain: pages, search, circulation, the demo."""

    name = "undersigned.web"
    verbose_name = "Web"

    def ready(self) -> None:
        # The export command (in transfer, below) writes PDFs through the site's renderer.
        from undersigned.transfer.exporting import register_pdf
        from undersigned.web.pdf import PAGE_SIZES, statement_pdf

        register_pdf(statement_pdf, sorted(PAGE_SIZES))
