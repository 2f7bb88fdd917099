"""A message received at a statement's address (sign+SLUG@…), kept whole as evidence."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Organization
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement


class InboundMessage(models.Model):
    """A reply to a statement's address: recorded as a signature when its DKIM signature proves
    the organization's verified domain and it clearly says "we sign"; otherwise pending on the
    coordinators' desk, who record it or dismiss it. Never deleted: the message is the evidence.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for the coordinators")
        RECORDED = "recorded", _("Recorded as a signature")
        DISMISSED = "dismissed", _("Dismissed")

    class Dkim(models.TextChoices):
        PASS = "pass", _("DKIM signature verified")
        FAIL = "fail", _("DKIM signature does not verify")
        NONE = "none", _("No DKIM signature")

    class Reason(models.TextChoices):
        """Why a message waits for the coordinators instead of being recorded."""

        NONE = "", _("Recorded on receipt")
        DKIM = "dkim", _("No DKIM signature verifies")
        NOT_ALIGNED = "not-aligned", _("The signing domain is not the sender's")
        NO_ORGANIZATION = "no-organization", _("No organization has verified this domain")
        AMBIGUOUS = "ambiguous", _("Several organizations have verified this domain")
        NOT_MEMBER = "not-member", _("The organization is not a member of the coalition")
        NOT_ADDRESSED = "not-addressed", _("The signed To or Cc field does not name this address")
        STALE = "stale", _("The message may be an old one handed in again")
        NOT_CLEAR = "not-clear", _("The reply does not clearly say “we sign”")
        REFUSED = "refused", _("The signature could not be recorded")

    statement = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="inbound_messages",
        verbose_name=_("statement"),
    )
    recipient = models.CharField(_("sent to"), max_length=254)
    sender = models.CharField(_("sender's address"), max_length=254)  # the From address
    sender_name = models.CharField(_("sender's name"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=300, blank=True, db_index=True)
    excerpt = models.TextField(_("reply text"), blank=True)  # the reply without quotes, shortened
    raw = models.BinaryField(_("message"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    language = models.CharField(_("language"), max_length=10)
    dkim = models.CharField(_("DKIM result"), max_length=8, choices=Dkim)
    dkim_domains = models.CharField(_("DKIM signing domains"), max_length=600, blank=True)
    dkim_detail = models.CharField(_("DKIM detail"), max_length=300, blank=True)
    # The verified domain of the organization that the signing domain and the From address
    # both belong to; empty when there is none.
    aligned_domain = models.CharField(_("verified domain"), max_length=253, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    says_we_sign = models.BooleanField(_("says “we sign”"), default=False)
    reason = models.CharField(
        _("why it waits"), max_length=20, choices=Reason, blank=True, default=""
    )
    detail = models.CharField(_("why, in detail"), max_length=300, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.PENDING, db_index=True
    )
    receipt_sent = models.BooleanField(_("receipt sent"), default=False)
    signature = models.ForeignKey(
        Signature,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signature"),
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    note = models.TextField(_("coordinators' note"), blank=True)  # said when dismissing

    class Meta:
        verbose_name = _("message received")
        verbose_name_plural = _("messages received")
        ordering = ["-received_at"]
        constraints = [
            # The same message delivered twice (a mail server that retries) is kept once.
            models.UniqueConstraint(fields=["statement", "sha256"], name="one_inbound_per_message")
        ]

    def __str__(self) -> str:
        return f"{self.sender} to {self.recipient} ({self.state})"

    @property
    def signing_domains(self) -> list[str]:
        return [d for d in self.dkim_domains.split() if d]
