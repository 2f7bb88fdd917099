"""The import page (staff paste a statement, review what the parser read, save it) and the
download of a statement in the text formats."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_countries import countries

from undersigned.core.errors import ActionError
from undersigned.statements.selectors import get_statement_for
from undersigned.transfer.exporting import FORMATS, export_statement
from undersigned.transfer.forms import ImportForm
from undersigned.transfer.import_review import review
from undersigned.transfer.importing import (
    document_from_json,
    import_document,
    is_json,
    suggested_title,
)

EXPORT_CACHE_SECONDS = 3600


def statement_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    if fmt not in FORMATS:
        raise Http404
    language = request.GET.get("language") or None
    if language and statement.current_text(language) is None:
        raise Http404
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
        corrections = review(document, text, request.POST)
        options = {
            "coalition": form.cleaned_data["coalition"],
            "title": form.cleaned_data["title"] or None,
            "language": form.cleaned_data["language"],
            "state": form.cleaned_data["state"],
            "source": form.source,
            "user": request.user,
        }
        if corrections.document is not None:
            # The preview reads only (no transaction); the import plans again under its lock.
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
