"""The import page's form: a pasted text or an uploaded file, read and parsed."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from undersigned import textformat
from undersigned.coalitions.models import Coalition
from undersigned.statements.models import State
from undersigned.textformat import Document, FormatError, check_recognizable, decode_source
from undersigned.textformat.source import MAX_LINES, check_line_count

# The rows one preview shows and posts back. Lines cap a text's list, but not a JSON export's
# (2,000 lines of 20,000 characters hold 380,000 signatories: 17 MB of page in 10 s and more)
# nor lines that hold several entries.
MAX_SIGNATORIES = MAX_LINES


def too_many_signatories(document: Document) -> str | None:
    """Why a document's list is too long for one request, or None."""
    count = len(document.signatories)
    if count <= MAX_SIGNATORIES:
        return None
    return gettext(
        "The list has %(count)s signatories; an import reads at most %(limit)s at once. Split "
        "the list into parts and import them one after the other: the same statement imported "
        "again adds only what is new."
    ) % {"count": f"{count:,}", "limit": f"{MAX_SIGNATORIES:,}"}


class ImportForm(forms.Form):
    """Paste a statement (or upload its file) to preview and import it."""

    text = forms.CharField(
        label=_("Statement text"),
        required=False,
        # dir=auto: a statement in English reads left to right on a Persian page, and back.
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false", "dir": "auto"}),
        help_text=_(
            "Paste the whole text: kind, title, paragraphs, and the signatory list, "
            "one organization per line."
        ),
    )
    file = forms.FileField(label=_("…or upload a text file"), required=False)
    coalition = forms.ModelChoiceField(
        Coalition.objects.all(),
        label=_("Coalition"),
        required=False,
        empty_label=_("None (an open letter)"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Only needed when the text has no title of its own."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    state = forms.ChoiceField(
        label=_("Save it as"),
        choices=[(s.value, s.label) for s in (State.DRAFT, State.OPEN, State.CLOSED)],
        initial=State.DRAFT,
        required=False,  # a draft, unless the person importing chooses
        help_text=_(
            "A draft is seen only by its coalition until it is published. Choose open or closed "
            "to publish it as it was: open for further signatures, or closed."
        ),
    )

    separate = forms.BooleanField(
        label=_("A separate statement"),
        required=False,
        help_text=_(
            "Import it as a statement of its own, even where one with the same text exists "
            "under another title."
        ),
    )

    # Which text the corrected rows of the preview were read from (see import_review.py).
    parsed_from = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict:
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        field = "file" if upload else "text"
        try:
            # From a file, read one byte past the limit: enough for decode_source to refuse a
            # large file without holding all of it in memory (its message gives the real size).
            data = upload.read(settings.IMPORT_MAX_BYTES + 1) if upload else text.encode("utf-8")
            source = decode_source(
                data,
                max_bytes=settings.IMPORT_MAX_BYTES,
                size=upload.size if upload else None,
                pasted=not upload,
            )
            check_line_count(source)  # what a request can read and show
            document = textformat.parse(source)
            check_recognizable(document)
        except FormatError as error:
            self.add_error(field, error.message)
            return cleaned
        if refused := too_many_signatories(document):
            self.add_error(field, refused)
            return cleaned
        cleaned["text"] = source
        cleaned["document"] = document
        cleaned["state"] = cleaned.get("state") or State.DRAFT
        return cleaned

    @property
    def document(self) -> Document:
        return self.cleaned_data["document"]

    @property
    def source(self) -> str:
        """Where the text came from, kept as the evidence of the imported signatures."""
        upload = self.cleaned_data.get("file")
        return f"import page, file {upload.name}" if upload else "import page, pasted text"
