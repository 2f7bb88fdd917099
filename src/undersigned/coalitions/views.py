"""Accepting an invitation: the link in the mail, for an existing account or a new one."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from undersigned.coalitions import actions
from undersigned.coalitions.forms import InvitedAccountForm
from undersigned.core.errors import ActionError


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation; only a POST uses it (mail scanners fetch links)."""
    try:
        invitation = actions.find_invitation(token)
    except ActionError as error:
        return render(
            request, "coalitions/invitation_invalid.html", {"message": error.message}, status=410
        )
    existing = get_user_model().objects.filter(email__iexact=invitation.email).exists()
    form = None
    if not request.user.is_authenticated and not existing:
        form = InvitedAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                actions.accept_invitation(link_token=token, user=request.user)
            elif form is not None and form.is_valid():
                user = actions.create_invited_account(
                    link_token=token,
                    username=form.cleaned_data["username"],
                    email=invitation.email,
                    password=form.cleaned_data["password1"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                return render(
                    request,
                    "coalitions/invitation.html",
                    {"invitation": invitation, "form": form, "existing": existing},
                )
        except ActionError as error:
            return render(
                request,
                "coalitions/invitation_invalid.html",
                {"message": error.message},
                status=410,
            )
        messages.success(
            request,
            _("Welcome. You can now sign for %(org)s.") % {"org": invitation.organization},
        )
        if invitation.statement_slug:
            return redirect("statement", invitation.statement_slug)
        return redirect("dashboard")
    return render(
        request,
        "coalitions/invitation.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )
