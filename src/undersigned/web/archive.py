"""The archive: every public statement, filtered by coalition, kind, state, year and language."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition
from undersigned.core.l10n import native_digits
from undersigned.statements.models import Kind, State, Statement, Text

PAGE_SIZE = 20


def _years() -> list[tuple[str, str]]:
    public = Statement.objects.public()
    issued = public.exclude(issued_on=None).annotate(y=ExtractYear("issued_on"))
    created = public.filter(issued_on=None).annotate(y=ExtractYear("created_at"))
    years = set(issued.values_list("y", flat=True)) | set(created.values_list("y", flat=True))
    return [("", _("Any year"))] + [
        (str(y), native_digits(str(y))) for y in sorted(years, reverse=True)
    ]


class ArchiveForm(forms.Form):
    coalition = forms.ModelChoiceField(
        Coalition.objects.all(), label=_("Coalition"), required=False, empty_label=_("Any")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["kind"].choices = anything + list(Kind.choices)
        public = [(s.value, s.label) for s in State if s.is_public]
        self.fields["state"].choices = anything + public
        self.fields["year"].choices = _years()
        self.fields["language"].choices = [("", _("Any language")), *settings.LANGUAGES]

    def filter(self, statements):
        """The public statements the chosen filters keep (all of them for an invalid choice)."""
        if not self.is_valid():
            return statements
        data = self.cleaned_data
        if data["coalition"]:
            statements = statements.filter(coalition=data["coalition"])
        if data["kind"]:
            statements = statements.filter(kind=data["kind"])
        if data["state"]:
            statements = statements.in_state(data["state"])
        if data["year"]:
            year = int(data["year"])
            statements = statements.filter(
                Q(issued_on__year=year) | Q(issued_on=None, created_at__year=year)
            )
        if data["language"]:
            written = Text.objects.filter(language=data["language"]).values("statement")
            statements = statements.filter(pk__in=written)
        return statements
