from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Moving statements in and out: parse, import with its review, export, their commands.
    It has no models (hence no translated name: nothing shows it)."""

    name = "undersigned.transfer"
    verbose_name = "Transfer"
