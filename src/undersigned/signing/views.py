"""Signing, withdrawing and confirming again: thin views over signing.actions."""

from datetime import date, datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from undersigned.coalitions.permissions import (
    can_edit_statement,
    recordable_organizations,
    require,
    signing_organizations,
    withdrawable_organizations,
)
from undersigned.core.errors import ActionError
from undersigned.signing import actions
from undersigned.signing.forms import RecordForm, SignForm, VersionForm, WithdrawForm
from undersigned.statements.selectors import get_statement_for


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _changes_since(statement, stale: "actions.StaleVersion") -> HttpResponse:
    """To what changed between the version the person read and the current one."""
    url = reverse("statement-diff", args=[statement.slug])
    return redirect(f"{url}?from={stale.seen}&to={stale.current}")


def _errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _require_allowed_organization(request: HttpRequest, allowed) -> None:
    """403 when the posted organization is not one this person may act for: acting for
    another organization is refused outright, not treated as a typo."""
    try:
        pk = int(request.POST.get("organization", ""))
    except ValueError:
        pk = None
    require(pk is not None and allowed.filter(pk=pk).exists())


def _give(request: HttpRequest, slug: str, form_class, action, done: str) -> HttpResponse:
    """Sign, or confirm again: for an organization the person may act for, the version they
    read; a newer version sends them to what changed."""
    statement = get_statement_for(request, slug)
    allowed = signing_organizations(request.user, statement)
    _require_allowed_organization(request, allowed)
    form = form_class(request.POST, organizations=allowed)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect(statement)
    organization = form.cleaned_data["organization"]
    try:
        action(
            statement=statement,
            organization=organization,
            user=request.user,
            version=form.cleaned_data["version"],
        )
    except actions.StaleVersion as stale:
        messages.error(request, stale.message)
        return _changes_since(statement, stale)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done % {"org": organization})
    return redirect(statement)


@require_POST
@login_required
def sign(request: HttpRequest, slug: str) -> HttpResponse:
    done = _("%(org)s has signed. Thank you.")
    return _give(request, slug, SignForm, actions.sign_statement, done)


@require_POST
@login_required
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    allowed = withdrawable_organizations(request.user, statement)
    _require_allowed_organization(request, allowed)
    form = WithdrawForm(request.POST, organizations=allowed)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect(statement)
    organization = form.cleaned_data["organization"]
    try:
        actions.withdraw_signature(
            statement=statement,
            organization=organization,
            user=request.user,
            reason=form.cleaned_data["reason"],
        )
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The signature of %(org)s is withdrawn.") % {"org": organization}
        )
    return redirect(statement)


@require_POST
@login_required
def reconfirm(request: HttpRequest, slug: str) -> HttpResponse:
    done = _("%(org)s now signs the current version.")
    return _give(request, slug, VersionForm, actions.reconfirm_signature, done)


@login_required
def record(request: HttpRequest, slug: str) -> HttpResponse:
    """A coordinator records a signature that arrived by e-mail or on paper."""
    statement = get_statement_for(request, slug)
    require(can_edit_statement(request.user, statement))
    candidates = recordable_organizations(request.user, statement).exclude(
        signatures__statement=statement, signatures__withdrawn_at__isnull=True
    )
    form = RecordForm(
        request.POST or None,
        organizations=candidates.order_by("abbreviation", "name"),
        initial={"version": statement.current_text().version},
    )
    if request.method == "POST" and form.is_valid():
        signed_on = form.cleaned_data["signed_on"]
        try:
            actions.record_signature(
                statement=statement,
                organization=form.chosen_organization(),
                user=request.user,
                evidence=form.cleaned_data["evidence"],
                version=form.cleaned_data["version"],
                signed_at=_start_of(signed_on) if signed_on else None,
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Signature recorded."))
            return redirect(statement)
    return render(request, "signing/record.html", {"statement": statement, "form": form})
