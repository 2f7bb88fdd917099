import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition
from undersigned.core.pagecache import bump_page_version, page_version


class Kind(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    JOINT_STATEMENT = "joint-statement", _("Joint statement")
    RESOLUTION = "resolution", _("Resolution")
    DECLARATION = "declaration", _("Declaration")
    OPEN_LETTER = "open-letter", _("Open letter")
    APPEAL = "appeal", _("Appeal")
    CALL = "call", _("Call")
    MANIFESTO = "manifesto", _("Manifesto")
    PETITION = "petition", _("Petition")

    @classmethod
    def from_word(cls, word: str | None) -> "Kind":
        """The kind named by the word a text starts with ("open letter"); a statement if none."""
        value = (word or "").strip().lower().replace(" ", "-")
        return cls(value) if value in cls.values else cls.STATEMENT


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for signatures")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @property
    def is_public(self) -> bool:
        return self != State.DRAFT

    @property
    def is_signable(self) -> bool:
        return self == State.OPEN

    @property
    def next_states(self) -> list["State"]:
        """Where a coordinator may take a statement from this state."""
        return [State(s) for s in _TRANSITIONS[self.value]]


_TRANSITIONS = {
    "draft": ["open"],
    "open": ["closed", "withdrawn"],
    "closed": ["open", "withdrawn"],
    "withdrawn": [],
}


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")


def _in_state_now(state: State, now) -> Q:
    """The statements in this state now: one open past its deadline is closed (Statement.state_now
    says the same of one statement)."""
    passed = Q(state=State.OPEN, deadline__lte=now)
    if state == State.OPEN:
        return Q(state=State.OPEN) & (Q(deadline__isnull=True) | Q(deadline__gt=now))
    if state == State.CLOSED:
        return Q(state=State.CLOSED) | passed
    return Q(state=state)


class StatementQuerySet(models.QuerySet):
    def public(self) -> "StatementQuerySet":
        return self.exclude(state=State.DRAFT)

    def in_state(self, *states: str) -> "StatementQuerySet":
        """Statements in one of these states now, filtered in the database. Every list that
        filters by state uses it: a statement whose deadline passed is closed on every page, in
        the API and in the feeds, though nobody has acted on it since (reading writes nothing)."""
        now = timezone.now()
        wanted = [_in_state_now(State(state), now) for state in states]
        return self.filter(reduce(operator.or_, wanted)) if wanted else self.none()

    def with_current_text(self, *, bodies: bool = True) -> "StatementQuerySet":
        """With the coalition and the texts; `bodies=False` for pages that show only titles
        (the answer to a signature): a long text's versions are then not read at all."""
        texts = Text.objects.all() if bodies else Text.objects.defer("body", "change_note")
        return self.select_related("coalition").prefetch_related(Prefetch("texts", texts))


class Statement(models.Model):
    """A statement, resolution or open letter; its words live in versioned Texts."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.STATEMENT)
    issuer = models.TextField(
        _("issuer"), blank=True, help_text=_('Who issues it, e.g. "Coordination Committee".')
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("coalition"),
        help_text=_("Empty for an open letter that belongs to no coalition."),
    )
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    original_language = models.CharField(
        _("original language"), max_length=10, default=settings.LANGUAGE_CODE
    )
    issued_on = models.DateField(_("date"), null=True, blank=True)
    issued_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    opened_at = models.DateTimeField(_("opened for signatures"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    deadline = models.DateTimeField(
        _("deadline"), null=True, blank=True, help_text=_("Closes for signatures by itself then.")
    )
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    accepts_endorsements = models.BooleanField(
        _("individuals can add their name"),
        default=True,
        help_text=_("Off for a resolution that organizations alone sign."),
    )
    accepts_sign_ons = models.BooleanField(
        _("organizations can ask to sign"),
        default=False,
        help_text=_("Organizations ask on the statement page; the coordinators decide."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["-issued_on", "-created_at"]

    def __str__(self) -> str:
        text = self.current_text()
        return text.title if text else self.slug

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.announce_change()

    def get_absolute_url(self) -> str:
        return reverse("statement", args=[self.slug])

    @property
    def state_enum(self) -> State:
        return State(self.state)

    @property
    def deadline_passed(self) -> bool:
        return bool(self.deadline and self.deadline <= timezone.now())

    @property
    def state_now(self) -> State:
        """The state as it reads now: open past its deadline reads as closed (the next action
        on the statement records the closing; StatementQuerySet.in_state filters the same)."""
        if self.state == State.OPEN and self.deadline_passed:
            return State.CLOSED
        return State(self.state)

    def is_open_for_signatures(self) -> bool:
        """Open, and its deadline (if any) still ahead."""
        return self.state_now.is_signable

    def touch(self) -> None:
        """Mark the statement changed (a signature, a version): the cached signatory list of
        its page is keyed by updated_at."""
        self.updated_at = timezone.now()
        Statement.objects.filter(pk=self.pk).update(updated_at=self.updated_at)
        self.announce_change()

    def announce_change(self) -> None:
        """Cached copies of the page are out of date once this transaction commits."""
        bump_page_version(self.page_version_name(self.slug), self.updated_at.isoformat())

    @staticmethod
    def page_version_name(slug: str) -> str:
        return f"statement:{slug}"

    @classmethod
    def last_change(cls, slug: str) -> str:
        """The version of the statement's page, from the database."""
        changed = cls.objects.filter(slug=slug).values_list("updated_at", flat=True).first()
        return changed.isoformat() if changed else ""

    @classmethod
    def page_version(cls, slug: str) -> str:
        """The version of the statement's page (its last change), read from the cache."""
        return page_version(cls.page_version_name(slug), lambda: cls.last_change(slug))

    def current_text(self, language: str | None = None) -> "Text | None":
        """The newest version in the language (the original language by default).

        Works from a prefetched `texts` cache when there is one, so lists avoid a query per row.
        """
        language = language or self.original_language
        texts = [t for t in self.texts.all() if t.language == language]
        return max(texts, key=lambda t: t.version, default=None)


class Text(models.Model):
    """One version of a statement in one language. Immutable once anyone has signed it."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="texts", verbose_name=_("statement")
    )
    language = models.CharField(_("language"), max_length=10)
    version = models.PositiveIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=500, blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown."))
    change_note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("The coordinator's note on a new version, shown to those asked to confirm."),
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("texts")
        ordering = ["statement", "language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language", "version"], name="unique_text_version"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="text_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language}, v{self.version})"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class SlugRedirect(models.Model):
    """An address a statement had before its coordinators changed its slug (a draft's first
    title stays in its address otherwise): the old address answers with a 301 to the new one."""

    slug = models.SlugField(_("old slug"), max_length=80, unique=True)
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="old_slugs", verbose_name=_("statement")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return self.slug
