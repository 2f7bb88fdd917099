from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A personal API token (see accounts.tokens): only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("begins with"), max_length=12)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Notices(models.TextChoices):
    """How a coordinator hears of signatures, withdrawals and requests to sign."""

    IMMEDIATE = "immediate", _("A mail for each")
    DAILY = "daily", _("One summary a day")
    NONE = "none", _("No mail")


class Profile(models.Model):
    """What a person chose for themselves: the language their mail is written in, and how they
    hear of their coalitions' signatures. Made on first need (see accounts.languages)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # Empty until known: then taken from the page on which the person accepted an invitation.
    language = models.CharField(_("language of my mail"), max_length=10, blank=True)
    notices = models.CharField(
        _("news of my coalitions' statements"),
        max_length=10,
        choices=Notices,
        default=Notices.DAILY,
    )
    # The newest audit event a daily summary has told this person of.
    digest_event_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
