"""Pages that are the same for every visitor but for a value or two: rendered once per process,
the personal values filled in per request.

The answer to a signature ("Check your mail: we sent a link to ana@example.org") is the whole
site template around one address. When a statement goes viral it is rendered thousands of
times a minute, identically but for that address: here it is rendered once per key, with a
marker where the address goes, and each answer fills in its own address, escaped as the
template would have.
"""

from collections.abc import Hashable

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import escape

_KEPT = 64
_pages: dict[Hashable, str] = {}


def _marker(name: str) -> str:
    # Private-use characters: nothing a template writes, and escaping leaves them as they are.
    return f"\ue000{name}\ue001"


def render_filled_in(
    request: HttpRequest, template: str, context: dict, personal: dict[str, str], key: Hashable
) -> str:
    """render_to_string(template, context | personal), for an anonymous request whose page
    depends on nothing but `key` (which must name everything in `context` that varies) and the
    `personal` values, which the template must only print, as they are."""
    full_key = (template, request.LANGUAGE_CODE, key)
    page = _pages.get(full_key)
    if page is None:
        markers = {name: _marker(name) for name in personal}
        page = render_to_string(template, {**context, **markers}, request)
        if len(_pages) >= _KEPT:
            del _pages[next(iter(_pages))]
        _pages[full_key] = page
    for name, value in personal.items():
        page = page.replace(_marker(name), escape(value))
    return page
