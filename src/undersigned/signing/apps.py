from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "undersigned.signing"
    verbose_name = _("Signing")

    def ready(self) -> None:
        from undersigned.audit import checks
        from undersigned.signing.actions import ask_signers_to_reconfirm
        from undersigned.signing.log import signatures_agree_with_the_log
        from undersigned.signing.trail import signatures_agree_with_the_trail
        from undersigned.statements.signals import text_version_created

        def reconfirm(sender, *, statement, previous, text, **kwargs) -> None:
            ask_signers_to_reconfirm(statement=statement, previous=previous, text=text)

        text_version_created.connect(reconfirm, weak=False, dispatch_uid="signing-reconfirm")
        checks.register(signatures_agree_with_the_trail)
        checks.register(signatures_agree_with_the_log)

        from undersigned.coalitions.signals import domain_proof_changed
        from undersigned.signing.selectors import refresh_lists_of

        def refresh(sender, *, organization, **kwargs) -> None:
            refresh_lists_of(organization)

        domain_proof_changed.connect(refresh, weak=False, dispatch_uid="signing-domain-proofs")

        from undersigned.coalitions.signals import organization_saved
        from undersigned.signing.log import log_organization_details

        def log_details(sender, *, organization, **kwargs) -> None:
            log_organization_details(organization)

        organization_saved.connect(log_details, weak=False, dispatch_uid="signing-log-details")
