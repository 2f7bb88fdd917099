"""A coordinator prints the ICOR resolution from the browser: text and list, no forms or map."""

import io

from pypdf import PdfReader

from undersigned.circulation.pdf import render_pdf
from undersigned.statements.models import State


def test_the_printout_fits_the_way_the_pdf_does(page, resolution):
    assert resolution.state == State.OPEN  # so the page has its sign form, map and chart
    page.goto(resolution.get_absolute_url())
    assert page.locator("form.endorse-form").is_visible()
    page.emulate_media(media="print")
    for hidden in ("form.endorse-form", ".numbers__figure", ".site-header", ".downloads"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".signatory-list > li").first.is_visible()
    printout = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    ours = PdfReader(io.BytesIO(render_pdf(resolution, "en", "a4")))
    text = "".join(p.extract_text() for p in printout.pages)
    assert "Add your name" not in text and "BDP" in text
    # Browsers lay type out a little differently from WeasyPrint: a page either way.
    assert len(printout.pages) <= len(ours.pages) + 1, (len(printout.pages), len(ours.pages))
