"""The coordinators' decisions on messages received at a statement's address, and the message
itself as evidence. Views parse and call one action (collection.inbound)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from undersigned.coalitions.models import Organization
from undersigned.coalitions.permissions import can_decide_inbound
from undersigned.collection.forms import find_organization
from undersigned.collection.inbound import dismiss_inbound, record_inbound
from undersigned.collection.models import InboundMessage
from undersigned.core.errors import ActionError


class RecordInboundForm(forms.Form):
    # Empty: the organization whose verified domain the message came from.
    organization = forms.CharField(
        label=gettext_lazy("Organization that signs"), max_length=400, required=False
    )

    def clean_organization(self) -> Organization | None:
        value = self.cleaned_data["organization"].strip()
        return find_organization(value) if value else None


class DismissInboundForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (for the coordinators)"), max_length=2000, required=False
    )


def _message(request: HttpRequest, slug: str, pk: int) -> InboundMessage:
    """The message, for the statement's coordinators; a 404 for everyone else."""
    inbound = get_object_or_404(
        InboundMessage.objects.select_related("statement", "statement__coalition", "organization"),
        pk=pk,
        statement__coalition__slug=slug,
    )
    if not can_decide_inbound(request.user, inbound.statement):
        raise Http404
    return inbound


@require_POST
@login_required
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record the message as a signature, or dismiss it; back to the desk."""
    inbound = _message(request, slug, pk)
    try:
        if request.POST.get("decision") == "record":
            form = RecordInboundForm(request.POST)
            if not form.is_valid():
                raise ActionError(" ".join(form.errors.get("organization", [])))
            organization = form.cleaned_data["organization"] or inbound.organization
            if organization is None:
                raise ActionError(_("Name the organization that signs."))
            record_inbound(inbound=inbound, organization=organization, user=request.user)
            messages.success(request, _("Recorded: the signature is on the list."))
        elif request.POST.get("decision") == "dismiss":
            note = DismissInboundForm(request.POST)
            dismiss_inbound(
                inbound=inbound,
                user=request.user,
                note=note.cleaned_data["note"] if note.is_valid() else "",
            )
            messages.success(request, _("Dismissed; the message is kept."))
        else:
            raise ActionError(_("Choose what to do with the message."))
    except (ActionError, ValidationError) as error:
        messages.error(request, getattr(error, "message", str(error)))
    return redirect(reverse("desk", args=[slug]) + "#inbound")


@login_required
def raw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The message as it arrived (message/rfc822), to read or to check its DKIM signature."""
    inbound = _message(request, slug, pk)
    response = HttpResponse(bytes(inbound.raw), content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="message-{inbound.pk}.eml"'
    return response
