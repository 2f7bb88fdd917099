"""Pages and files that carry a statement elsewhere: the PDF, share cards, the embed."""

from django.http import Http404, HttpRequest, HttpResponse

from undersigned.circulation.cards import share_card
from undersigned.circulation.pdf import PAGE_SIZES, statement_pdf
from undersigned.statements.selectors import get_statement_for


def statement_pdf_view(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    language = request.GET.get("language") or None
    if language and statement.current_text(language) is None:
        raise Http404
    size = request.GET.get("size", "a4").lower()
    if size not in PAGE_SIZES:
        raise Http404
    response = HttpResponse(
        statement_pdf(statement, language, size), content_type="application/pdf"
    )
    name = f"{statement.slug}-{language}" if language else statement.slug
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def statement_card(request: HttpRequest, slug: str) -> HttpResponse:
    """The share card in the language of the address (/fa/s/…/card.png is Persian)."""
    statement = get_statement_for(request, slug)
    response = HttpResponse(share_card(statement, request.LANGUAGE_CODE), content_type="image/png")
    # Networks fetch it once per share; an hour keeps a new signature count from lagging long.
    response["Cache-Control"] = "public, max-age=3600"
    return response
