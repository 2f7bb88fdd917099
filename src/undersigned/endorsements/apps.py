from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EndorsementsConfig(AppConfig):
    name = "undersigned.endorsements"
    verbose_name = _("Endorsements")

    def ready(self) -> None:
        from undersigned.audit import checks
        from undersigned.endorsements.trail import endorsements_agree_with_the_trail

        checks.register(endorsements_agree_with_the_trail)
