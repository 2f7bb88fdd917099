"""Individual endorsements: sign, confirm, remove, the public list, exports and moderation."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from undersigned.coalitions.permissions import can_edit_statement, require
from undersigned.core.errors import ActionError
from undersigned.core.fillin import render_filled_in
from undersigned.core.pagecache import is_personal
from undersigned.core.ratelimit import client_ip
from undersigned.endorsements import actions
from undersigned.endorsements.exports import FULL_FIELDS, PUBLIC_FIELDS, stream_csv, stream_json
from undersigned.endorsements.forms import EndorseForm
from undersigned.endorsements.models import Endorsement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader

PAGE_SIZE = 100


def _origins(request: HttpRequest) -> set[str]:
    """Where our own pages are: this request's site, SITE_URL and CSRF_TRUSTED_ORIGINS."""
    site = urlsplit(settings.SITE_URL)
    return {
        f"{request.scheme}://{request.get_host()}",
        f"{site.scheme}://{site.netloc}",
        *settings.CSRF_TRUSTED_ORIGINS,
    }


def sent_from_elsewhere(request: HttpRequest) -> bool:
    """Whether a browser sent this POST from another site's page.

    The form carries no CSRF token, so that the statement page can be one cached page for
    everyone; browsers say where a POST comes from instead. Sec-Fetch-Site (every current
    browser) must be same-origin; Origin, when sent, must be one of ours ("null", from a
    sandboxed frame or a privacy redirect, is not). A page of ours framed by another site (the
    embeddable form) is still our document: its posts are same-origin. A client that sends
    neither header is no browser a forging page could drive.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    return origin is not None and origin not in _origins(request)


@dataclass
class Endorsing:
    """What became of a posted endorse form: "check your mail" (`email` set), or the form back
    with its errors and the status of the refusal."""

    form: EndorseForm
    status: int
    email: str | None = None
    mailed: bool = True

    @property
    def pending(self) -> bool:
        return self.email is not None


def handle_endorsement(request: HttpRequest, statement) -> Endorsing:
    """The endorse form's POST, for the statement page and the embed alike: checked, then the
    action (endorsements.actions.endorse, with its rate limits and mail).

    The answer is the same whether or not the address had signed (that would tell anyone who
    signed, even those who chose not to be listed); the mail to the address says which.
    """
    form = EndorseForm(request.POST)
    if sent_from_elsewhere(request):
        form.is_valid()
        form.add_error(
            None,
            _("This form was sent from another site. Open the statement here and sign there."),
        )
        return Endorsing(form, 403)
    if not form.is_valid():
        return Endorsing(form, 400)
    data = form.cleaned_data
    if form.is_bot:  # answer as if it worked; store nothing
        return Endorsing(form, 201, data["email"])
    try:
        result = actions.endorse(
            statement=statement,
            name=data["name"],
            email=data["email"],
            country=data["country"],
            affiliation=data["affiliation"],
            listed=data["listed"],
            client=client_ip(request),
        )
    except actions.RateLimited as error:
        form.add_error(None, error.message)
        return Endorsing(form, 429)
    except ActionError as error:
        form.add_error(None, error.message)
        return Endorsing(form, 409)
    return Endorsing(form, 201, data["email"], result.mailed)


@csrf_exempt  # checked by origin instead: sent_from_elsewhere
@require_POST
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    """Add your name. With htmx the answer replaces the form in place; without, a full page."""
    statement = get_statement_for(request, slug, bodies=False)  # the answer shows the title
    endorsing = handle_endorsement(request, statement)
    in_place = request.headers.get("HX-Request") == "true"
    if endorsing.pending:
        return _pending(
            request, statement, in_place, email=endorsing.email, mailed=endorsing.mailed
        )
    template = "endorsements/_form.html" if in_place else "endorsements/endorse_page.html"
    # htmx swaps only 2xx answers; the form with its messages must show all the same.
    return render(
        request,
        template,
        {"statement": statement, "endorse_form": endorsing.form},
        status=200 if in_place else endorsing.status,
    )


def _pending(
    request, statement, in_place: bool, *, email: str, mailed: bool = True
) -> HttpResponse:
    """ "Almost done", new signature or not; when the mail limit sent nothing, it says so."""
    template = "endorsements/_pending.html" if in_place else "endorsements/pending.html"
    # htmx swaps only 2xx answers, so in place the refusal is a 200 that says it.
    status = 201 if mailed else (200 if in_place else 429)
    context = {"statement": statement, "mailed": mailed}
    if is_personal(request):
        return render(request, template, {**context, "email": email}, status=status)
    # Everyone else gets the same page but for the address: rendered once (core.fillin).
    title = text_for_reader(statement, request.LANGUAGE_CODE).text
    key = (statement.slug, title.title if title else "", mailed)
    page = render_filled_in(request, template, context, {"email": email}, key)
    return HttpResponse(page, status=status)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the mail opens this page; only its button (a POST) confirms."""
    try:
        endorsement = (
            actions.confirm_endorsement(token)
            if request.method == "POST"
            else actions.endorsement_from_confirm_token(token)
        )
    except ActionError as error:
        return render(
            request, "endorsements/link_invalid.html", {"message": error.message}, status=410
        )
    return render(
        request,
        "endorsements/confirm.html",
        {"endorsement": endorsement, "statement": endorsement.statement},
    )


