"""Forms without a CSRF token (on pages cached for everyone) check where a POST comes from."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


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
