"""An organization's own pages for its delegates: proving its domain, deciding who else may
become its delegate; and the link that confirms a mail address on a domain."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from undersigned.coalitions import delegation, domain_checks, domains
from undersigned.coalitions.domain_forms import DomainProofForm
from undersigned.coalitions.models import DelegationRequest, DomainProof, Organization
from undersigned.coalitions.permissions import can_decide_delegation, can_prove_domain, require
from undersigned.core.errors import ActionError


@login_required
def organization_domain(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require(can_prove_domain(request.user, organization))
    form = DomainProofForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            proof = domains.start_domain_proof(
                organization=organization,
                domain=form.cleaned_data["domain"],
                method=form.cleaned_data["method"],
                address=form.cleaned_data["address"],
                user=request.user,
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            if proof.method == DomainProof.Method.MAIL:
                messages.success(
                    request, _("We sent a link to %(address)s.") % {"address": proof.address}
                )
            return redirect("organization-domain", organization.slug)
    proofs = organization.domain_proofs.order_by("-created_at")
    return render(
        request,
        "coalitions/domain.html",
        {
            "organization": organization,
            "form": form,
            "proofs": [
                {
                    "proof": proof,
                    "record_name": domain_checks.record_name(proof.domain),
                    "record_value": domain_checks.record_value(proof.token),
                    "url": domain_checks.well_known_url(proof.domain),
                }
                for proof in proofs
            ],
        },
    )


@login_required
@require_POST
def check_domain(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proof = get_object_or_404(DomainProof, pk=pk, organization__slug=slug)
    try:
        result = domains.check_domain_proof(proof=proof, user=request.user)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        if result.ok:
            messages.success(request, _("Verified: %(domain)s.") % {"domain": proof.domain})
        else:
            messages.error(request, result.message)
    return redirect("organization-domain", slug)


def confirm_domain_address(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what confirming means; only a POST confirms (mail scanners fetch links)."""
    try:
        proof = domains.find_mail_proof(token)
        if request.method == "POST":
            proof = domains.confirm_mail_proof(link_token=token, user=request.user)
            messages.success(
                request,
                _("Confirmed: %(org)s has an address on %(domain)s.")
                % {"org": proof.organization, "domain": proof.domain},
            )
            return redirect(proof.organization)
    except ActionError as error:
        return render(
            request, "coalitions/invitation_invalid.html", {"message": error.message}, status=410
        )
    return render(request, "coalitions/domain_confirm.html", {"proof": proof})


@login_required
def organization_delegates(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require(can_decide_delegation(request.user, organization))
    if request.method == "POST":
        chosen = request.POST.get("request", "")
        pending = get_object_or_404(
            DelegationRequest, pk=int(chosen) if chosen.isdigit() else 0, organization=organization
        )
        approve = request.POST.get("decision") == "approve"
        try:
            delegation.decide_delegation(request=pending, user=request.user, approve=approve)
        except ActionError as error:
            messages.error(request, error.message)
        else:
            name = pending.user.get_full_name() or pending.user.get_username()
            messages.success(
                request,
                _("%(name)s may now sign for %(org)s.") % {"name": name, "org": organization}
                if approve
                else _("Refused: %(name)s.") % {"name": name},
            )
        return redirect("organization-delegates", organization.slug)
    return render(
        request,
        "coalitions/delegates.html",
        {
            "organization": organization,
            "delegates": organization.delegates.select_related("user").order_by("created_at"),
            "pending": organization.delegation_requests.filter(
                state=DelegationRequest.State.PENDING
            ).select_related("user", "requested_by", "coalition"),
        },
    )
