import copy

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from undersigned.coalitions.models import Organization
from undersigned.collection.logos import check_logo
from undersigned.core.errors import ActionError
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement


def find_organization(value: str) -> Organization:
    """The known organization named by its abbreviation, its name, its English name, or both
    as the list shows them ("MLPD Marxistisch-Leninistische Partei Deutschlands")."""
    value = " ".join(value.split())
    match = Q(abbreviation__iexact=value) | Q(name__iexact=value) | Q(name_en__iexact=value)
    abbreviation, __, name = value.partition(" ")
    if name:
        match |= Q(abbreviation__iexact=abbreviation, name__iexact=name)
    found = list(Organization.objects.filter(match)[:2])
    if not found:
        raise ValidationError(
            _("No known organization has this name. Leave this empty and describe yours below.")
        )
    if len(found) > 1:
        raise ValidationError(_("Several organizations have this name: give it as listed."))
    return found[0]


def known_organizations(unsigned: Statement | None = None) -> list[str]:
    """What the organization field suggests: every organization as the list shows it; on the
    sign-on form of `unsigned`, only those that have not signed it (one that has would only be
    told so, and each suggestion is part of the statement page: 534 of them were 25 KB)."""
    organizations = Organization.objects.order_by("name")
    if unsigned is not None:
        signed = Signature.objects.active().filter(statement=unsigned, organization=OuterRef("pk"))
        organizations = organizations.exclude(Exists(signed))
    # As Organization.__str__ writes them, from plain rows: a thousand model instances would
    # cost the desk a tenth of its time.
    rows = organizations.values_list("abbreviation", "name")
    return [f"{abbreviation} {name}".strip() for abbreviation, name in rows]


class CountryField(LazyTypedChoiceField):
    """The country list, shared by every form instead of deep-copied into each (Django copies
    a form's fields for every form it makes: the 250 countries' lazy names cost a sign-on
    POST 5-8 ms). The list is never changed in place, so sharing it is safe."""

    def __deepcopy__(self, memo: dict) -> "CountryField":
        # forms.Field.__deepcopy__ without its widget's deep copy, whose choices setter
        # normalizes the 250 choices again (twice per form).
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)  # shares the normalized choices
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class SignOnForm(forms.Form):
    """An organization asks to sign: a known one, or a new one described here; and the person
    who asks for it."""

    known = forms.CharField(
        label=_("Your organization, if it is in our directory"),
        max_length=400,
        required=False,
        help_text=_("Its abbreviation or name. Otherwise leave this empty and describe it below."),
    )
    org_name = forms.CharField(label=_("Name in its own language"), max_length=300, required=False)
    org_abbreviation = forms.CharField(label=_("Abbreviation"), max_length=60, required=False)
    org_name_en = forms.CharField(label=_("English name"), max_length=300, required=False)
    org_country = CountryField(choices=[("", "—"), *countries], required=False, label=_("Country"))
    org_website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    logo = forms.FileField(
        label=_("Logo (optional)"),
        required=False,
        help_text=_("PNG or JPEG, at most 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    person_name = forms.CharField(label=_("Your name"), max_length=200)
    person_role = forms.CharField(
        label=_("Your role in the organization"), max_length=200, required=False
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("To confirm the request. Never shown publicly."),
    )
    language = forms.ChoiceField(label=_("Your language"), choices=settings.LANGUAGES)
    listed = forms.BooleanField(
        label=_("The organization agrees to be listed publicly as a signatory."),
        required=True,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # A field people never see; bots fill every field they find.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs) -> None:
        # Its own ids: the statement page holds the endorse form too, with fields of one name.
        kwargs.setdefault("auto_id", "sign-on-%s")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]
        self.logo_png: bytes | None = None
        self.organization: Organization | None = None

    def clean_known(self) -> str:
        value = self.cleaned_data["known"].strip()
        if value:
            self.organization = find_organization(value)
        return value

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if upload:
            try:
                self.logo_png = check_logo(upload)
            except ActionError as error:
                raise ValidationError(error.message) from None
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("known") and not data.get("org_name", "").strip():
            self.add_error(
                "org_name", _("Give the organization's name, or choose a known organization.")
            )
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (mailed to the requester)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MergeForm(forms.Form):
    organization = forms.CharField(label=_("Known organization"), max_length=400)

    def clean_organization(self) -> Organization:
        return find_organization(self.cleaned_data["organization"])
