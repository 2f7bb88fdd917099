from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition
from undersigned.statements.models import Kind, State


class WordsForm(forms.Form):
    """The words of a text: title, subtitle and Markdown body, in any language."""

    title = forms.CharField(label=_("Title"), max_length=300)
    subtitle = forms.CharField(label=_("Subtitle"), max_length=500, required=False)
    body = forms.CharField(
        label=_("Text"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("Markdown: a blank line between paragraphs, **bold**, *italic*, lists."),
    )

    def clean_title(self) -> str:
        return _single_line(self.cleaned_data["title"])

    def clean_subtitle(self) -> str:
        return _single_line(self.cleaned_data["subtitle"])

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if not any(ch.isalnum() for ch in body):
            raise forms.ValidationError(_("The text needs words."))
        return body


class StatementForm(WordsForm):
    """Draft or edit a statement. The words (title, subtitle, body) are versioned once public."""

    field_order = [
        "kind",
        "coalition",
        "issuer",
        "language",
        "title",
        "subtitle",
        "body",
        "change_note",
    ]

    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.STATEMENT)
    coalition = forms.ModelChoiceField(
        Coalition.objects.none(),
        label=_("Coalition"),
        required=False,
        empty_label=_("None (an open letter)"),
    )
    issuer = forms.CharField(
        label=_("Issuer"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('Printed under the text, e.g. "Coordination Committee".'),
    )
    language = forms.ChoiceField(label=_("Original language"), choices=settings.LANGUAGES)
    deadline = forms.DateTimeField(
        label=_("Deadline for signatures"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Optional. The statement closes for signatures by itself then."),
    )

    accepts_endorsements = forms.BooleanField(
        label=_("Individuals can add their name"),
        required=False,
        initial=True,
        help_text=_(
            "Shows the “Add your name” form while the statement is open. Turn it off for a "
            "resolution that organizations alone sign."
        ),
    )
    change_note = forms.CharField(
        label=_("What changed (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "When saving makes a new version: a word for the organizations asked to confirm it. "
            "The mail, the history and the page of changes show it."
        ),
    )

    def __init__(
        self,
        *args,
        coalitions=None,
        open_letters: bool = False,
        editing: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["coalition"]
        field.queryset = coalitions if coalitions is not None else Coalition.objects.none()
        if not open_letters:
            # Only staff write open letters: the others choose among their coalitions, and one
            # coalition needs no choosing.
            field.required, field.empty_label = True, None
            if len(choices := list(field.queryset[:2])) == 1:
                field.initial = choices[0].pk
        if editing:  # coalition and language belong to the statement for good
            del self.fields["coalition"], self.fields["language"]
        else:  # a note on what changed belongs to a new version of a public text
            del self.fields["change_note"]


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=State.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _single_line(value: str) -> str:
    return " ".join(value.split())


class TranslationForm(WordsForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = _("Markdown, paragraph for paragraph as in the original.")