def remove(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            statement = actions.remove_endorsement(token)
            messages.success(request, _("Your signature and your e-mail address are deleted."))
            return redirect(statement)
        endorsement = actions.endorsement_from_remove_token(token)
    except ActionError as error:
        return render(
            request, "endorsements/link_invalid.html", {"message": error.message}, status=410
        )
    return render(
        request,
        "endorsements/remove.html",
        {"endorsement": endorsement, "statement": endorsement.statement},
    )


def people(request: HttpRequest, slug: str) -> HttpResponse:
    """The people who consented to be listed, paginated and searchable."""
    statement = get_statement_for(request, slug, bodies=False)
    query = request.GET.get("q", "").strip()[:100]
    can_moderate = can_edit_statement(request.user, statement)
    listed = Endorsement.objects.filter(statement=statement)
    # Coordinators see every entry that is not hidden yet, to find spam; the public the listed.
    listed = listed.filter(hidden=False) if can_moderate else listed.listed_publicly()
    if query:
        listed = listed.filter(name__icontains=query)
    page = Paginator(
        listed.order_by("-id").only("name", "country", "affiliation", "listed", "confirmed_at"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "endorsements/people.html",
        {
            "statement": statement,
            "page": page,
            "query": query,
            "can_moderate": can_moderate,
        },
    )


def export(request: HttpRequest, slug: str, audience: str, fmt: str) -> StreamingHttpResponse:
    """public: listed people without e-mail; full: everyone with e-mail, for coordinators."""
    statement = get_statement_for(request, slug, bodies=False)
    if fmt not in ("csv", "json") or audience not in ("public", "full"):
        raise Http404
    rows = Endorsement.objects.filter(statement=statement)
    if audience == "full":
        require(can_edit_statement(request.user, statement))
        fields = FULL_FIELDS
    else:
        rows, fields = rows.listed_publicly(), PUBLIC_FIELDS
    stream = stream_csv(rows, fields) if fmt == "csv" else stream_json(rows, fields)
    response = StreamingHttpResponse(
        stream,
        content_type="text/csv; charset=utf-8" if fmt == "csv" else "application/json",
    )
    name = f"{statement.slug}-{'signatories' if audience == 'public' else 'endorsements'}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@login_required
def hide(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug, bodies=False)
    ids = [int(pk) for pk in request.POST.getlist("endorsement") if pk.isdigit()]
    hidden = actions.hide_endorsements(statement=statement, ids=ids, user=request.user)
    messages.success(request, _("%(n)d entries hidden.") % {"n": hidden})
    return redirect("endorsement-people", slug=statement.slug)
