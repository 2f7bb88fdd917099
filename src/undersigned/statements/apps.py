from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "undersigned.statements"
    verbose_name = _("Statements")

    def ready(self) -> None:
        from undersigned.audit import checks
        from undersigned.statements.trail import statements_agree_with_the_trail

        checks.register(statements_agree_with_the_trail)
