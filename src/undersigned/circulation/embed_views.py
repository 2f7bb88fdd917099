"""A statement on another organization's website: the embed page and oEmbed.

The embed page is the only page other sites may frame. Its form posts to the embed page itself,
from inside the frame, so the post is same-origin; a post that a browser marks as coming from
another site is refused, and the action is the page's own (endorsements.actions.endorse, with
its rate limits, honeypot and confirmation by mail).
"""

from urllib.parse import urlsplit

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt

from undersigned.endorsements.forms import EndorseForm
from undersigned.endorsements.stats import endorsement_stats
from undersigned.endorsements.views import handle_endorsement, sent_from_elsewhere
from undersigned.signing.models import Signature
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader

EMBED_HEIGHT = 760


# Exempt from CSRF as the statement page's form is (no cookie reaches a frame on another
# site); Sec-Fetch-Site and Origin keep other sites from posting in its place.
@csrf_exempt
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def statement_embed(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    endorsing, status = None, 200
    if request.method == "POST":
        # Refused before the form is read: a page that another site may frame never shows
        # that site's posted values back in our form.
        if sent_from_elsewhere(request):
            return HttpResponse(_("This form can only be sent from its own page."), status=403)
        endorsing = handle_endorsement(request, statement)
        # "Check your mail" is the frame's page itself (200), whatever the page would answer.
        status = 200 if endorsing.pending else endorsing.status
    reading = text_for_reader(statement, request.LANGUAGE_CODE)
    return render(
        request,
        "circulation/embed.html",
        {
            "statement": statement,
            "text": reading.text,
            "signatory_count": Signature.objects.active().filter(statement=statement).count(),
            "stats": endorsement_stats(statement),
            "endorse_form": endorsing.form if endorsing else EndorseForm(),
            "pending": endorsing and endorsing.pending,
            "email": endorsing and endorsing.email,
            "mailed": endorsing and endorsing.mailed,
        },
        status=status,
    )


def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (oembed.com) for a statement's address: a rich type with our embed frame."""
    url = request.GET.get("url", "")
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": _("Only the JSON format is offered.")}, status=501)
    parts = urlsplit(url)
    # Our statements are at the public address; a client's Host header names nothing.
    if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(settings.SITE_URL).netloc:
        raise Http404
    language = get_language_from_path(parts.path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            raise Http404 from None
        if match.url_name not in ("statement", "statement-embed"):
            raise Http404
        statement = get_statement_for(request, match.kwargs["slug"])
        text = text_for_reader(statement, language).text
        embed = reverse("statement-embed", args=[statement.slug])
        card = reverse("statement-card", args=[statement.slug])
    width = _bounded(request.GET.get("maxwidth"), 640)
    height = _bounded(request.GET.get("maxheight"), EMBED_HEIGHT)
    base = settings.SITE_URL.rstrip("/")
    frame = (
        f'<iframe src="{base}{embed}" title="{escape(text.title)}" width="{width}" '
        f'height="{height}" style="border:0;max-width:100%" loading="lazy"></iframe>'
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": text.title,
            "provider_name": settings.SITE_NAME,
            "provider_url": base + "/",
            "html": frame,
            "width": width,
            "height": height,
            "thumbnail_url": base + card,
            "thumbnail_width": 1200,
            "thumbnail_height": 630,
        }
    )


def _bounded(value: str | None, default: int) -> int:
    try:
        return max(200, min(default, int(value))) if value else default
    except ValueError:
        return default
