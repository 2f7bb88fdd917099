"""Coordinators reaching organizations: invitations in bulk and reminders; and a person's own
mail language and notices (My account)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from undersigned.accounts.forms import PreferencesForm
from undersigned.accounts.languages import change_preferences, profile_of
from undersigned.coalitions import bulk
from undersigned.coalitions.forms import BulkInviteForm
from undersigned.coalitions.models import Coalition
from undersigned.coalitions.permissions import (
    can_invite_in_bulk,
    can_invite_to_sign,
    can_send_reminders,
    coordinated_coalitions,
    is_coordinator,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.signing.models import Reminder
from undersigned.signing.reminders import plan_reminders, send_reminders
from undersigned.statements.models import State, Statement
from undersigned.statements.translations import titles_by_language


def _signable(request: HttpRequest, coalition: Coalition) -> dict[str, Statement]:
    return {
        statement.slug: statement
        for statement in coalition.statements.filter(
            state__in=[State.DRAFT, State.OPEN]
        ).with_current_text()
        if can_invite_to_sign(request.user, statement)
    }


@login_required
def bulk_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """Paste or upload → preview (known, new, broken rows) → send, all or nothing."""
    coalition = get_object_or_404(Coalition, slug=slug)
    require(can_invite_in_bulk(request.user, coalition))
    signable = _signable(request, coalition)
    form = BulkInviteForm(
        request.POST or None,
        request.FILES or None,
        statements=[(key, str(statement)) for key, statement in signable.items()],
    )
    context: dict = {"coalition": coalition, "form": form}
    if request.method == "POST" and form.is_valid():
        statement = signable.get(form.cleaned_data["statement"])
        try:
            upload = form.cleaned_data["file"]
            text = bulk.decode_upload(upload.read()) if upload else form.cleaned_data["rows"]
            if "send" in request.POST:
                invitations = bulk.send_bulk_invitations(
                    coalition=coalition,
                    text=text,
                    user=request.user,
                    expected=request.POST.get("fingerprint", ""),
                    statement=statement,
                    statement_titles=titles_by_language(statement) if statement else None,
                )
                messages.success(
                    request,
                    ngettext(
                        "%(count)s invitation sent.",
                        "%(count)s invitations sent.",
                        len(invitations),
                    )
                    % {"count": len(invitations)},
                )
                return redirect(coalition.get_absolute_url())
            preview = bulk.read_list(text, coalition)
            context.update(
                preview=preview, text=text, fingerprint=preview.fingerprint, statement=statement
            )
        except ActionError as error:
            form.add_error(None, error.message)
    return render(request, "coalitions/bulk_invite.html", context)


@login_required
def reminders(request: HttpRequest, slug: str) -> HttpResponse:
    """Each open statement with how many mails a reminder would send, and the last reminders."""
    coalition = get_object_or_404(Coalition, slug=slug)
    require(is_coordinator(request.user, coalition))
    statements = [
        statement
        for statement in coalition.statements.filter(state=State.OPEN).with_current_text()
        if can_send_reminders(request.user, statement)
    ]
    rounds = [
        (statement, [plan_reminders(statement, kind) for kind in Reminder.Kind.values])
        for statement in statements
    ]
    sent = (
        Reminder.objects.filter(statement__coalition=coalition)
        .select_related("organization", "statement", "sent_by")
        .order_by("-sent_at")[:30]
    )
    return render(
        request,
        "coalitions/reminders.html",
        {"coalition": coalition, "rounds": rounds, "sent": sent},
    )


@require_POST
@login_required
def send_reminder_round(request: HttpRequest, slug: str, statement_slug: str) -> HttpResponse:
    coalition = get_object_or_404(Coalition, slug=slug)
    statement = get_object_or_404(Statement, slug=statement_slug, coalition=coalition)
    try:
        expected = int(request.POST.get("mails", ""))
    except ValueError:
        expected = -1
    try:
        sent = send_reminders(
            statement=statement,
            kind=request.POST.get("kind", ""),
            user=request.user,
            expected_mails=expected,
        )
        mails = sum(reminder.mails for reminder in sent)
        messages.success(
            request,
            ngettext("%(count)s reminder sent.", "%(count)s reminders sent.", mails)
            % {"count": mails},
        )
    except ActionError as error:
        messages.error(request, error.message)
    return redirect("reminders", coalition.slug)


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    form = PreferencesForm(
        request.POST or None,
        coordinator=coordinated_coalitions(request.user).exists(),
        initial={
            # Until chosen, the page's language is the best guess of what they read.
            "language": profile.language or request.LANGUAGE_CODE,
            "notices": profile.notices,
        },
    )
    if request.method == "POST" and form.is_valid():
        change_preferences(
            target=request.user,
            user=request.user,
            language=form.cleaned_data["language"],
            notices=form.cleaned_data.get("notices", profile.notices),
        )
        messages.success(request, _("Saved."))
        return redirect("dashboard")
    return render(request, "web/preferences.html", {"form": form})
