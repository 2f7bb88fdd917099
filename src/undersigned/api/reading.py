"""Reading: public, as the pages are; drafts only with the token of someone who may see them."""

from typing import Literal

from django.db.models import Count, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema
from ninja.pagination import paginate

from undersigned.api import schemas as s
from undersigned.api.auth import token_or_public
from undersigned.api.errors import ERRORS
from undersigned.api.pagination import Pages
from undersigned.api.router import router
from undersigned.coalitions.models import Coalition, Organization
from undersigned.coalitions.permissions import can_edit_statement, readable_drafts
from undersigned.endorsements.models import Endorsement
from undersigned.endorsements.stats import endorsement_stats
from undersigned.signing.models import Signature
from undersigned.signing.selectors import BY_REGION, IN_SIGNING_ORDER, signatory_list
from undersigned.statements.models import State, Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.transparency import services as log_services


class StatementFilters(Schema):
    coalition: s.Slug | None = None
    state: Literal["open", "closed", "withdrawn", "draft"] | None = Field(
        None, description="draft: the drafts your token's owner may read (none for the public)."
    )
    kind: s.KindName | None = None
    language: s.Language | None = Field(None, description="Has a text in this language.")
    organization: s.Slug | None = Field(None, description="Signed by this organization.")
    q: s.Line | None = Field(None, description="Words in the title.")


@router.get(
    "/statements",
    response={200: list[s.StatementOut], **ERRORS},
    auth=token_or_public,
    tags=["statements"],
)
@paginate(Pages)
def list_statements(request: HttpRequest, filters: Query[StatementFilters]):
    """Public statements, newest first, filtered as the archive is; with `state=draft`, the
    drafts the token's owner may read."""
    if filters.state == State.DRAFT:
        statements = Statement.objects.filter(state=State.DRAFT).filter(
            readable_drafts(request.user)
        )
    else:
        statements = Statement.objects.public()
    statements = (
        statements.with_current_text()
        .annotate(
            signatory_count=Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True))
        )
        .order_by("-created_at", "-pk")
    )
    if filters.coalition:
        statements = statements.filter(coalition__slug=filters.coalition)
    if filters.state:
        statements = statements.in_state(filters.state)
    if filters.kind:
        statements = statements.filter(kind=filters.kind)
    if filters.language:
        statements = statements.filter(texts__language=filters.language).distinct()
    if filters.organization:
        signed = Signature.objects.active().filter(organization__slug=filters.organization)
        statements = statements.filter(pk__in=signed.values("statement_id"))
    if filters.q:
        statements = statements.filter(texts__title__icontains=filters.q).distinct()
    return statements


@router.get(
    "/statements/{slug}",
    response={200: s.StatementDetailOut, **ERRORS},
    auth=token_or_public,
    tags=["statements"],
)
def get_statement(request: HttpRequest, slug: str):
    """One statement with every version of its text in every language. Drafts only for the
    people who may see them (with their token)."""
    return get_statement_for(request, slug)


@router.get(
    "/statements/{slug}/signatories",
    response={200: s.SignatoriesOut, **ERRORS},
    auth=token_or_public,
    tags=["statements"],
)
def get_signatories(
    request: HttpRequest, slug: str, order: Literal["region", "signed"] = BY_REGION
):
    """The signatory list as the page shows it: numbered, grouped by region or in signing
    order, as of the last signature or withdrawal."""
    statement = get_statement_for(request, slug)
    listing = signatory_list(statement, order=order if order == IN_SIGNING_ORDER else BY_REGION)
    in_force = log_services.signature_entries(statement.pk)
    for entry in listing.entries:
        entry.log_index = in_force.get(entry.organization.pk)
    return {
        "as_of": listing.as_of,
        "count": listing.count,
        "further_signatories_possible": statement.state == State.OPEN,
        "groups": listing.groups,
        "withdrawn": listing.withdrawn,
    }


@router.get(
    "/statements/{slug}/endorsements",
    response={200: s.EndorsementsOut, **ERRORS},
    auth=token_or_public,
    tags=["endorsements"],
)
def get_endorsements(request: HttpRequest, slug: str):
    """Confirmed endorsements by individuals, by country (computed every few seconds)."""
    return endorsement_stats(get_statement_for(request, slug, bodies=False))


class PeopleFilters(Schema):
    q: s.Line | None = Field(None, description="Words in the name.")


@router.get(
    "/statements/{slug}/people",
    response={200: list[s.PersonOut], **ERRORS},
    auth=token_or_public,
    tags=["endorsements"],
)
@paginate(Pages)
def list_people(request: HttpRequest, slug: str, filters: Query[PeopleFilters]):
    """The individuals who added their name, newest first, as the page of names lists them:
    those who consented to be listed; for the statement's coordinators every entry not hidden
    as spam. Never an e-mail address."""
    statement = get_statement_for(request, slug, bodies=False)
    people = Endorsement.objects.filter(statement=statement)
    if can_edit_statement(request.user, statement):
        people = people.filter(hidden=False)
    else:
        people = people.listed_publicly()
    if filters.q:
        people = people.filter(name__icontains=filters.q)
    return people.order_by("-id").only("name", "country", "affiliation", "listed", "confirmed_at")


class OrganizationFilters(Schema):
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    q: s.Line | None = None


@router.get(
    "/organizations", response={200: list[s.OrganizationOut], **ERRORS}, tags=["organizations"]
)
@paginate(Pages)
def list_organizations(request: HttpRequest, filters: Query[OrganizationFilters]):
    organizations = Organization.objects.order_by("country", "abbreviation", "name", "pk")
    if filters.country:
        organizations = organizations.filter(country=filters.country)
    if filters.q:
        organizations = organizations.filter(
            Q(abbreviation__icontains=filters.q)
            | Q(name__icontains=filters.q)
            | Q(name_en__icontains=filters.q)
        )
    return organizations


@router.get(
    "/organizations/{slug}", response={200: s.OrganizationOut, **ERRORS}, tags=["organizations"]
)
def get_organization(request: HttpRequest, slug: str):
    return get_object_or_404(Organization, slug=slug)


@router.get("/coalitions", response={200: list[s.CoalitionOut], **ERRORS}, tags=["coalitions"])
@paginate(Pages)
def list_coalitions(request: HttpRequest):
    return Coalition.objects.annotate(member_count=Count("members")).order_by("abbreviation")


@router.get(
    "/coalitions/{slug}", response={200: s.CoalitionDetailOut, **ERRORS}, tags=["coalitions"]
)
def get_coalition(request: HttpRequest, slug: str):
    return get_object_or_404(Coalition, slug=slug)
