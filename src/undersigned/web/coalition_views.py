from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from undersigned.circulation.network import co_signers, coalition_network
from undersigned.coalitions import actions
from undersigned.coalitions.forms import InviteForm, JoinRequestForm
from undersigned.coalitions.models import Coalition, JoinRequest, Organization
from undersigned.coalitions.permissions import (
    can_ask_to_join_any,
    can_decide_join_request,
    can_invite_to_sign,
    invitable_organizations,
    is_coordinator,
    is_member,
    joinable_organizations,
    represented_organizations,
    require,
)
from undersigned.coalitions.selectors import members_in_display_order
from undersigned.core.errors import ActionError
from undersigned.core.pagecache import PAGE_NUMBERS, cache_public_page
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement


def coalition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = get_object_or_404(Coalition, slug=slug)
    statements = coalition.statements.with_current_text().annotate(
        signature_count=Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True))
    )
    members = members_in_display_order(coalition)
    coordinating = is_coordinator(request.user, coalition)
    if not is_member(request.user, coalition):
        statements = statements.public()
    joinable = joinable_organizations(request.user, coalition)
    return render(
        request,
        "web/coalition_detail.html",
        {
            "coalition": coalition,
            "statements": statements,
            "members": members,
            "coordinating": coordinating,
            "invite_form": InviteForm(
                organizations=invitable_organizations(request.user, coalition)
            )
            if coordinating
            else None,
            "join_requests": coalition.join_requests.filter(
                state=JoinRequest.State.PENDING
            ).select_related("organization")
            if coordinating
            else [],
            "join_form": JoinRequestForm(organizations=joinable) if joinable.exists() else None,
            "network": coalition_network(coalition),
        },
    )


@login_required
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    """Invite a delegate; from a statement's page, to sign that statement, and back there."""
    coalition = get_object_or_404(Coalition, slug=slug)
    require(is_coordinator(request.user, coalition))
    signable = {
        statement.slug: statement
        for statement in coalition.statements.filter(
            state__in=[State.DRAFT, State.OPEN]
        ).with_current_text()
        if can_invite_to_sign(request.user, statement)
    }
    form = InviteForm(
        request.POST or None,
        organizations=invitable_organizations(request.user, coalition),
        statements=[(slug, str(statement)) for slug, statement in signable.items()],
        initial={"statement": request.GET.get("statement", "")},
    )
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    if request.method == "POST" and form.is_valid():
        actions.invite_organization(
            coalition=coalition,
            organization=form.chosen_organization(),
            email=form.cleaned_data["email"],
            user=request.user,
            statement=signable.get(form.cleaned_data["statement"]),
        )
        messages.success(
            request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect(back or coalition.get_absolute_url())
    return render(
        request,
        "coalitions/invite.html",
        {
            "coalition": coalition,
            "form": form,
            "next": back,
            "days": actions.INVITATION_MAX_AGE.days,
        },
    )


@require_POST
@login_required
def ask_to_join(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = get_object_or_404(Coalition, slug=slug)
    require(can_ask_to_join_any(request.user))
    organizations = represented_organizations(request.user)
    form = JoinRequestForm(request.POST, organizations=organizations)
    if form.is_valid():
        try:
            actions.request_to_join(
                coalition=coalition,
                user=request.user,
                organization=form.cleaned_data["organization"],
                message=form.cleaned_data["message"],
            )
        except ActionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your request is with the coordinators."))
    else:
        require("organization" not in form.errors)
        messages.error(request, _("The message is too long."))
    return redirect(coalition)


@require_POST
@login_required
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    join_request = get_object_or_404(JoinRequest, pk=pk, coalition__slug=slug)
    require(can_decide_join_request(request.user, join_request.coalition))
    approve = request.POST.get("decision") == "approve"
    try:
        actions.decide_join_request(join_request=join_request, user=request.user, approve=approve)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(org)s is now a member.") % {"org": join_request.organization}
            if approve
            else _("Request declined."),
        )
    return redirect(join_request.coalition)


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    public = Statement.objects.public().with_current_text()
    signatures = (
        Signature.objects.filter(
            organization=organization, statement__in=Statement.objects.public()
        )
        .prefetch_related(Prefetch("statement", queryset=public))
        .order_by("-signed_at")
    )
    return render(
        request,
        "web/organization_detail.html",
        {
            "organization": organization,
            "signatures": signatures,
            "coalitions": organization.coalitions.all(),
            "partners": co_signers(organization),
        },
    )


ORGANIZATIONS_PER_PAGE = 200


def _newest_organization(request: HttpRequest) -> str:
    return str(Organization.objects.aggregate(newest=Max("pk"))["newest"])


# After a large import the whole list was 14.6 MB and took 9 s, on every view: now a page at a
# time, kept a minute (a new organization shows at once; a renamed one within the minute).
@cache_public_page(60, version=_newest_organization, params={"page": PAGE_NUMBERS})
def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.annotate(
        signature_count=Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True))
    ).order_by("country", "abbreviation", "name", "pk")
    page = Paginator(organizations, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/organization_list.html",
        {"organizations": page.object_list, "page": page},
    )
