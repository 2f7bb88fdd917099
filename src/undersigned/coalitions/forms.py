from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from undersigned.coalitions.models import Organization


class ListedOrNewOrganizationForm(forms.Form):
    """Choose one of the organizations offered, or describe a new one."""

    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        required=False,
        label=_("Member organization"),
        empty_label=_("— a new organization —"),
    )
    abbreviation = forms.CharField(label=_("Abbreviation"), max_length=60, required=False)
    name = forms.CharField(label=_("Name in its own language"), max_length=300, required=False)
    name_en = forms.CharField(label=_("English name"), max_length=300, required=False)
    country = LazyTypedChoiceField(
        choices=[("", "—"), *countries], required=False, label=_("Country")
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations.order_by("abbreviation", "name")

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("organization"):
            if not cleaned.get("name"):
                self.add_error("name", _("Choose a listed organization or name a new one."))
            if not cleaned.get("country"):
                self.add_error("country", _("Say where the new organization works."))
        return cleaned

    def chosen_organization(self) -> Organization:
        """The organization chosen, or the new one described (not saved yet)."""
        data = self.cleaned_data
        return data["organization"] or Organization(
            abbreviation=data["abbreviation"].strip(),
            name=data["name"].strip(),
            name_en=data["name_en"].strip(),
            country=data["country"],
        )


class InviteForm(ListedOrNewOrganizationForm):
    """Invite a member organization, or a new one described here, and its delegate; optionally
    to sign one statement, which the mail names."""

    email = forms.EmailField(label=_("E-mail of its delegate"), max_length=254)
    statement = forms.ChoiceField(label=_("Statement to sign"), required=False)

    def __init__(self, *args, statements: list[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statement"].choices = [("", _("— none in particular —")), *statements]


class JoinRequestForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Organization"))
    message = forms.CharField(
        label=_("Message to the coordinators (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class InvitedAccountForm(forms.Form):
    """A new account for an invited delegate: the e-mail is the one invited.

    The username is chosen here and is not the address: names appear in the audit trail, which
    is never erased, and an address must not be kept there.
    """

    username = forms.CharField(
        label=_("Choose a username"),
        max_length=150,
        help_text=_("Shown to coordinators and in the history; not your e-mail address."),
    )
    password1 = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, strip=False, max_length=200
    )
    password2 = forms.CharField(
        label=_("The same password again"), widget=forms.PasswordInput, strip=False, max_length=200
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if "@" in username:
            raise forms.ValidationError(_("Choose a name that is not an e-mail address."))
        get_user_model().username_validator(username)
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken. Choose another."))
        return username

    def clean(self) -> dict:
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            # Against the account to be: a password equal to its address was once accepted.
            future = get_user_model()(username=cleaned.get("username") or "", email=self.email)
            try:
                password_validation.validate_password(p1, user=future)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
