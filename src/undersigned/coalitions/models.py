from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from undersigned.core.regions import region_name, region_of


class Organization(models.Model):
    """A party, union or NGO that signs statements; may belong to several coalitions."""

    abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=300, help_text=_("In its own language."))
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = [Lower("abbreviation"), Lower("name")]
        indexes = [models.Index(Lower("abbreviation"), "country", name="org_abbreviation_country")]

    def __str__(self) -> str:
        return f"{self.abbreviation} {self.name}".strip()

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Organization, self.abbreviation or self.name, self.country.code)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organization", args=[self.slug])

    @property
    def region(self) -> str | None:
        return region_of(self.country.code)

    @property
    def region_name(self) -> str:
        return region_name(self.region)


class Coalition(models.Model):
    """An international network (ICOR, CIPOML) whose members co-sign statements."""

    abbreviation = models.CharField(_("abbreviation"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    website = models.URLField(_("website"), blank=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    members = models.ManyToManyField(
        Organization, through="Membership", related_name="coalitions", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["abbreviation"]

    def __str__(self) -> str:
        return self.abbreviation

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Coalition, self.abbreviation)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("coalition", args=[self.slug])


class Membership(models.Model):
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["coalition", "organization"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.organization} in {self.coalition}"


def unique_slug(model: type[models.Model], *parts: str, max_length: int = 70) -> str:
    """A slug from the parts, with -2, -3 … appended until no row of the model uses it."""
    base = slugify("-".join(p for p in parts if p))[:max_length].strip("-") or "item"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class Invitation(models.Model):
    """A coordinator's invitation to an organization's delegate, sent by e-mail.

    Only a hash of the token is stored; the link carries the token signed with a timestamp, so an
    old or altered link is refused before the database is asked. Single use: accepting sets
    accepted_at with a conditional update.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="invitations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail of the delegate"))
    # The statement the coordinator would like signed, if any: the mail names it and accepting
    # leads there. A slug, not a key: statements sit above coalitions.
    statement_slug = models.SlugField(_("statement to sign"), max_length=200, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organization} to {self.coalition} ({self.email})"


class JoinRequest(models.Model):
    """An organization asks to join a coalition; a coordinator approves or declines."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="join_requests")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "organization"],
                condition=models.Q(state="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} asks to join {self.coalition}"


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
        db_table = "accounts_coalitionrole"  # the table kept its name when the model moved here
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
        db_table = "accounts_delegate"  # the table kept its name when the model moved here
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="unique_delegate")
        ]

    def __str__(self) -> str:
        return f"{self.user} for {self.organization}"
