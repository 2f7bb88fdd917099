"""Template tags for carrying a statement elsewhere: absolute addresses and share links."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import translation

from undersigned.circulation.summary import text_summary

register = template.Library()

# Open Graph wants a locale, not a language.
OG_LOCALES = {
    "en": "en_GB",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "tr": "tr_TR",
    "fa": "fa_IR",
}


def _absolute(request: HttpRequest | None, path: str) -> str:
    """The public address, from SITE_URL: never the request's Host header, which a client
    chooses and which would end up in cached pages."""
    return settings.SITE_URL.rstrip("/") + path


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return _absolute(context.get("request"), path)


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str, name: str, *args) -> str:
    """The absolute address of a named page in a language (/fa/… for Persian)."""
    with translation.override(language):
        path = reverse(name, args=args)
    return _absolute(context.get("request"), path)


@register.simple_tag(takes_context=True)
def absolute_translated_path(context, language: str) -> str:
    """This page's absolute address in another language, for hreflang alternates."""
    request = context["request"]
    return _absolute(request, translate_url(request.get_full_path(), language))


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


@register.filter
def urlquote(value: str) -> str:
    return quote(str(value), safe="")


@register.filter
def summary(text) -> str:
    return text_summary(text)


@register.simple_tag
def statement_log(statement) -> dict | None:
    """The statement's transparency log as the page shows it: its size and signed checkpoint."""
    from undersigned.statements.models import State
    from undersigned.transparency import services

    if not State(statement.state).is_public:
        return None
    size = services.size(statement.pk)
    return {
        "size": size,
        "checkpoint": services.signed_checkpoint(statement.pk, size, size_known=True),
    }
