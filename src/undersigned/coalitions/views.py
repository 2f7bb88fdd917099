"""Accepting an invitation: the link in the mail, for an existing account or a new one."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from undersigned.coalitions import actions
from undersigned.coalitions.forms import InvitedAccountForm
from undersigned.coalitions.models import Delegate
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
                actions.accept_invitation(
                    link_token=token, user=request.user, language=translation.get_language()
                )
            elif form is not None and form.is_valid():
                user = actions.create_invited_account(
                    link_token=token,
                    username=form.cleaned_data["username"],
                    email=invitation.email,
                    password=form.cleaned_data["password1"],
                    language=translation.get_language(),
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
        if Delegate.objects.filter(
            user=request.user, organization=invitation.organization
        ).exists():
            messages.success(
                request,
                _("Welcome. You can now sign for %(org)s.") % {"org": invitation.organization},
            )
        else:  # the organization has delegates: they decide (coalitions.delegation)
            messages.info(
                request,
                _("%(org)s has delegates already: you may sign for it once one of them approves.")
                % {"org": invitation.organization},
            )
        if invitation.statement_slug:
            return redirect("statement", invitation.statement_slug)
        return redirect("dashboard")
    return render(
        request,
        "coalitions/invitation.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )
