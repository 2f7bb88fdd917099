from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from undersigned.accounts.permissions import coordinated_coalitions, represented_organizations
from undersigned.signing.models import Signature


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My organizations and what waits for them; my coalitions."""
    organizations = represented_organizations(request.user)
    signatures = (
        Signature.objects.filter(organization__in=organizations)
        .select_related("statement", "organization", "text")
        .prefetch_related("statement__texts")
        .order_by("-signed_at")
    )
    return render(
        request,
        "accounts/dashboard.html",
        {
            "organizations": organizations,
            "signatures": signatures,
            "coalitions": coordinated_coalitions(request.user),
        },
    )
