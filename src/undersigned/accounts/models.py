from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition, Organization


class CoalitionRole(models.Model):
    """A person's role in a coalition: coordinator, or translator for one language."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        TRANSLATOR = "translator", _("Translator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coalition_roles"
    )
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=20, choices=Kind)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("For translators only.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("coalition role")
        verbose_name_plural = _("coalition roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "coalition", "kind", "language"], name="unique_coalition_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} {self.coalition} {self.language}".strip()


class Delegate(models.Model):
    """A person allowed to sign for an organization. One person may represent several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="delegates"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="unique_delegate")
        ]

    def __str__(self) -> str:
        return f"{self.user} for {self.organization}"


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
