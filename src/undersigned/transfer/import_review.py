"""The import page's review: every parsed signatory as a row staff correct before saving.

The rows travel with the form: the first preview fills them from the parse, each later preview
(and the import) takes them as staff left them, so what they corrected is what is saved. Rows
can be changed, dropped (untick "Import"), and added: from lines the parser did not take, or
typed in. Nothing here writes.
"""

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field

from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from undersigned import textformat
from undersigned.textformat import Document, Signatory
from undersigned.transfer.importing import LIMITS, LOW_CONFIDENCE, EntryPlan, ImportPlan
from undersigned.transfer.review_table import (
    MARKABLE,
    TEXT_COLUMNS,
    label_patterns,
    row_cells,
    unsure_mark,
)

PREFIX = "entries"
BLANK_ROWS = 2  # empty rows under the list, for signatories the parser missed
# Lines the parser left out of the list that may still be signatories: offered to be taken.
_MISSABLE_ROLES = {"footer", "decoy", "note"}
_LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,4}[.)]|[-*•–·])\s+")


class SignatoryForm(forms.Form):
    """One row of the list: what will be stored for one signatory."""

    keep = forms.BooleanField(label=gettext_lazy("Import"), required=False, initial=True)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[
            ("organization", gettext_lazy("Organization")),
            ("person", gettext_lazy("Person")),
        ],
        initial="organization",
    )
    abbreviation = forms.CharField(label=gettext_lazy("Abbreviation"), required=False)
    name = forms.CharField(label=gettext_lazy("Name"), required=False)
    name_en = forms.CharField(label=gettext_lazy("English name"), required=False)
    country = forms.CharField(label=gettext_lazy("Country"), required=False, max_length=100)
    affiliation = forms.CharField(label=gettext_lazy("Affiliation"), required=False)
    number = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The parser's certainty, carried from preview to preview so the mark stays on the row.
    confidence = forms.FloatField(required=False, widget=forms.HiddenInput)
    # The entry as the parser read it (JSON), carried so that a correction is remembered as an
    # alias of its organization; empty for a row staff added.
    parsed = forms.CharField(required=False, widget=forms.HiddenInput)
    # The cells the parser was unsure of, with the value it read (JSON): a cell stays marked
    # until staff change it.
    unsure = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_country(self) -> str:
        value = self.cleaned_data["country"].strip()
        if not value or not self.cleaned_data.get("keep"):
            return ""  # a dropped row is not checked: it is not stored
        if value.upper() in countries:
            return value.upper()
        code = textformat.country_name_code(value) or textformat.country_from_text(value)
        if code is None:
            raise forms.ValidationError(_("Unknown country: give its name or its two-letter code."))
        return code

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not cleaned.get("keep"):
            return cleaned
        named = any(cleaned.get(f) for f in ("abbreviation", "name_en", "affiliation"))
        if not cleaned.get("name"):
            if named:
                self.add_error("name", _("A signatory needs a name."))
            return cleaned
        kind = "person" if cleaned.get("kind") == "person" else "organization"
        for name, limit in LIMITS[kind].items():
            value = cleaned.get(name) or ""
            if len(value) > limit:
                self.add_error(
                    name,
                    _("%(length)d characters: at most %(limit)d fit.")
                    % {"length": len(value), "limit": limit},
                )
        return cleaned

    @property
    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("keep") and self.cleaned_data.get("name"))

    def signatory(self) -> Signatory:
        data = self.cleaned_data
        person = data["kind"] == "person"
        return Signatory(
            number=data.get("number"),
            abbreviation=None if person else (data.get("abbreviation") or None),
            name=" ".join(data["name"].split()),
            name_en=None if person else (data.get("name_en") or None),
            country=data.get("country") or None,
            group=None,
            kind="person" if person else "organization",
            affiliation=(data.get("affiliation") or None) if person else None,
            confidence=1.0 if data.get("confidence") is None else data["confidence"],
        )

    def parsed_signatory(self) -> Signatory | None:
        """The entry as the parser read it, if the row came from the parse."""
        try:
            read = json.loads(self.cleaned_data.get("parsed") or "null")
            if not isinstance(read, dict):
                return None
            return Signatory(
                number=None,
                abbreviation=str(read.get("abbreviation") or "") or None,
                name=str(read.get("name") or ""),
                name_en=None,
                country=str(read.get("country") or "") or None,
                group=None,
                kind="person" if read.get("kind") == "person" else "organization",
                affiliation=None,
            )
        except ValueError:
            return None


