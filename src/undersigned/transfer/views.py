"""The import page (staff paste a statement, review what the parser read, save it), the
download of a statement in the text formats, and the spreadsheets of its organizations and of a
coalition's members."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.db.models import F, Max
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_bidi
from django_countries import countries

from undersigned.coalitions.models import Coalition
from undersigned.coalitions.permissions import can_see_delegate_contacts
from undersigned.core.errors import ActionError
from undersigned.statements.selectors import get_statement_for, unknown_language
from undersigned.transfer.exporting import FORMATS, export_statement
from undersigned.transfer.forms import ImportForm, too_many_signatories
from undersigned.transfer.import_review import review
from undersigned.transfer.importing import (
    document_from_json,
    import_document,
    is_json,
    suggested_title,
)
from undersigned.transfer.spreadsheets import (
    FORMATS as SPREADSHEETS,
)
from undersigned.transfer.spreadsheets import (
    Sheet,
    members_sheet,
    statement_sheet,
    stream_csv,
    xlsx_bytes,
)

EXPORT_CACHE_SECONDS = 3600


def statement_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    if fmt not in FORMATS:
        raise Http404
    language = request.GET.get("language") or None
    if refused := unknown_language(statement, language):
        return refused
    content_type, extension = FORMATS[fmt]
    # A large list took 20 s to export, on every download: kept per last change of the
    # statement (a signature, a version) and of its texts. The same for everyone who may see it.
    newest_text = statement.texts.aggregate(newest=Max("pk"))["newest"]
    key = f"export:{statement.pk}:{statement.updated_at.isoformat()}:{newest_text}:{fmt}:{language}"
    content = cache.get(key)
    if content is None:
        content = export_statement(statement, fmt, language)
        cache.set(key, content, EXPORT_CACHE_SECONDS)
    response = HttpResponse(content, content_type=content_type)
    name = f"{statement.slug}-{language}" if language else statement.slug
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def statement_organizations(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The organizations on the statement's list as a spreadsheet; with the delegates' contacts
    for its coalition's coordinators."""
    statement = get_statement_for(request, slug, bodies=False)
    if fmt not in SPREADSHEETS:
        raise Http404
    contacts = can_see_delegate_contacts(request.user, statement.coalition)
    return _spreadsheet(statement_sheet(statement, contacts=contacts), fmt, private=contacts)


def coalition_members(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The coalition's members, each with its signature of each public statement (or of the one
    `?statement=` names); with the delegates' contacts for the coordinators."""
    coalition = get_object_or_404(Coalition, slug=slug)
    if fmt not in SPREADSHEETS:
        raise Http404
    statements = coalition.statements.public().with_current_text(bodies=False)
    if chosen := request.GET.get("statement"):
        statements = statements.filter(slug=chosen)
        if not statements:
            raise Http404
    statements = statements.order_by(F("issued_on").desc(nulls_last=True), "-created_at", "-pk")
    contacts = can_see_delegate_contacts(request.user, coalition)
    sheet = members_sheet(coalition, list(statements), contacts=contacts)
    return _spreadsheet(sheet, fmt, private=contacts)


def _spreadsheet(sheet: Sheet, fmt: str, *, private: bool) -> HttpResponse:
    if fmt == "csv":  # streamed: rows go out as they are read
        response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
            stream_csv(sheet), content_type=SPREADSHEETS[fmt]
        )
    else:
        content = xlsx_bytes(sheet, right_to_left=get_language_bidi())
        response = HttpResponse(content, content_type=SPREADSHEETS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{sheet.filename}.{fmt}"'
    if private:  # addresses: kept by no cache between us and the coordinator
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


@staff_member_required
def import_statement(request: HttpRequest) -> HttpResponse:
    """Paste a statement, correct what the parser read in the preview, then save it."""
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = corrections = None
    refusal = ""
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        try:  # a JSON export is read back field for field
            document = document_from_json(text) if is_json(text) else form.document
        except ActionError as error:
            form.add_error("text", error.message)
            return render(request, "transfer/import.html", {"form": form})
        if refused := too_many_signatories(document):  # an export's list, read field for field
            form.add_error("file" if form.cleaned_data.get("file") else "text", refused)
            return render(request, "transfer/import.html", {"form": form})
        corrections = review(document, text, request.POST)
        options = {
            "coalition": form.cleaned_data["coalition"],
            "title": form.cleaned_data["title"] or None,
            "language": form.cleaned_data["language"],
            "state": form.cleaned_data["state"],
            "separate": form.cleaned_data["separate"],
            "source": form.source,
            "user": request.user,
        }
        if corrections.document is not None:
            # The preview reads only (no transaction); the import plans again under its lock.
            options["parsed"] = corrections.parsed
            plan = import_document(corrections.document, dry_run=True, **options)
            corrections.attach(plan)
            wanted = request.POST.get("action") == "import"
            if wanted and corrections.ready and not plan.all_problems and not plan.changes_nothing:
                try:
                    saved = import_document(corrections.document, **options)
                except ActionError as error:
                    refusal = error.message
                else:
                    messages.success(request, " ".join(saved.summary()))
                    return redirect(saved.saved)
        # The preview carries the decoded text, so an uploaded file need not be sent again.
        title = form.cleaned_data["title"] or (
            suggested_title(document) if plan and not plan.title else ""
        )
        form = ImportForm(
            initial={
                **form.cleaned_data,
                "file": None,
                "title": title,
                "parsed_from": corrections.digest,
            }
        )
    return render(
        request,
        "transfer/import.html",
        {
            "form": form,
            "plan": plan,
            "review": corrections,
            "refusal": refusal,
            "countries": countries,
        },
    )
