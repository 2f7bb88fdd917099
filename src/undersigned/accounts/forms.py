from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from undersigned.mail.services import send_templated_mail

MAX_FAILED_LOGINS = 5
LOCKOUT_SECONDS = 15 * 60


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's log-in form, refusing further tries after five failures for a name or an address.

    Counting per name stops guessing one person's password from many addresses; counting per
    address stops trying many names from one.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed log-ins. Wait 15 minutes and try again."),
    }

    def _keys(self) -> list[str]:
        username = (self.data.get("username") or "").strip().lower()[:150]
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        return [f"login-fail:user:{username}", f"login-fail:ip:{address}"]

    def clean(self) -> dict:
        keys = self._keys()
        if any(cache.get(key, 0) >= MAX_FAILED_LOGINS for key in keys):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            for key in keys:
                cache.add(key, 0, LOCKOUT_SECONDS)
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, LOCKOUT_SECONDS)
            raise


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose mail goes through the task queue like every other mail."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        send_templated_mail(
            template="password-reset",
            to=[to_email],
            context={
                "username": context["user"].get_username(),
                "url": settings.SITE_URL
                + reverse("password_reset_confirm", args=[context["uid"], context["token"]]),
                "site_name": context["site_name"],
            },
        )


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
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
