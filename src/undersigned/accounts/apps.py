from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "undersigned.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        # Membership's actions (below us) mail people in their own language: tell them where
        # it is kept.
        from undersigned.accounts import languages
        from undersigned.coalitions import languages as registry

        registry.register(read=languages.languages_of, remember=languages.remember_first_language)
