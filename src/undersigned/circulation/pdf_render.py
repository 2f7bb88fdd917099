"""HTML to PDF with WeasyPrint: what the child process of a PDF render runs (core.sandbox).

No Django here, nor anything that imports it: the child is a bare interpreter.
"""


class NoFetching(Exception):
    pass


def _refuse_urls(url: str, *args, **kwargs) -> dict:
    """WeasyPrint fetches images and stylesheets it finds; a statement's text must never make
    the server fetch anything (its Markdown allows no images, but links are no business of a
    PDF renderer either)."""
    raise NoFetching(url)


def html_to_pdf(html: bytes) -> bytes:
    from weasyprint import HTML  # imported on first use: it loads Pango, which takes a moment

    return HTML(string=html.decode("utf-8"), url_fetcher=_refuse_urls).write_pdf()
