"""The review's rows as HTML, written here rather than by Django's widget templates: a
2,000-line list drew 18,000 widgets through the form renderer (40 s, 3 MB). Each row has the
inputs SignatoryForm reads back, named as the formset names them. A cell whose value the
parser was unsure of carries a visible mark and points to the legend that explains it."""

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
# The columns whose cells may be marked unsure: the text columns and the kind.
MARKABLE = (*TEXT_COLUMNS, "kind")
# The id of the legend's sentence that says what the mark means (transfer/import.html).
UNSURE_LEGEND = "unsure-legend"
_DESCRIBED = mark_safe(f' class="unsure" aria-describedby="{UNSURE_LEGEND}"')


def unsure_mark() -> SafeString:
    """The mark put in front of an unsure cell's input; translated once per page."""
    return format_html(
        '<span class="mark-unsure" data-testid="unsure-field" title="{}" aria-hidden="true">'
        "⚠</span>",
        _("unsure: check this"),
    )


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
    unsure: frozenset[str] = frozenset(),
    mark: SafeString | str = "",
) -> dict[str, SafeString]:
    """The inputs of one row, by column; "keep" holds the tick and the values that travel
    unseen (the list number, the parser's doubt, the entry as it read it). The columns in
    unsure get the mark and a pointer to the legend."""
    cells = {
        name: format_html(
            '{}<input type="text" name="{}-{}" value="{}" dir="auto" aria-label="{}"{}{}>{}',
            mark if name in unsure else "",
            prefix,
            name,
            values.get(name) or "",
            labels[name] % {"row": row},
            _ATTRIBUTES[name],
            _DESCRIBED if name in unsure else "",
            _error_list(errors.get(name)),
        )
        for name in TEXT_COLUMNS
    }
    cells["keep"] = format_html(
        '<input type="checkbox" name="{0}-keep" aria-label="{1}"{2}>'
        '<input type="hidden" name="{0}-number" value="{3}">'
        '<input type="hidden" name="{0}-confidence" value="{4}">'
        '<input type="hidden" name="{0}-parsed" value="{5}">'
        '<input type="hidden" name="{0}-unsure" value="{6}">',
        prefix,
        labels["keep"] % {"row": row},
        mark_safe(" checked") if keep else "",
        values.get("number") or "",
        values.get("confidence") or "",
        values.get("parsed") or "",
        values.get("unsure") or "",
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
        '{}<select name="{}-kind" aria-label="{}"{} required>{}</select>{}',
        mark if "kind" in unsure else "",
        prefix,
        labels["kind"] % {"row": row},
        _DESCRIBED if "kind" in unsure else "",
        options,
        _error_list(errors.get("kind")),
    )
    return cells


def _error_list(errors: list[str] | None) -> SafeString | str:
    if not errors:
        return ""
    items = format_html_join("", "<li>{}</li>", ((error,) for error in errors))
    return format_html('<ul class="errorlist">{}</ul>', items)
