from django.apps import AppConfig


class CirculationConfig(AppConfig):
    """What carries a statement elsewhere: the PDF, share cards, feeds, the sitemap, the embed
    and oEmbed, and the co-signature network."""

    name = "undersigned.circulation"
    verbose_name = "Circulation"
