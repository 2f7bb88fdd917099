"""An organization asks to sign; the coordinators' desk decides. Views parse and call one action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from undersigned.coalitions.models import Coalition
from undersigned.coalitions.permissions import can_view_desk, require
from undersigned.collection import actions
from undersigned.collection.desk import (
    INVITATION_STATES,
    coalition_desk,
    invitation_state,
    missing_members,
    not_reconfirmed,
)
from undersigned.collection.forms import MergeForm, RejectForm, SignOnForm, known_organizations
from undersigned.collection.inbound import pending_messages
from undersigned.collection.logos import logo_path
from undersigned.collection.models import SignOnRequest
from undersigned.core.errors import ActionError
from undersigned.core.fillin import render_filled_in
from undersigned.core.origins import sent_from_elsewhere
from undersigned.core.pagecache import is_personal
from undersigned.core.ratelimit import client_ip
from undersigned.signing.models import Reminder
from undersigned.statements.models import State, Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader

MEMBERS_PER_PAGE = 100


@csrf_exempt  # the statement page is cached for everyone; checked by origin instead
def sign_on(request: HttpRequest, slug: str) -> HttpResponse:
    """The request form on a page of its own, and the answer to the statement page's form."""
    # Both pages show titles only: the statement and its texts from the cache, as a
    # signature reads them (with bodies, from the database: a fifth of the POST's time).
    statement = get_statement_for(request, slug, bodies=False)
    original = statement.current_text()
    if request.method != "POST":
        form = SignOnForm(initial={"version": original.version if original else 1})
        return _form_page(request, statement, form, 200)
    form = SignOnForm(request.POST, request.FILES)
    if sent_from_elsewhere(request):
        form.is_valid()
        form.add_error(
            None, _("This form was sent from another site. Open the statement here and ask there.")
        )
        return _form_page(request, statement, form, 403)
    if not form.is_valid():
        return _form_page(request, statement, form, 400)
    data = form.cleaned_data
    if form.is_bot:  # answer as if it worked; store nothing
        return _pending(request, statement, mailed=True)
    proposed = None
    if form.organization is None:
        proposed = actions.ProposedOrganization(
            name=data["org_name"].strip(),
            abbreviation=data["org_abbreviation"].strip(),
            name_en=data["org_name_en"].strip(),
            country=data["org_country"],
            website=data["org_website"],
        )
    try:
        result = actions.request_sign_on(
            statement=statement,
            user=request.user,
            organization=form.organization,
            proposed=proposed,
            logo_png=form.logo_png,
            person_name=data["person_name"].strip(),
            person_role=data["person_role"].strip(),
            email=data["email"],
            language=data["language"],
            listed=data["listed"],
            version=data["version"],
            client=client_ip(request),
        )
    except actions.RateLimited as error:
        form.add_error(None, error.message)
        return _form_page(request, statement, form, 429)
    except ActionError as error:
        form.add_error(None, error.message)
        return _form_page(request, statement, form, 409)
    return _pending(request, statement, mailed=result.mailed)


def _form_page(request, statement, form, status: int) -> HttpResponse:
    return render(
        request,
        "collection/sign_on_page.html",
        {
            "statement": statement,
            "sign_on_form": form,
            "known_organizations": known_organizations(),
        },
        status=status,
    )


