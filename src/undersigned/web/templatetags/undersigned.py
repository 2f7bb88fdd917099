from django import template
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django_countries import countries

from undersigned.audit.history import describe
from undersigned.core.l10n import (
    list_separator,
    local_date,
    local_datetime,
    local_number,
    local_time,
    text_direction,
)
from undersigned.core.markdown import render_markdown
from undersigned.statements import blockdiff
from undersigned.statements.translations import text_for_reader

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render user Markdown to sanitized HTML."""
    return render_markdown(text or "")


@register.filter
def country_name(code: str | None) -> str:
    """The name of an ISO 3166 country code in the current language."""
    return (countries.name(code) or code) if code else ""


@register.filter
def localdate(value) -> str:
    """15 September 2021 / 15. September 2021 / ۱۵ سپتامبر ۲۰۲۱, in the reader's language."""
    return local_date(value)


@register.filter
def localmonth(value) -> str:
    return local_date(value, month_only=True)


@register.filter
def localdatetime(value) -> str:
    return local_datetime(value)


@register.filter
def localnumber(value) -> str:
    return local_number(value)


@register.simple_tag(takes_context=True)
def translated_path(context, language: str) -> str:
    """This page's address in another language."""
    return translate_url(context["request"].get_full_path(), language)


@register.filter
def for_reader(statement, language: str):
    """The text of a statement to show a reader of this language (a current translation, else
    the original), from the prefetched texts."""
    return text_for_reader(statement, language).text


@register.filter
def change_summary(change: dict) -> str:
    """ "Paragraph 3, changed:" for a change a mail carries as data (BlockChange.as_data)."""
    return blockdiff.change_summary(change["status"], change["kind"], change["number"])


@register.filter
def mail_marks(html: str) -> SafeString:
    """The escaped words of a block diff (BlockChange.as_data's html, which a queued mail
    carries as a plain string), their <ins> and <del> coloured with inline styles: mail
    clients drop style sheets."""
    return mark_safe(
        str(html)
        .replace("<ins>", '<ins style="background:#dcfce7;color:#14532d;">')
        .replace("<del>", '<del style="background:#fee2e2;color:#7f1d1d;">')
    )


@register.simple_tag
def block_changes(old, new) -> list:
    """The changes between two versions, block by block (statements.blockdiff)."""
    return blockdiff.block_diff(old, new)


@register.filter
def history_sentence(event) -> str:
    """What happened, in the reader's language with its digits, names set apart from the
    sentence (right to left)."""
    return describe(event, number=local_number, isolate=True)


@register.filter
def reader_title(statement, language: str) -> str:
    """The title the reader of this language reads: a current translation's, else the
    original's."""
    text = text_for_reader(statement, language).text
    return text.title if text else statement.slug


class _Count(int):
    """A number for {% blocktranslate count %}: the plural form is chosen from the number, and
    the number is printed in the reader's digits (Persian ۳۴, not 34)."""

    def __str__(self) -> str:
        return local_number(int(self))

    def __html__(self) -> str:
        return str(self)


@register.filter
def counted(value) -> int:
    """{% blocktranslate count counter=n|counted %}: plural by n, digits of the reader."""
    return _Count(value or 0)


@register.filter
def localclock(value) -> str:
    """14:05:09 / ۱۴:۰۵:۰۹: a time to the second, in the reader's digits."""
    return local_time(value, seconds=True)


@register.simple_tag
def list_comma() -> str:
    """The separator between a name and its country or affiliation: one per language (the
    Persian comma in Persian), the same for organizations and people."""
    return list_separator()


@register.filter
def direction(text: str) -> str:
    """dir="ltr" or "rtl" for a name, decided here for the PDF renderer, which reads no
    dir="auto"."""
    return text_direction(text)
