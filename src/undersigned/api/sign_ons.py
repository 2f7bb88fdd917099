"""Organizations asking to sign, and the coordinators' decisions, through collection's actions.

Anyone may ask (no token needed), rate-limited per network as the statement page's form, with
the same answer whether or not the address asked before; the address then confirms by the
mailed link. The coordinators (a token of theirs) list the requests of their coalition or
statement and approve, reject (with a reason) or merge each. A request is not found (404) by
anyone who may not decide it.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status
from ninja.pagination import paginate

from undersigned.api import schemas as s
from undersigned.api.auth import token, token_or_public
from undersigned.api.errors import ERRORS, WRITE_ERRORS, InvalidInput
from undersigned.api.pagination import Pages
from undersigned.api.router import router
from undersigned.api.writing import _clean, _find
from undersigned.coalitions.models import Coalition, Organization
from undersigned.coalitions.permissions import can_decide_sign_on, can_view_desk, require
from undersigned.collection import actions
from undersigned.collection.forms import RejectForm, SignOnForm
from undersigned.collection.models import SignOnRequest
from undersigned.core.ratelimit import client_ip
from undersigned.statements.selectors import get_statement_for

DECIDING = {"auth": token, "tags": ["sign-on requests"]}

# The API's names of the request's fields, and the sign-on form's field that checks each.
_PERSON = {
    "person_name": "person_name",
    "person_role": "person_role",
    "email": "email",
    "language": "language",
    "listed": "listed",
}
_DESCRIBED = {
    "name": "org_name",
    "abbreviation": "org_abbreviation",
    "name_en": "org_name_en",
    "country": "org_country",
    "website": "org_website",
}


def _checked(data: s.SignOnIn) -> tuple[dict, actions.ProposedOrganization | None]:
    """Every field through the page form's field (its rules and its messages), errors by the
    API's names; a known organization by its slug."""
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}

    def clean(api_name: str, form_name: str, value) -> None:
        try:
            cleaned[api_name] = _clean(SignOnForm, form_name, value)
        except InvalidInput as error:
            errors[api_name] = error.errors[form_name]

    for api_name, form_name in _PERSON.items():
        clean(api_name, form_name, getattr(data, api_name))
    proposed = None
    if (data.organization is None) == (data.new_organization is None):
        message = _("Choose a known organization or describe a new one.")
        errors["organization"] = [message]
    elif data.new_organization is not None:
        for api_name, form_name in _DESCRIBED.items():
            value = getattr(data.new_organization, api_name)
            clean(f"new_organization.{api_name}", form_name, value)
        if "new_organization.name" in cleaned and not cleaned["new_organization.name"].strip():
            message = _("Give the organization's name, or choose a known organization.")
            errors["new_organization.name"] = [message]
        if not errors:
            described = {key.partition(".")[2]: v for key, v in cleaned.items() if "." in key}
            proposed = actions.ProposedOrganization(
                name=described["name"].strip(),
                abbreviation=described["abbreviation"].strip(),
                name_en=described["name_en"].strip(),
                country=described["country"],
                website=described["website"],
            )
    if errors:
        raise InvalidInput(errors)
    return cleaned, proposed


@router.post(
    "/statements/{slug}/sign-on-requests",
    response={202: s.Accepted, **WRITE_ERRORS},
    auth=token_or_public,
    tags=["sign-on requests"],
)
def request_sign_on(request: HttpRequest, slug: str, data: s.SignOnIn):
    """Ask, for an organization (a known one by its slug, or a new one described), to sign the
    version read; where the statement's coordinators accept such requests. No token needed.
    A link that confirms the request is mailed to `email` (202, whether or not this address
    asked before); confirmed, the request waits for the coordinators. 429: too many requests
    from your network, or mails to this address, this hour."""
    statement = get_statement_for(request, slug, bodies=False)
    cleaned, proposed = _checked(data)
    organization = _find(Organization, "organization", data.organization) if not proposed else None
    try:
        result = actions.request_sign_on(
            statement=statement,
            user=request.user,
            organization=organization,
            proposed=proposed,
            logo_png=None,
            person_name=cleaned["person_name"].strip(),
            person_role=cleaned["person_role"].strip(),
            email=cleaned["email"],
            language=cleaned["language"],
            listed=cleaned["listed"],
            version=data.version,
            client=client_ip(request),
        )
    except actions.RateLimited as error:
        return Status(429, {"detail": error.message})
    if not result.mailed:
        return Status(
            429, {"detail": _("This address had as many mails as an hour allows. Try again later.")}
        )
    message = _(
        "We sent a link to the address you gave. Open it and confirm the request; the "
        "coalition's coordinators then decide."
    )
    return Status(202, {"detail": message})


