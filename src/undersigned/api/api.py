"""The JSON API, version 1, at /api/v1/ (OpenAPI document at /api/v1/openapi.json).

Reading is public, as the pages are. Writing needs a personal API token (made on "My account")
and goes through the same actions as the pages: each checks the permission rules of
coalitions.permissions for the token's owner, writes in one transaction and records its audit
event. Nothing here writes a model itself.
"""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import AuthenticationError, Throttled, ValidationError
from pydantic import Field

from undersigned.api import schemas as s
from undersigned.api import serializers as out
from undersigned.api.auth import RateLimit, TokenAuth
from undersigned.coalitions.models import Coalition, Organization
from undersigned.coalitions.permissions import (
    can_import_statements,
    coordinated_coalitions,
    represented_organizations,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.endorsements.stats import endorsement_stats
from undersigned.signing import actions as signing
from undersigned.signing.selectors import BY_REGION, IN_SIGNING_ORDER, signatory_list
from undersigned.statements import actions as statements
from undersigned.statements.forms import WordsForm
from undersigned.statements.models import Kind, Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.textformat import FormatError
from undersigned.transfer.forms import ImportForm
from undersigned.transfer.importing import import_document

api = NinjaAPI(
    title="undersigned API",
    version="1",
    description=__doc__,
    urls_namespace="api-v1",
    throttle=[RateLimit()],
)
token = TokenAuth()
token_or_public = TokenAuth(optional=True)

ERRORS = {400: s.Error, 401: s.Error, 403: s.Error, 404: s.Error, 422: s.InvalidInput, 429: s.Error}
WRITE_ERRORS = {**ERRORS, 409: s.Error}


# Errors: JSON with a sentence for a person, whatever went wrong.


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": _("You may not do this.")}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    message = _("Send a valid personal API token: Authorization: Bearer us_…")
    return api.create_response(request, {"detail": message}, status=401)


@api.exception_handler(Throttled)
def _throttled(request, exc):
    message = _("Too many requests this hour. Try again later.")
    return api.create_response(request, {"detail": message}, status=429)


@api.exception_handler(ActionError)
def _refused(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=409)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        field = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
        errors.setdefault(field, []).append(str(error.get("msg", "")))
    return _invalid_response(request, errors)


class InvalidForm(Exception):
    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors


@api.exception_handler(InvalidForm)
def _invalid_form(request, exc):
    return _invalid_response(request, exc.errors)


def _invalid_response(request, errors: dict[str, list[str]]):
    fields = ", ".join(sorted(errors))
    message = _("Some of what you sent is not valid: %(fields)s.") % {"fields": fields}
    return api.create_response(request, {"detail": message, "errors": errors}, status=422)


def _form_errors(form) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}


# Pagination: numbered pages, as the site's lists have.


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)


def _page(queryset, query: PageQuery) -> tuple[int, list]:
    start = (query.page - 1) * query.page_size
    return queryset.count(), list(queryset[start : start + query.page_size])


class StatementPage(Schema):
    count: int
    page: int
    items: list[s.StatementOut]


class OrganizationPage(Schema):
    count: int
    page: int
    items: list[s.OrganizationOut]


class CoalitionPage(Schema):
    count: int
    page: int
    items: list[s.CoalitionOut]


# Reading.


class StatementFilters(PageQuery):
    coalition: s.Slug | None = None
    state: Literal["open", "closed", "withdrawn"] | None = None
    kind: Literal[tuple(Kind.values)] | None = None  # type: ignore[valid-type]
    language: s.Language | None = Field(None, description="Has a text in this language.")
    organization: s.Slug | None = Field(None, description="Signed by this organization.")
    q: s.Line | None = Field(None, description="Words in the title.")


