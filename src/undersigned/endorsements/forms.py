import re
import unicodedata
from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from undersigned.endorsements.addresses import check_address

# A name that carries a link is spam, and would turn the public list into a link farm. A link
# is a scheme ("https:", "ftp://"), "www.", a dotted host with a path ("bit.ly/x"), or a host
# ending in a top-level domain people are sent to ("evil.de", "pills.ru", "evil。com", with the
# dots that look like one). Names with other dots are names: "ver.di Berlin", "St.Pauli
# Fanclub", "J. R. Smith", "M.Sc" (a one-letter label is an initial, not a host).
_DOTS = ".\u3002\uff0e\uff61\u2024\ufe52"
_GENERIC_TLDS = (
    "com net org info biz edu gov mil int io app dev xyz top site online club shop store tech "
    "link click live life world news blog page win bid loan vip icu fun space website ly"
)
_HOST = rf"(?<![\w{_DOTS}])[\w-]{{2,}}(?:[{_DOTS}][\w-]+)*[{_DOTS}]"


@lru_cache(maxsize=1)
def _link() -> re.Pattern:
    # Every country's code is a top-level domain (and "uk", "eu", "su" besides).
    tlds = sorted({*_GENERIC_TLDS.split(), "uk", "eu", "su", *(c.lower() for c, _n in countries)})
    return re.compile(
        rf"([a-z][a-z0-9+.-]*://|\b(?:https?|ftp|mailto):|\bwww[{_DOTS}]"
        rf"|{_HOST}[^\W\d_]{{2,}}/"
        rf"|{_HOST}(?:{'|'.join(tlds)})(?![\w-]))",
        re.I,
    )


# Zero-width joiners stay (Persian and Indic names need them, between letters); every other
# control or format character goes: right-to-left overrides, zero-width spaces, BOMs.
_JOINERS = "\u200c\u200d"


def _invisible(value: str) -> bool:
    for index, char in enumerate(value):
        if char in _JOINERS:
            before, after = value[index - 1 : index], value[index + 1 : index + 2]
            if before.isalpha() and after.isalpha():
                continue
            return True
        if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"):
            return True
    return False


def _no_links(value: str, message: str) -> str:
    if _invisible(value):
        raise forms.ValidationError(_("Please remove invisible or control characters."))
    if _link().search(unicodedata.normalize("NFKC", value)):
        raise forms.ValidationError(message)
    return " ".join(value.split())


@lru_cache(maxsize=16)
def _country_options(language: str) -> str:
    options = [format_html('<option value="">{}</option>', "—")]
    options += [
        format_html('<option value="{}">{}</option>', code, name) for code, name in countries
    ]
    return "".join(options)


@lru_cache(maxsize=16)
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    return (("", "—"), *((code, str(name)) for code, name in countries))


def _choices_in_active_language() -> tuple[tuple[str, str], ...]:
    return _country_choices(get_language() or "en")


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in countries)


class CountryChoiceField(forms.ChoiceField):
    """The countries as choices built once per language and checked by a set lookup. A list of
    choices is deep-copied into every form instance: 250 countries cost ~2 ms a request, most
    of an endorsement's form handling."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=_choices_in_active_language, **kwargs)

    def valid_value(self, value: str) -> bool:
        return value in _country_codes()


class CountrySelect(forms.Select):
    """The 250 countries rendered once per language, not through 250 template renderings on
    every view of a statement page."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        options = _country_options(get_language() or "en")
        if value:
            plain = format_html('<option value="{}">', value)
            options = options.replace(plain, plain[:-1] + " selected>", 1)
        attrs = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return mark_safe(f"<select{attrs}>{options}</select>")


class EndorseForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("To confirm your signature. Never shown publicly."),
    )
    country = CountryChoiceField(label=_("Country"), required=False, widget=CountrySelect)
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
        name = _no_links(
            self.cleaned_data["name"], _("Please leave links out; give only your name.")
        )
        if not any(ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_affiliation(self) -> str:
        return _no_links(
            self.cleaned_data["affiliation"],
            _("Please leave links out; give only the name of your organization."),
        )

    def clean_email(self) -> str:
        return check_address(self.cleaned_data["email"])

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
