"""The review's rows as HTML, written here rather than by Django's widget templates: a
2,000-line list drew 18,000 widgets through the form renderer (40 s, 3 MB). Each row has the
inputs SignatoryForm reads back, named as the formset names them."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# The columns staff edit, with the attributes of their inputs.
TEXT_COLUMNS = {
    "abbreviation": {"size": "8"},
    "name": {},
    "name_en": {},
    "country": {"list": "countries", "size": "6", "maxlength": "100"},
    "affiliation": {},
}
_ATTRIBUTES = {
    name: format_html_join("", ' {}="{}"', attrs.items()) for name, attrs in TEXT_COLUMNS.items()
}


def label_patterns(labels: dict[str, str]) -> dict[str, str]:
    """Inputs in a table have no <label>: each is named after its column and its row. The
    pattern is translated once for all rows, its row number filled in per row."""
    pattern = _("%(field)s, row %(row)d")
    return {
        name: pattern.replace("%(field)s", str(label).replace("%", "%%"))
        for name, label in labels.items()
    }


def row_cells(
    *,
    prefix: str,
    row: int,
    values: dict[str, str],
    keep: bool,
    errors: dict[str, list[str]],
    labels: dict[str, str],
    kinds: list[tuple[str, str]],
) -> dict[str, SafeString]:
    """The inputs of one row, by column; "keep" holds the tick and the values that travel
    unseen (the list number, the parser's doubt, the entry as it read it)."""
    cells = {
        name: format_html(
            '<input type="text" name="{}-{}" value="{}" dir="auto" aria-label="{}"{}>{}',
            prefix,
            name,
            values.get(name) or "",
            labels[name] % {"row": row},
            _ATTRIBUTES[name],
            _error_list(errors.get(name)),
        )
        for name in TEXT_COLUMNS
    }
    cells["keep"] = format_html(
        '<input type="checkbox" name="{0}-keep" aria-label="{1}"{2}>'
        '<input type="hidden" name="{0}-number" value="{3}">'
        '<input type="hidden" name="{0}-confidence" value="{4}">'
        '<input type="hidden" name="{0}-parsed" value="{5}">',
        prefix,
        labels["keep"] % {"row": row},
        mark_safe(" checked") if keep else "",
        values.get("number") or "",
        values.get("confidence") or "",
        values.get("parsed") or "",
    )
    chosen = values.get("kind") or "organization"
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if value == chosen else "", label)
            for value, label in kinds
        ),
    )
    cells["kind"] = format_html(
        '<select name="{}-kind" aria-label="{}" required>{}</select>{}',
        prefix,
        labels["kind"] % {"row": row},
        options,
        _error_list(errors.get("kind")),
    )
    return cells


def _error_list(errors: list[str] | None) -> SafeString | str:
    if not errors:
        return ""
    items = format_html_join("", "<li>{}</li>", ((error,) for error in errors))
    return format_html('<ul class="errorlist">{}</ul>', items)
