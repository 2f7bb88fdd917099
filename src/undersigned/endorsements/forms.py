import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from undersigned.endorsements.addresses import check_address

# A name that carries a link is spam, and would turn the public list into a link farm.
_LINK = re.compile(r"(https?:|www\.|://|\b[\w-]+\.(com|net|org|info|ru|xyz|top|io|biz)\b)", re.I)


def _no_links(value: str) -> str:
    if _LINK.search(value):
        raise forms.ValidationError(_("Please leave links out; give only your name."))
    return " ".join(value.split())


class EndorseForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("To confirm your signature. Never shown publicly."),
    )
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    affiliation = forms.CharField(
        label=_("Affiliation (optional)"),
        max_length=300,
        required=False,
        help_text=_("For example your union, university or organization."),
    )
    listed = forms.BooleanField(
        label=_("Show my name, country and affiliation in the public list of signatories."),
        required=False,
    )
    # A field people never see; bots fill every field they find.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def clean_name(self) -> str:
        name = _no_links(self.cleaned_data["name"])
        if not any(ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_affiliation(self) -> str:
        return _no_links(self.cleaned_data["affiliation"])

    def clean_email(self) -> str:
        return check_address(self.cleaned_data["email"])

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
