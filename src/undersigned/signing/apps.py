from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "undersigned.signing"
    verbose_name = _("Signing")

    def ready(self) -> None:
        from undersigned.signing.actions import ask_signers_to_reconfirm
        from undersigned.statements.signals import text_version_created

        def reconfirm(sender, *, statement, previous, text, **kwargs) -> None:
            ask_signers_to_reconfirm(statement=statement, previous=previous, text=text)

        text_version_created.connect(reconfirm, weak=False, dispatch_uid="signing-reconfirm")

        from django.db.models.signals import post_save

        from undersigned.audit.models import Event
        from undersigned.signing.notices import tell_coordinators_now

        def notice(sender, *, instance, created, **kwargs) -> None:
            if created:
                tell_coordinators_now(instance)

        # The trail hears of every signature and request to sign, whichever app records it.
        post_save.connect(notice, sender=Event, weak=False, dispatch_uid="signing-notices")