class RequestFilters(Schema):
    state: s.SignOnState | None = Field(None, description="Only the requests in this state.")


class CoalitionRequestFilters(RequestFilters):
    statement: s.Slug | None = Field(None, description="Only this statement's requests.")


def _requests():
    return SignOnRequest.objects.select_related("statement", "organization", "text").order_by(
        "-created_at", "-pk"
    )


@router.get(
    "/coalitions/{slug}/sign-on-requests",
    response={200: list[s.SignOnRequestOut], **ERRORS},
    **DECIDING,
)
@paginate(Pages)
def list_coalition_sign_on_requests(
    request: HttpRequest, slug: str, filters: Query[CoalitionRequestFilters]
):
    """The requests to sign the coalition's statements, newest first, with everything the
    requesters gave: for its coordinators (as their desk shows them)."""
    coalition = get_object_or_404(Coalition, slug=slug)
    require(can_view_desk(request.user, coalition))
    requests = _requests().filter(statement__coalition=coalition)
    if filters.statement:
        requests = requests.filter(statement__slug=filters.statement)
    return requests.filter(state=filters.state) if filters.state else requests


@router.get(
    "/statements/{slug}/sign-on-requests",
    response={200: list[s.SignOnRequestOut], **ERRORS},
    **DECIDING,
)
@paginate(Pages)
def list_statement_sign_on_requests(
    request: HttpRequest, slug: str, filters: Query[RequestFilters]
):
    """The requests to sign this statement, newest first: for those who decide them."""
    statement = get_statement_for(request, slug, bodies=False)
    require(can_decide_sign_on(request.user, statement))
    requests = _requests().filter(statement=statement)
    return requests.filter(state=filters.state) if filters.state else requests


def _sign_on_for(request: HttpRequest, pk: int) -> SignOnRequest:
    """The request, if this person decides it; not found otherwise."""
    sign_on = get_object_or_404(_requests().select_related("statement__coalition"), pk=pk)
    if not can_decide_sign_on(request.user, sign_on.statement):
        raise Http404
    return sign_on


def _answer(sign_on: SignOnRequest) -> SignOnRequest:
    return _requests().get(pk=sign_on.pk)


@router.get("/sign-on-requests/{pk}", response={200: s.SignOnRequestOut, **ERRORS}, **DECIDING)
def get_sign_on_request(request: HttpRequest, pk: int):
    """One request, for those who decide it."""
    return _sign_on_for(request, pk)


@router.post(
    "/sign-on-requests/{pk}/approve",
    response={200: s.SignOnRequestOut, **WRITE_ERRORS},
    **DECIDING,
)
def approve_sign_on_request(request: HttpRequest, pk: int):
    """The signature enters the list, given to the version the requester read. A new
    organization enters the directory and the coalition, its requester its first delegate.
    409 if the address has not confirmed yet, or the request was decided already."""
    sign_on = actions.approve_sign_on(sign_on=_sign_on_for(request, pk), user=request.user)
    return _answer(sign_on)


@router.post(
    "/sign-on-requests/{pk}/reject",
    response={200: s.SignOnRequestOut, **WRITE_ERRORS},
    **DECIDING,
)
def reject_sign_on_request(request: HttpRequest, pk: int, data: s.RejectIn):
    """Declined, with the reason mailed to the requester in their language."""
    sign_on = _sign_on_for(request, pk)
    reason = _clean(RejectForm, "reason", data.reason)
    return _answer(actions.reject_sign_on(sign_on=sign_on, user=request.user, reason=reason))


@router.post(
    "/sign-on-requests/{pk}/merge",
    response={200: s.SignOnRequestOut, **WRITE_ERRORS},
    **DECIDING,
)
def merge_sign_on_request(request: HttpRequest, pk: int, data: s.MergeIn):
    """The organization described is a known one (`organization`), which signs instead; the
    requester becomes none of its delegates. 409 for a request that named a known one."""
    sign_on = _sign_on_for(request, pk)
    organization = _find(Organization, "organization", data.organization)
    merged = actions.merge_sign_on(sign_on=sign_on, organization=organization, user=request.user)
    return _answer(merged)
