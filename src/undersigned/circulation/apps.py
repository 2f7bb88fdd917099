from django.apps import AppConfig


class CirculationConfig(AppConfig):
    """What carries a statement elsewhere: the PDF, share cards, feeds, the sitemap, the embed
    and oEmbed, and the co-signature network."""

    name = "undersigned.circulation"
    verbose_name = "Circulation"

    def ready(self) -> None:
        # The export command (in transfer, below) writes PDFs through this app's renderer: at
        # once, under the limits of the worker's renders; a refusal is an ActionError.
        from undersigned.circulation.pdf import PAGE_SIZES
        from undersigned.circulation.pdf_jobs import make_pdf
        from undersigned.transfer.exporting import register_pdf

        def render(statement, language: str | None, size: str) -> bytes:
            return make_pdf(statement, language or statement.original_language, size)

        register_pdf(render, sorted(PAGE_SIZES))
