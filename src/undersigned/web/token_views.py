"""Personal API tokens on "My account": made, shown once, revoked."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from undersigned.accounts.models import ApiToken
from undersigned.accounts.tokens import create_api_token, revoke_api_token
from undersigned.coalitions.permissions import can_hold_api_token
from undersigned.core.errors import ActionError


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the token"),
        max_length=100,
        help_text=gettext_lazy("What will use it, e.g. “our website” or “press office script”."),
    )


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    allowed = can_hold_api_token(request.user)
    form = TokenForm(request.POST or None)
    created = secret = None
    if request.method == "POST" and allowed:
        if revoke := request.POST.get("revoke"):
            token = get_object_or_404(
                ApiToken, pk=revoke if revoke.isdigit() else 0, user=request.user
            )
            revoke_api_token(user=request.user, token=token)
            messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
            return redirect("api-tokens")
        if form.is_valid():
            try:
                created, secret = create_api_token(
                    user=request.user, name=form.cleaned_data["name"]
                )
            except ActionError as error:
                form.add_error("name", error.message)
            else:
                form = TokenForm()
    response = render(
        request,
        "web/api_tokens.html",
        {
            "allowed": allowed,
            "form": form,
            "created": created,
            "secret": secret,
            "tokens": request.user.api_tokens.filter(revoked_at__isnull=True),
        },
    )
    response["Cache-Control"] = "no-store"  # the page may carry a secret shown once
    return response
