"""The form a delegate fills in to prove the organization's domain."""

from django import forms
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions import domain_checks
from undersigned.coalitions.models import DomainProof


class DomainProofForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How"),
        choices=DomainProof.Method.choices,
        initial=DomainProof.Method.DNS,
        widget=forms.RadioSelect,
    )
    domain = forms.CharField(
        label=_("Domain"),
        max_length=253,
        required=False,
        help_text=_("For the DNS record or the well-known file, e.g. example.org."),
    )
    address = forms.EmailField(
        label=_("Mail address on the domain"),
        required=False,
        help_text=_("For the mail method: we send a link there, e.g. to info@example.org."),
    )

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("method")
        if method == DomainProof.Method.MAIL:
            if not data.get("address"):
                self.add_error("address", _("Give an address on the organization's domain."))
        elif method:
            try:
                data["domain"] = domain_checks.normalize_domain(data.get("domain") or "")
            except ValueError as error:
                self.add_error("domain", str(error))
        return data
