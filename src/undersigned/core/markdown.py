"""Markdown from users, rendered to HTML that is safe to put on a page.

markdown-it-py with raw HTML turned off parses the text; nh3 then keeps only the tags a statement
needs, so neither the parser nor a future option can let user HTML through.

Both load on the first text rendered, not with this module: most web processes answer from the
page cache and never render one, and the two hold about 2.5 MB in each process that does.
"""

from functools import cache, lru_cache

from django.utils.safestring import SafeString, mark_safe

_ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@lru_cache(maxsize=256)
def render_markdown(text: str) -> SafeString:
    import nh3

    html = _parser().render(text)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "ol": {"start"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)
