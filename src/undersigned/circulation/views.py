"""Pages and files that carry a statement elsewhere: the PDF, share cards, the embed."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from undersigned.circulation.cards import share_card
from undersigned.circulation.pdf import PAGE_SIZES
from undersigned.circulation.pdf_jobs import ask_for_pdf, pdf_status_response
from undersigned.statements.selectors import get_statement_for, refusal, unknown_language


def statement_pdf_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The PDF once the task worker has made it; meanwhile "being prepared" (pdf_jobs)."""
    statement = get_statement_for(request, slug)
    asked = request.GET.get("language") or None
    if refused := unknown_language(statement, asked):
        return refused
    language = asked or statement.original_language
    size = request.GET.get("size", "a4").lower()
    if size not in PAGE_SIZES:
        return refusal(
            _("There is no page size “%(size)s”. Page sizes: %(sizes)s.")
            % {"size": size, "sizes": ", ".join(PAGE_SIZES)}
        )
    outcome = ask_for_pdf(statement, language, size)
    if outcome is None or outcome.pdf is None:
        return pdf_status_response(request, statement, language, outcome)
    response = HttpResponse(outcome.pdf, content_type="application/pdf")
    name = f"{statement.slug}-{asked}" if asked else statement.slug
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def statement_card(request: HttpRequest, slug: str) -> HttpResponse:
    """The share card in the language of the address (/fa/s/…/card.png is Persian)."""
    statement = get_statement_for(request, slug)
    response = HttpResponse(share_card(statement, request.LANGUAGE_CODE), content_type="image/png")
    # Networks fetch it once per share; an hour keeps a new signature count from lagging long.
    response["Cache-Control"] = "public, max-age=3600"
    return response
