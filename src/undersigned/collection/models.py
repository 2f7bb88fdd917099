"""An organization's request to sign a statement, which the coalition's coordinators decide."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from undersigned.coalitions.models import Organization
from undersigned.statements.models import Statement, Text


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class SignOnRequest(models.Model):
    """Someone asks, for an organization (known, or described here), to sign a statement.

    requested → confirmed (the address answered the mailed link) → approved (the signature is
    on the list), rejected (with a reason), or merged (the described organization was a known
    one, which signs instead). Nothing is public before approval.
    """

    class State(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the e-mail confirmation")
        CONFIRMED = "confirmed", _("Waiting for the coordinators")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into a known organization")

        @property
        def is_open(self) -> bool:
            return self in (self.REQUESTED, self.CONFIRMED)

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="sign_on_requests"
    )
    text = models.ForeignKey(
        Text, on_delete=models.PROTECT, related_name="+", verbose_name=_("version read")
    )
    # A known organization (chosen, merged into, or created on approval); empty for a new one
    # until then.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sign_on_requests",
        verbose_name=_("organization"),
    )
    org_name = models.CharField(_("name in its own language"), max_length=300, blank=True)
    org_abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    org_name_en = models.CharField(_("English name"), max_length=300, blank=True)
    org_country = CountryField(_("country"), blank=True)
    org_website = models.URLField(_("website"), blank=True)
    logo = models.CharField(_("logo"), max_length=100, blank=True)
    person_name = models.CharField(_("name"), max_length=200)
    person_role = models.CharField(_("role in the organization"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    email_key = models.CharField(max_length=254, editable=False)  # lower case, for uniqueness
    language = models.CharField(_("preferred language"), max_length=10)
    listed = models.BooleanField(_("consents to be listed"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.REQUESTED, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("sign-on request")
        verbose_name_plural = _("sign-on requests")
        ordering = ["-created_at"]
        constraints = [
            # One open request per address and statement: a second one mails, creates nothing.
            models.UniqueConstraint(
                fields=["statement", "email_key"],
                condition=Q(state__in=["requested", "confirmed"]),
                name="one_open_sign_on_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_label} asks to sign {self.statement.slug}"

    @property
    def state_enum(self) -> "SignOnRequest.State":
        return self.State(self.state)

    @property
    def is_new_organization(self) -> bool:
        return self.organization_id is None

    @property
    def organization_label(self) -> str:
        if self.organization is not None:
            return str(self.organization)
        return f"{self.org_abbreviation} {self.org_name}".strip()


from undersigned.collection.inbound_models import InboundMessage  # noqa: E402, F401 - a model