@api.get("/statements", response={200: StatementPage, **ERRORS}, tags=["statements"])
def list_statements(request: HttpRequest, filters: Query[StatementFilters]):
    """Public statements, newest first, filtered as the archive is."""
    statements_ = (
        Statement.objects.public()
        .with_current_text()
        .annotate(
            signatory_count=Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True))
        )
        .order_by("-created_at", "-pk")
    )
    if filters.coalition:
        statements_ = statements_.filter(coalition__slug=filters.coalition)
    if filters.state:
        statements_ = statements_.filter(state=filters.state)
    if filters.kind:
        statements_ = statements_.filter(kind=filters.kind)
    if filters.language:
        statements_ = statements_.filter(texts__language=filters.language).distinct()
    if filters.organization:
        statements_ = statements_.filter(
            signatures__organization__slug=filters.organization,
            signatures__withdrawn_at__isnull=True,
        ).distinct()
    if filters.q:
        statements_ = statements_.filter(texts__title__icontains=filters.q).distinct()
    count, items = _page(statements_, filters)
    return {
        "count": count,
        "page": filters.page,
        "items": [out.statement(request, i) for i in items],
    }


@api.get(
    "/statements/{slug}",
    response={200: s.StatementDetailOut, **ERRORS},
    auth=token_or_public,
    tags=["statements"],
)
def get_statement(request: HttpRequest, slug: str):
    """One statement with every version of its text in every language. Drafts only for the
    people who may see them (with their token)."""
    return out.statement_detail(request, get_statement_for(request, slug))


