from django import forms
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.forms import ListedOrNewOrganizationForm
from undersigned.coalitions.models import Organization


class OrganizationChoiceForm(forms.Form):
    """Pick one of the organizations the person may act for."""

    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Organization"))

    def __init__(self, *args, organizations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations


class VersionForm(OrganizationChoiceForm):
    # The version the person read; a signature is given to that text or to none.
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class SignForm(VersionForm):
    confirm = forms.BooleanField(
        label=_("I confirm that this organization signs this version of the text."),
        error_messages={"required": _("Tick the box to confirm the signature.")},
    )


class WithdrawForm(OrganizationChoiceForm):
    reason = forms.CharField(
        label=_("Reason (shown publicly)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say publicly why the signature is withdrawn.")},
    )
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this signature."),
        error_messages={"required": _("Tick the box to confirm the withdrawal.")},
    )


class RecordForm(ListedOrNewOrganizationForm):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    signed_on = forms.DateField(
        label=_("Date the signature was given"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_('How the signature reached you, e.g. "E-mail from the secretary, 3 May".'),
    )
