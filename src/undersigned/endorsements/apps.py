from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EndorsementsConfig(AppConfig):
    name = "undersigned.endorsements"
    verbose_name = _("Endorsements")
