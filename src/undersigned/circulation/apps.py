from django.apps import AppConfig


class CirculationConfig(AppConfig):
    """What carries a statement elsewhere: the PDF, share cards, feeds, the sitemap, the embed
    and oEmbed, and the co-signature network."""

    name = "undersigned.circulation"
    verbose_name = "Circulation"

    def ready(self) -> None:
        # The export command (in transfer, below) writes PDFs through this app's renderer.
        from undersigned.circulation.pdf import PAGE_SIZES, statement_pdf
        from undersigned.transfer.exporting import register_pdf

        register_pdf(statement_pdf, sorted(PAGE_SIZES))
