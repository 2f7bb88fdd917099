"""Atom feeds (Django's syndication framework): new statements, a coalition's statements, an
organization's signatures, and one statement's signatures and versions.

Feeds show only what the public pages show: public statements, and for one statement the
events of its public history.
"""

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
from undersigned.statements.models import Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader

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


def _reading(statement: Statement):
    return text_for_reader(statement, translation.get_language()).text


class _StatementsFeed(Feed):
    feed_type = Atom1Feed

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
    """Every public statement, newest first."""

    def title(self) -> str:
        return _("New statements")

    def link(self) -> str:
        return reverse("home")

    def items(self):
        return Statement.objects.public().with_current_text().order_by("-created_at")[:FEED_LENGTH]


class CoalitionFeed(_StatementsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Coalition:
        return get_object_or_404(Coalition, slug=slug)

    def title(self, coalition: Coalition) -> str:
        return _("Statements of %(coalition)s") % {"coalition": coalition.abbreviation}

    def link(self, coalition: Coalition) -> str:
        return coalition.get_absolute_url()

    def items(self, coalition: Coalition):
        return (
            coalition.statements.public().with_current_text().order_by("-created_at")[:FEED_LENGTH]
        )


class OrganizationFeed(Feed):
    """The statements an organization signed, newest signature first."""

    feed_type = Atom1Feed

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
    """One statement's new signatures, withdrawals and versions."""

    feed_type = Atom1Feed

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