@api.get(
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
    return out.signatories(request, statement, listing)


@api.get(
    "/statements/{slug}/endorsements",
    response={200: s.EndorsementsOut, **ERRORS},
    auth=token_or_public,
    tags=["statements"],
)
def get_endorsements(request: HttpRequest, slug: str):
    """Confirmed endorsements by individuals, by country (computed every few seconds)."""
    stats = endorsement_stats(get_statement_for(request, slug))
    return {
        "confirmed": stats.confirmed,
        "by_country": {code or "": n for code, n in stats.by_country.items()},
        "computed_at": stats.computed_at,
    }


class OrganizationFilters(PageQuery):
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    q: s.Line | None = None


@api.get("/organizations", response={200: OrganizationPage, **ERRORS}, tags=["organizations"])
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
    count, items = _page(organizations, filters)
    return {
        "count": count,
        "page": filters.page,
        "items": [out.organization(request, i) for i in items],
    }


@api.get(
    "/organizations/{slug}", response={200: s.OrganizationOut, **ERRORS}, tags=["organizations"]
)
def get_organization(request: HttpRequest, slug: str):
    return out.organization(request, get_object_or_404(Organization, slug=slug))


@api.get("/coalitions", response={200: CoalitionPage, **ERRORS}, tags=["coalitions"])
def list_coalitions(request: HttpRequest, query: Query[PageQuery]):
    coalitions = Coalition.objects.annotate(member_count=Count("members")).order_by("abbreviation")
    count, items = _page(coalitions, query)
    return {"count": count, "page": query.page, "items": [out.coalition(request, c) for c in items]}


@api.get("/coalitions/{slug}", response={200: s.CoalitionDetailOut, **ERRORS}, tags=["coalitions"])
def get_coalition(request: HttpRequest, slug: str):
    return out.coalition(request, get_object_or_404(Coalition, slug=slug), members=True)


# Writing, with a personal API token.


@api.get("/me", response={200: s.MeOut, **ERRORS}, auth=token, tags=["writing"])
def me(request: HttpRequest):
    """Whose token this is, and where they may write."""
    return {
        "username": request.user.get_username(),
        "coordinates": list(coordinated_coalitions(request.user).values_list("slug", flat=True)),
        "represents": list(represented_organizations(request.user).values_list("slug", flat=True)),
    }


def _words(data) -> dict:
    form = WordsForm({"title": data.title, "subtitle": data.subtitle, "body": data.body})
    if not form.is_valid():
        raise InvalidForm(_form_errors(form))
    return form.cleaned_data


@api.post(
    "/statements",
    response={201: s.StatementDetailOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def create_statement(request: HttpRequest, data: s.NewStatementIn):
    """A new draft, as "New statement" makes it: for a coalition one coordinates (staff: also
    an open letter without a coalition)."""
    if data.kind not in Kind.values:
        raise InvalidForm(
            {"kind": [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(Kind.values)}]}
        )
    coalition = get_object_or_404(Coalition, slug=data.coalition) if data.coalition else None
    words = _words(data)
    statement = statements.create_statement(
        user=request.user,
        coalition=coalition,
        kind=data.kind,
        issuer=data.issuer.strip(),
        language=data.language,
        **words,
    )
    return Status(201, out.statement_detail(request, get_statement_for(request, statement.slug)))


@api.post(
    "/statements/{slug}/versions",
    response={201: s.TextOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def add_version(request: HttpRequest, slug: str, data: s.VersionIn):
    """New words for the original text: a new version once the statement is public or signed
    (signers are asked to confirm again), an edit in place for an unsigned draft."""
    statement = get_statement_for(request, slug)
    text = statements.edit_text(statement=statement, user=request.user, **_words(data))
    return Status(
        201,
        {
            "language": text.language,
            "version": text.version,
            "title": text.title,
            "subtitle": text.subtitle,
            "body": text.body,
            "translates_version": None,
            "created_at": text.created_at,
        },
    )


@api.post(
    "/imports",
    response={200: s.ImportOut, 201: s.ImportOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def import_statement(request: HttpRequest, data: s.ImportIn):
    """Import a published statement with its signatory list, as the Import page does: first
    with save=false to see what it would create, then with save=true to create it."""
    require(can_import_statements(request.user))
    coalition = get_object_or_404(Coalition, slug=data.coalition) if data.coalition else None
    form = ImportForm(
        {
            "text": data.text,
            "coalition": coalition.pk if coalition else "",
            "title": data.title,
            "language": data.language,
        }
    )
    if not form.is_valid():
        raise InvalidForm(_form_errors(form))
    try:
        plan = import_document(
            form.document,
            dry_run=not data.save,
            user=request.user,
            coalition=coalition,
            title=form.cleaned_data["title"] or None,
            language=data.language,
        )
    except FormatError as error:
        raise InvalidForm({"text": [error.message]}) from None
    target = plan.saved or plan.statement
    result = {
        "saved": plan.saved is not None,
        "statement": target.slug if target else None,
        "title": plan.title,
        "summary": [str(line) for line in plan.summary()],
        "new_signatures": len(plan.new_signatures),
        "new_organizations": len(plan.new_organizations),
    }
    return Status(201 if plan.saved is not None else 200, result)


def _organization(slug: str) -> Organization:
    return get_object_or_404(Organization, slug=slug)


@api.post(
    "/statements/{slug}/signatures",
    response={201: s.SignatureOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def record_signature(request: HttpRequest, slug: str, data: s.RecordIn):
    """A coordinator records a signature received by e-mail or on paper, with evidence."""
    statement = get_statement_for(request, slug)
    signature = signing.record_signature(
        statement=statement,
        organization=_organization(data.organization),
        user=request.user,
        evidence=data.evidence,
        version=data.version,
    )
    return Status(201, out.signature(request, signature))


@api.post(
    "/statements/{slug}/sign",
    response={201: s.SignatureOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def sign(request: HttpRequest, slug: str, data: s.SignIn):
    """A delegate signs, for their organization, the version they read."""
    statement = get_statement_for(request, slug)
    signature = signing.sign_statement(
        statement=statement,
        organization=_organization(data.organization),
        user=request.user,
        version=data.version,
    )
    return Status(201, out.signature(request, signature))


@api.post(
    "/statements/{slug}/withdraw",
    response={200: s.SignatureOut, **WRITE_ERRORS},
    auth=token,
    tags=["writing"],
)
def withdraw(request: HttpRequest, slug: str, data: s.WithdrawIn):
    """A delegate (or a coordinator) withdraws an organization's signature, with a reason
    the public list shows."""
    statement = get_statement_for(request, slug)
    signature = signing.withdraw_signature(
        statement=statement,
        organization=_organization(data.organization),
        user=request.user,
        reason=data.reason,
    )
    return Status(200, out.signature(request, signature))