SignatoryFormSet = formset_factory(SignatoryForm, extra=0, max_num=5000, absolute_max=5000)


class AddForm(forms.Form):
    """Signatories the parser missed: lines of the text it left out, or lines typed in."""

    take = forms.MultipleChoiceField(
        label=gettext_lazy("Lines not taken as signatories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick a line that is a signatory to add it to the list."),
    )
    more = forms.CharField(
        label=gettext_lazy("Add signatories"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line, written as in the list."),
    )
    taken = forms.CharField(required=False, widget=forms.HiddenInput)  # line numbers taken

    def __init__(self, *args, lines: list[tuple[int, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["take"].choices = [(str(number), text) for number, text in lines]

    @property
    def pending(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("take") or data.get("more", "").strip())


@dataclass
class Row:
    """One row of the review: its form (validated) and its inputs, drawn by review_table."""

    form: SignatoryForm
    cells: dict
    keep: bool
    values: dict[str, str]
    has_errors: bool
    plan: EntryPlan | None = None

    @property
    def counted(self) -> bool:
        """Whether the row is one of the plan's entries: valid, kept and named."""
        return not self.has_errors and not self.form.is_blank

    @property
    def low_confidence(self) -> bool:
        confidence = self.values.get("confidence")
        try:
            return confidence not in (None, "") and float(confidence) < LOW_CONFIDENCE
        except ValueError:
            return False


@dataclass
class Review:
    """The rows of the preview, the lines that may be added, and the corrected document."""

    formset: object
    add_form: AddForm
    digest: str
    document: Document | None  # None while a row has an error
    adding: bool = False  # lines were added on this round: they are to be checked first
    notices: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    # The kept entries as the parser read them, by index in the corrected document's list.
    parsed: dict[int, Signatory] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """Whether an import may go ahead: every row valid and nothing just added unseen."""
        return self.document is not None and not self.adding

    def attach(self, plan: ImportPlan) -> None:
        """Show what the import does with each kept row, in the plan's order."""
        plans = iter(plan.entries)
        for row in self.rows:
            if row.counted:
                row.plan = next(plans, None)


def review(document: Document, source_text: str, post: QueryDict | None) -> Review:
    """Rows from the posted corrections when they were made on this text, else from the parse."""
    digest = hashlib.sha256(source_text.encode("utf-8")).hexdigest()[:16]
    notices: list[str] = []
    posted = post is not None and f"{PREFIX}-TOTAL_FORMS" in post
    same_text = posted and post.get("parsed_from") == digest
    if posted and not same_text:
        notices.append(
            _("The text changed: its list was read again, and earlier corrections were dropped.")
        )
    taken = _numbers(post.get("taken", "")) if same_text else set()
    lines = _missed_lines(source_text, taken)
    add_form = AddForm(post if same_text else None, lines=lines)
    adding = same_text and add_form.is_valid() and add_form.pending
    if same_text:
        formset = SignatoryFormSet(post, prefix=PREFIX)
        if not formset.is_valid():
            return Review(formset, add_form, digest, None, False, notices, _rows(formset))
        rows = [_row_data(f) for f in formset.forms if f.cleaned_data.get("name")]
    else:
        rows = [{**_row(s), "parsed": _parsed(s)} for s in document.signatories]
    if adding:
        by_number = dict(lines)
        for number in add_form.cleaned_data["take"]:
            rows.append(_row(_parse_line(by_number.get(int(number), ""))))
            taken.add(int(number))
        for line in add_form.cleaned_data["more"].splitlines():
            if line.strip():
                rows.append(_row(_parse_line(line)))
        notices.append(_("The lines you added are in the list: check them, then import."))
    add_form = AddForm(
        initial={"taken": ",".join(map(str, sorted(taken)))},
        lines=_missed_lines(source_text, taken) if adding else lines,
    )
    # Rendered afresh from the rows, with blank rows under them for what the parser missed.
    formset = _bound(rows)
    if not formset.is_valid():  # a parsed or added entry too long for its column
        return Review(formset, add_form, digest, None, adding, notices, _rows(formset))
    kept = [f for f in formset.forms if not f.is_blank]
    corrected = dataclasses.replace(document, signatories=[f.signatory() for f in kept])
    parsed = {i: p for i, f in enumerate(kept) if (p := f.parsed_signatory()) is not None}
    return Review(formset, add_form, digest, corrected, adding, notices, _rows(formset), parsed)


def _rows(formset) -> list[Row]:
    fields = SignatoryForm.base_fields
    labels = label_patterns({name: fields[name].label for name in (*TEXT_COLUMNS, "keep", "kind")})
    kinds = list(fields["kind"].choices)
    mark = unsure_mark()
    rows = []
    for index, form in enumerate(formset.forms):
        values = {
            name: form.data.get(f"{form.prefix}-{name}") or ""
            for name in (*TEXT_COLUMNS, "kind", "number", "confidence", "parsed", "unsure")
        }
        keep = fields["keep"].widget.value_from_datadict(form.data, None, f"{form.prefix}-keep")
        errors = form.errors
        cells = row_cells(
            prefix=form.prefix,
            row=index + 1,
            values=values,
            keep=keep,
            errors=errors,
            labels=labels,
            kinds=kinds,
            unsure=_unsure_cells(values),
            mark=mark,
        )
        rows.append(Row(form, cells, keep, values, bool(errors)))
    return rows


def _bound(rows: list[dict]):
    rows = [*rows, *({"kind": "organization", "keep": True} for _ in range(BLANK_ROWS))]
    data = {
        f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{PREFIX}-INITIAL_FORMS": "0",
        f"{PREFIX}-MIN_NUM_FORMS": "0",
        f"{PREFIX}-MAX_NUM_FORMS": "5000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            if name == "keep":
                if value:
                    data[f"{PREFIX}-{index}-keep"] = "on"
            elif value is not None:
                data[f"{PREFIX}-{index}-{name}"] = str(value)
    return SignatoryFormSet(data, prefix=PREFIX)


def _row(s: Signatory) -> dict:
    return {
        "keep": True,
        "kind": s.kind,
        "abbreviation": s.abbreviation or "",
        "name": s.name,
        "name_en": s.name_en or "",
        "country": s.country or "",
        "affiliation": s.affiliation or "",
        "number": s.number,
        "confidence": s.confidence,
        "unsure": _unsure(s),
    }


def _unsure(s: Signatory) -> str:
    """The cells the parser doubts, each with the value it read, as JSON ("" if none)."""
    # A person has no abbreviation or English name to check (they are not stored).
    shown = MARKABLE if s.kind != "person" else set(MARKABLE) - {"abbreviation", "name_en"}
    doubted = [name for name in textformat.unsure_fields(s, LOW_CONFIDENCE) if name in shown]
    if not doubted:
        return ""
    row = {"kind": s.kind, "name": s.name}
    read = {name: row.get(name, getattr(s, name, None) or "") for name in doubted}
    return json.dumps(read, ensure_ascii=False)


def _unsure_cells(values: dict[str, str]) -> frozenset[str]:
    """The cells still to be marked: doubted, and still holding what the parser read."""
    if not values.get("unsure"):
        return frozenset()
    try:
        read = json.loads(values["unsure"])
    except ValueError:
        return frozenset()
    if not isinstance(read, dict):
        return frozenset()
    return frozenset(
        name
        for name, value in read.items()
        if name in MARKABLE and str(value).strip() == (values.get(name) or "").strip()
    )


def _parsed(s: Signatory) -> str:
    read = {"kind": s.kind, "abbreviation": s.abbreviation, "name": s.name, "country": s.country}
    return json.dumps(read, ensure_ascii=False)


def _row_data(form: SignatoryForm) -> dict:
    data = dict(form.cleaned_data)
    data["keep"] = bool(data.get("keep"))
    return data


def _parse_line(line: str) -> Signatory:
    """A line staff added: read like an entry of the list, without its marker; staff chose it,
    so it carries no doubt."""
    number = re.match(r"^\s*\(?(\d{1,4})[.)]\s", line)
    entry = textformat.parse_signatory(_LIST_MARKER.sub("", line).strip())
    entry.number = int(number.group(1)) if number else None
    entry.confidence = 1.0
    return entry


def _missed_lines(text: str, taken: set[int]) -> list[tuple[int, str]]:
    """Lines near the list that the parser did not take as signatories (none in a JSON export,
    whose list is exact)."""
    if text.lstrip().startswith("{"):
        return []
    return [
        (report.number, report.text.strip())
        for report in textformat.explain(text)
        if report.role in _MISSABLE_ROLES and report.number not in taken
    ][:50]


def _numbers(value: str) -> set[int]:
    return {int(n) for n in value.split(",") if n.strip().isdigit()}