def _pending(request, statement, *, mailed: bool) -> HttpResponse:
    # The same page whether or not this address had asked already (see actions.SignOnResult).
    template, context = "collection/pending.html", {"statement": statement, "mailed": mailed}
    status = 201 if mailed else 429
    if is_personal(request):
        return render(request, template, context, status=status)
    # It holds nothing of the requester: rendered once for everyone else (core.fillin).
    title = text_for_reader(statement, request.LANGUAGE_CODE).text
    key = (statement.slug, title.title if title else "", mailed)
    return HttpResponse(render_filled_in(request, template, context, {}, key), status=status)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The mailed link opens this page; only its button (a POST) confirms."""
    try:
        if request.method == "POST":
            sign_on = actions.confirm_sign_on(token=token, user=request.user)
        else:
            sign_on = actions.sign_on_from_token(token)
    except ActionError as error:
        return render(
            request, "endorsements/link_invalid.html", {"message": error.message}, status=410
        )
    return render(
        request,
        "collection/confirm.html",
        {"sign_on": sign_on, "statement": sign_on.statement},
    )


def logo(request: HttpRequest, name: str) -> FileResponse:
    path = logo_path(name)
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=31536000, immutable"  # named by its hash
    return response


@login_required
def desk(request: HttpRequest, slug: str) -> HttpResponse:
    """The coordinators' desk: what waits for them in one coalition."""
    coalition = get_object_or_404(Coalition, slug=slug)
    if not can_view_desk(request.user, coalition):
        raise Http404
    states = [state for state, __ in SignOnRequest.State.choices]
    state = request.GET.get("state", "")
    invitation = request.GET.get("invitations", "")
    board = coalition_desk(
        coalition,
        statement_slug=request.GET.get("statement", "")[:80],
        request_state=state if state in states else "",
        invitation=invitation if invitation in INVITATION_STATES else "",
        page=request.GET.get("page"),
    )
    # The request pages' links keep the filters.
    filters = request.GET.copy()
    filters.pop("page", None)
    # The merge form's suggestions: only when a request on this page can be merged.
    any_new = any(r.is_new_organization for r in board.requests)
    inbound = pending_messages(coalition)
    return render(
        request,
        "collection/desk.html",
        {
            "desk": board,
            "coalition": coalition,
            "invitations": [(i, invitation_state(i)) for i in board.invitations],
            "request_states": SignOnRequest.State.choices,
            "filters": filters.urlencode(),
            "new_organizations": any_new,
            "invitation_states": INVITATION_STATES,
            "chosen": {
                "statement": request.GET.get("statement", ""),
                "state": state,
                "invitations": invitation,
            },
            "reject_form": RejectForm(),
            "merge_form": MergeForm(),
            # Every known organization (a thousand and more), as <option>s joined once in
            # Python for both lists that suggest them: a template loop costs far more.
            "organization_options": _options(known_organizations()) if any_new or inbound else "",
            "inbound": inbound,
            "reminders_sent": Reminder.objects.filter(statement__coalition=coalition)
            .select_related("organization", "statement")
            .order_by("-sent_at")[:10],
        },
    )


def _options(names: list[str]) -> str:
    # Each name escaped here: the joined string is safe.
    return mark_safe("".join(f'<option value="{escape(name)}">' for name in names))


@login_required
def desk_statement(request: HttpRequest, slug: str, statement: str) -> HttpResponse:
    """One open statement's lists in full, paginated: the members that have not signed, or
    the signatories that have not re-confirmed the current version (the desk shows the
    first few of each)."""
    coalition = get_object_or_404(Coalition, slug=slug)
    if not can_view_desk(request.user, coalition):
        raise Http404
    chosen = get_object_or_404(
        Statement.objects.with_current_text(bodies=False),
        coalition=coalition,
        slug=statement,
        state=State.OPEN,
    )
    stale = request.GET.get("list") == "not-reconfirmed"
    rows = not_reconfirmed(chosen) if stale else missing_members(coalition, chosen)
    return render(
        request,
        "collection/desk_statement.html",
        {
            "coalition": coalition,
            "statement": chosen,
            "stale": stale,
            "page": Paginator(rows, MEMBERS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


@require_POST
@login_required
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Approve, reject (with a reason) or merge one request; back to the desk."""
    sign_on = get_object_or_404(
        SignOnRequest.objects.select_related("statement", "statement__coalition"),
        pk=pk,
        statement__coalition__slug=slug,
    )
    coalition = sign_on.statement.coalition
    if not can_view_desk(request.user, coalition):
        raise Http404
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            actions.approve_sign_on(sign_on=sign_on, user=request.user)
            messages.success(request, _("Approved: the signature is on the list."))
        elif decision == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                raise ActionError(_("Say why the request is rejected; the requester is told."))
            actions.reject_sign_on(
                sign_on=sign_on, user=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Rejected; the requester is told why."))
        elif decision == "merge":
            merge = MergeForm(request.POST)
            if not merge.is_valid():
                raise ActionError(
                    " ".join(
                        merge.errors.get(
                            "organization", [_("Choose a known organization to merge into.")]
                        )
                    )
                )
            actions.merge_sign_on(
                sign_on=sign_on, organization=merge.cleaned_data["organization"], user=request.user
            )
            messages.success(request, _("Merged: the known organization's signature is listed."))
        else:
            require(False)
    except ActionError as error:
        messages.error(request, error.message)
    return redirect(reverse("desk", args=[coalition.slug]))
