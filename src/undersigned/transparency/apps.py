from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    """Each statement's transparency log of organization signatures and versions: entries,
    signed checkpoints, inclusion and consistency proofs. Imports no app, like the audit trail."""

    name = "undersigned.transparency"
    verbose_name = "Transparency log"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.checks import register

        from undersigned.transparency.keys import check_earlier_keys

        register(check_earlier_keys)
