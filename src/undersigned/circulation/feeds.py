"""Atom feeds (Django's syndication framework): new statements, a coalition's statements, an
organization's signatures, and one statement's signatures and versions.

Feeds show only what the public pages show: public statements, and for one statement the
events of its public history.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from undersigned.audit.history import describe
from undersigned.audit.models import Event
from undersigned.audit.selectors import events_for_statement
from undersigned.circulation.summary import text_summary
from undersigned.coalitions.models import Coalition, Organization
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader
from undersigned.statements.validators import without_control_characters
from undersigned.transparency import services as log_services

FEED_LENGTH = 50
# What a statement's feed tells: who signed or withdrew, and new versions of the text.
STATEMENT_FEED_KINDS = (
    Event.Kind.SIGNATURE_GIVEN,
    Event.Kind.SIGNATURE_RECORDED,
    Event.Kind.SIGNATURE_WITHDRAWN,
    Event.Kind.SIGNATURE_RECONFIRMED,
    Event.Kind.TEXT_VERSION_CREATED,
    Event.Kind.STATEMENT_IMPORTED,
)


class AtomFeed(Atom1Feed):
    """Atom without the control characters XML cannot carry: one written before they were
    refused made every feed that listed it fail (UnserializableContentError)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*_clean(args), **_clean(kwargs))

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*_clean(args), **_clean(kwargs))


# The statement's feed carries its log's signed checkpoint in an element of this namespace:
# the format the element holds (a C2SP signed note), not an address anyone must fetch.
CHECKPOINT_NAMESPACE = "https://c2sp.org/tlog-checkpoint"


class CheckpointAtomFeed(AtomFeed):
    """A statement's feed with `<log:checkpoint href="…/log/checkpoint">` (the signed note, as
    /s/SLUG/log/checkpoint serves it) among the feed's own elements."""

    def root_attributes(self) -> dict[str, str]:
        attributes = super().root_attributes()
        if self.feed.get("checkpoint"):
            attributes["xmlns:log"] = CHECKPOINT_NAMESPACE
        return attributes

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        if checkpoint := self.feed.get("checkpoint"):
            handler.addQuickElement(
                "log:checkpoint", checkpoint, {"href": self.feed["checkpoint_url"]}
            )


def _clean(values):
    if isinstance(values, dict):
        return {key: _clean(value) for key, value in values.items()}
    if isinstance(values, (list, tuple)):
        return type(values)(_clean(value) for value in values)
    return without_control_characters(values) if isinstance(values, str) else values


def _reading(statement: Statement):
    return text_for_reader(statement, translation.get_language()).text


class _StatementsFeed(Feed):
    feed_type = AtomFeed

    def item_title(self, statement: Statement) -> str:
        return _reading(statement).title

    def item_description(self, statement: Statement) -> str:
        return text_summary(_reading(statement))

    def item_pubdate(self, statement: Statement):
        return statement.opened_at or statement.created_at

    def item_updateddate(self, statement: Statement):
        return statement.updated_at

    def item_categories(self, statement: Statement) -> list[str]:
        return [str(statement.get_kind_display())]


class NewStatementsFeed(_StatementsFeed):
    """Every statement published for reading or signing, newest first: a withdrawn one is no
    news (its page still says why it was withdrawn)."""

    def title(self) -> str:
        return _("New statements")

    def link(self) -> str:
        return reverse("home")

    def items(self):
        published = Statement.objects.in_state(State.OPEN, State.CLOSED)
        return published.with_current_text().order_by("-created_at")[:FEED_LENGTH]


class CoalitionFeed(_StatementsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Coalition:
        return get_object_or_404(Coalition, slug=slug)

    def title(self, coalition: Coalition) -> str:
        return _("Statements of %(coalition)s") % {"coalition": coalition.abbreviation}

    def link(self, coalition: Coalition) -> str:
        return coalition.get_absolute_url()

    def items(self, coalition: Coalition):
        # As the new statements' feed: a withdrawn statement is no news to subscribe to.
        published = coalition.statements.in_state(State.OPEN, State.CLOSED)
        return published.with_current_text().order_by("-created_at")[:FEED_LENGTH]


class OrganizationFeed(Feed):
    """The statements an organization signed, newest signature first."""

    feed_type = AtomFeed

    def get_object(self, request: HttpRequest, slug: str) -> Organization:
        return get_object_or_404(Organization, slug=slug)

    def title(self, organization: Organization) -> str:
        return _("Signatures of %(org)s") % {"org": organization}

    def link(self, organization: Organization) -> str:
        return organization.get_absolute_url()

    def items(self, organization: Organization):
        return (
            Signature.objects.active()
            .filter(organization=organization, statement__in=Statement.objects.public())
            .select_related("statement__coalition")
            .prefetch_related("statement__texts")
            .order_by("-signed_at")[:FEED_LENGTH]
        )

    def item_title(self, signature: Signature) -> str:
        return _reading(signature.statement).title

    def item_description(self, signature: Signature) -> str:
        return _("%(org)s signed.") % {"org": signature.organization}

    def item_link(self, signature: Signature) -> str:
        return signature.statement.get_absolute_url()

    def item_guid(self, signature: Signature) -> str:
        return f"signature-{signature.pk}-{signature.signed_at.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, signature: Signature):
        return signature.signed_at


class StatementFeed(Feed):
    """One statement's new signatures, withdrawals and versions, and its log's checkpoint."""

    feed_type = CheckpointAtomFeed

    def feed_extra_kwargs(self, statement: Statement) -> dict[str, str]:
        if not State(statement.state).is_public:
            return {}
        return {
            "checkpoint": log_services.signed_checkpoint(statement.pk),
            "checkpoint_url": settings.SITE_URL.rstrip("/")
            + reverse("log-checkpoint", args=[statement.slug]),
        }

    def get_object(self, request: HttpRequest, slug: str) -> Statement:
        return get_statement_for(request, slug)

    def title(self, statement: Statement) -> str:
        return _("Signatures and versions of “%(title)s”") % {"title": _reading(statement).title}

    def link(self, statement: Statement) -> str:
        return statement.get_absolute_url()

    def items(self, statement: Statement):
        return (
            events_for_statement(statement)
            .filter(kind__in=STATEMENT_FEED_KINDS)
            .order_by("-id")[:FEED_LENGTH]
        )

    def item_title(self, event: Event) -> str:
        return describe(event)

    def item_description(self, event: Event) -> str:
        return describe(event)

    def item_link(self, event: Event) -> str:
        return reverse("statement", args=[event.statement_slug]) + "#history-heading"

    def item_guid(self, event: Event) -> str:
        return f"event-{event.pk}-{event.hash[:16]}"

    item_guid_is_permalink = False

    def item_pubdate(self, event: Event):
        return event.created_at
