import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from undersigned.statements.models import Statement


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class Source(models.TextChoices):
    IMPORTED = "imported", _("Imported from a published list")
    WEB = "web", _("Signed on this site")


class EndorsementQuerySet(models.QuerySet):
    def counted(self) -> "EndorsementQuerySet":
        """Confirmed and not hidden: what counts and what the numbers show."""
        return self.filter(confirmed_at__isnull=False, hidden=False)

    def listed_publicly(self) -> "EndorsementQuerySet":
        return self.counted().filter(listed=True)


class Endorsement(models.Model):
    """A person's signature. The e-mail address is never shown publicly.

    People named in an imported list have no e-mail address; they count as confirmed because the
    issuer published their names.
    """

    statement = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("statement"),
        # No index of its own: the indexes below all begin with the statement, and a fifth
        # index on the busiest table was one more write in every signature.
        db_index=False,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    # The address with case and the aliases a provider ignores folded away; one per statement.
    email_canonical = models.CharField(max_length=254, blank=True, editable=False)
    country = CountryField(_("country"), blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    listed = models.BooleanField(_("consents to be listed publicly"), default=False)
    source = models.CharField(_("source"), max_length=20, choices=Source, default=Source.WEB)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    hidden = models.BooleanField(
        _("hidden as spam"), default=False, help_text=_("Not counted and not listed.")
    )
    # Part of every link mailed for this endorsement (endorsements.tokens): a link made for
    # another row that had the same id (before a restore) does not match it.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["statement", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "email_canonical"],
                condition=~Q(email_canonical=""),
                name="one_endorsement_per_email",
            ),
        ]
        indexes = [
            # The public list and the counts read confirmed, visible rows of one statement.
            models.Index(
                fields=["statement", "hidden", "confirmed_at"], name="endorsement_counted"
            ),
            # The statement page lists the few people of an imported list among a million.
            models.Index(fields=["statement", "source"], name="endorsement_source"),
        ]

    def __str__(self) -> str:
        return self.name
