from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from undersigned.statements.models import Statement


class Source(models.TextChoices):
    IMPORTED = "imported", _("Imported from a published list")
    WEB = "web", _("Signed on this site")


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
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    country = CountryField(_("country"), blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    listed = models.BooleanField(_("consents to be listed publicly"), default=False)
    source = models.CharField(_("source"), max_length=20, choices=Source, default=Source.WEB)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["statement", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "email"],
                condition=~Q(email=""),
                name="one_endorsement_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.name
