"""The sentence under a shared link or a feed entry's title."""

import html

from django.utils.html import strip_tags

from undersigned.core.markdown import render_markdown
from undersigned.statements.models import Text


def text_summary(text: Text) -> str:
    """The subtitle, else the first paragraph that is not the title again, as plain text."""
    if text.subtitle:
        return text.subtitle
    for paragraph in text.paragraphs:
        plain = html.unescape(strip_tags(render_markdown(paragraph))).strip()
        if plain and plain != text.title.strip():
            return plain
    return text.title
