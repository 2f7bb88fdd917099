from django import template
from django.utils.safestring import SafeString
from django_countries import countries

from undersigned.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render user Markdown to sanitized HTML."""
    return render_markdown(text or "")


@register.filter
def country_name(code: str | None) -> str:
    """The name of an ISO 3166 country code in the current language."""
    return (countries.name(code) or code) if code else ""
