from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from undersigned.coalitions.permissions import coordinated_coalitions, represented_organizations
from undersigned.signing.models import Signature
from undersigned.signing.waiting import signatures_to_confirm, statements_to_sign


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My organizations and what waits for them; my coalitions."""
    organizations = represented_organizations(request.user)
    signatures = list(
        Signature.objects.filter(organization__in=organizations)
        .select_related("statement", "organization", "text")
        .prefetch_related("statement__texts")
        .order_by("-signed_at")
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "organizations": organizations,
            "signatures": signatures,
            "to_sign": statements_to_sign(organizations),
            "to_confirm": signatures_to_confirm(signatures),
            "coalitions": coordinated_coalitions(request.user),
        },
    )
