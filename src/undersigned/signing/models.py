from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Organization
from undersigned.statements.models import Statement, Text


class Method(models.TextChoices):
    IMPORTED = "imported", _("Imported from a published list")
    DELEGATE = "delegate", _("Signed by a delegate")
    RECORDED = "recorded", _("Recorded by a coordinator")
    SIGN_ON = "sign-on", _("Asked to sign; approved by the coordination")
    EMAIL = "email", _("Signed by e-mail, DKIM-verified")


class SignatureQuerySet(models.QuerySet):
    def active(self) -> "SignatureQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def in_signing_order(self) -> "SignatureQuerySet":
        # The id breaks ties: an imported list shares one date and keeps its published order.
        return self.order_by("signed_at", "id")


class Signature(models.Model):
    """An organization's signature under a statement: one per organization and statement."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("statement")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("organization"),
    )
    text = models.ForeignKey(
        Text,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("version signed"),
    )
    signed_at = models.DateTimeField(_("signed"))
    method = models.CharField(_("how it was given"), max_length=20, choices=Method)
    evidence = models.TextField(_("evidence"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    # True when the coalition's coordination removed the signature, not the organization itself;
    # the public list says so.
    removed_by_coordination = models.BooleanField(_("removed by the coordination"), default=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["statement", "signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "organization"], name="one_signature_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} under {self.statement.slug}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
