"""The statement as a PDF, in the layout of the published texts, made with WeasyPrint.

WeasyPrint takes seconds for a long list, and a text can be written that it cannot lay out in
minutes: a PDF is never made in a request. `pdf_jobs.py` queues it for the task worker,
which renders it in a child process under a time and a memory limit and keeps the outcome.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from undersigned.circulation.pdf_render import html_to_pdf
from undersigned.endorsements.stats import endorsement_stats
from undersigned.signing.selectors import BY_REGION, SignatoryList, signatory_list
from undersigned.statements.models import Statement

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
# Above this many signatories the list runs in one column: WeasyPrint balances columns by laying
# them out again and again, which more than doubles the time of a long list.
COMPACT_ABOVE = 600


def pdf_html(
    statement: Statement,
    language: str,
    size: str = "a4",
    signatories: SignatoryList | None = None,
) -> str:
    """The HTML that WeasyPrint lays out: the statement's current text in `language`."""
    if signatories is None:
        signatories = signatory_list(statement, order=BY_REGION)
    # The words around the text ("Signatories (as of …)", dates, digits) in its language.
    with translation.override(language):
        return render_to_string(
            "circulation/statement.pdf.html",
            {
                "statement": statement,
                "text": statement.current_text(language),
                "rtl": translation.get_language_bidi(),
                "signatories": signatories,
                "compact": signatories.count > COMPACT_ABOVE,
                "endorsements": endorsement_stats(statement).confirmed,
                "page_size": PAGE_SIZES.get(size, "A4"),
                "source_url": settings.SITE_URL + statement.get_absolute_url(),
            },
        )


def render_pdf(statement: Statement, language: str, size: str = "a4") -> bytes:
    """The PDF, made in this process without limits: for texts one trusts (tests, tools).
    Everything else goes through pdf_jobs.make_pdf."""
    return html_to_pdf(pdf_html(statement, language, size).encode())
