"""The statement as a PDF, in the layout of the published texts, made with WeasyPrint.

A PDF is rendered once per statement, language, page size and last change (a signature, a
withdrawal or a new version touches the statement), then served from the cache: WeasyPrint
takes about a second for a long list, far too long to do per request.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from undersigned.endorsements.stats import endorsement_stats
from undersigned.signing.selectors import BY_REGION, signatory_list
from undersigned.statements.models import Statement

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
_CACHE_SECONDS = 7 * 24 * 3600


class NoFetching(Exception):
    pass


def _refuse_urls(url: str, *args, **kwargs) -> dict:
    """WeasyPrint fetches images and stylesheets it finds; a statement's text must never make
    the server fetch anything (its Markdown allows no images, but links are no business of a
    PDF renderer either)."""
    raise NoFetching(url)


def statement_pdf(statement: Statement, language: str | None = None, size: str = "a4") -> bytes:
    """The PDF of the statement's current text in `language` (the original by default)."""
    language = language or statement.original_language
    key = f"pdf:{statement.pk}:{language}:{size}:{statement.updated_at.timestamp()}"
    if (cached := cache.get(key)) is not None:
        return cached
    content = render_pdf(statement, language, size)
    cache.set(key, content, _CACHE_SECONDS)
    return content


def render_pdf(statement: Statement, language: str, size: str = "a4") -> bytes:
    from weasyprint import HTML  # imported on first use: it loads Pango, which takes a moment

    text = statement.current_text(language)
    # The words around the text ("Signatories (as of …)", dates, digits) in its language.
    with translation.override(language):
        html = render_to_string(
            "circulation/statement.pdf.html",
            {
                "statement": statement,
                "text": text,
                "rtl": translation.get_language_bidi(),
                "signatories": signatory_list(statement, order=BY_REGION),
                "endorsements": endorsement_stats(statement).confirmed,
                "page_size": PAGE_SIZES.get(size, "A4"),
                "source_url": settings.SITE_URL + statement.get_absolute_url(),
            },
        )
    return HTML(string=html, url_fetcher=_refuse_urls).write_pdf()
