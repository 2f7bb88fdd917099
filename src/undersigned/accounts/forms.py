import hashlib
import math
import secrets

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from undersigned.core import ratelimit
from undersigned.core.ratelimit import client_ip
from undersigned.mail.services import send_templated_mail

# Per client address: this many failed log-ins in LOCKOUT_SECONDS, then none from there.
MAX_FAILED_LOGINS_PER_CLIENT = 20
LOCKOUT_SECONDS = 15 * 60
# Per account: this many failures free, then a delay that doubles with each further one, up to
# MAX_ACCOUNT_DELAY. A browser that logged in to the account before (the signed cookie
# DEVICE_COOKIE) has a count of its own, so that an attacker who fails on purpose delays only
# himself and strangers, never the account's owner on a known browser.
FREE_ACCOUNT_FAILURES = 5
MAX_ACCOUNT_DELAY = 15 * 60
ACCOUNT_WINDOW = 24 * 3600
DEVICE_COOKIE = "known_device"
DEVICE_SALT = "undersigned.accounts.known-device"
DEVICE_MAX_AGE = 365 * 24 * 3600


def _username_hash(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()[:24]


def device_cookie_value(username: str) -> str:
    return signing.dumps(
        {"u": _username_hash(username), "d": secrets.token_urlsafe(12)}, salt=DEVICE_SALT
    )


def known_device(request: HttpRequest | None, username: str) -> str | None:
    """The id of this browser if it logged in to this account before, else None."""
    raw = request.COOKIES.get(DEVICE_COOKIE) if request else None
    if not raw:
        return None
    try:
        value = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("u") != _username_hash(username):
        return None
    return str(value.get("d"))


class ThrottledLogin:
    """Log-in throttling shared by the site's log-in and the admin's: one log-in, one throttle.

    Counted per client address (through the trusted-proxy rule, not the proxy's own address)
    and per account with growing delays; a refused try checks no password and counts nothing.
    """

    request: HttpRequest | None
    data: dict

    throttle_messages = {
        "client": _("Too many failed log-ins. Wait 15 minutes and try again."),
        "account": _("Too many failed log-ins for this account. Try again in %(seconds)d seconds."),
    }

    def _throttle_keys(self) -> tuple[str, str]:
        username = (self.data.get("username") or "").strip().lower()[:150]
        client = f"login-client:{client_ip(self.request) if self.request else ''}"
        device = known_device(self.request, username)
        account = f"login-device:{device}" if device else f"login-account:{username}"
        return client, account

    def clean(self) -> dict:
        client, account = self._throttle_keys()
        if ratelimit.would_exceed(client, MAX_FAILED_LOGINS_PER_CLIENT):
            raise forms.ValidationError(self.throttle_messages["client"], code="throttled")
        if (left := ratelimit.wait_left(account)) > 0:
            raise forms.ValidationError(
                self.throttle_messages["account"] % {"seconds": math.ceil(left)}, code="throttled"
            )
        try:
            return super().clean()
        except forms.ValidationError:
            ratelimit.hit(client, LOCKOUT_SECONDS)
            failures = ratelimit.hit(account, ACCOUNT_WINDOW)
            if failures >= FREE_ACCOUNT_FAILURES:
                delay = min(2 ** (failures - FREE_ACCOUNT_FAILURES), MAX_ACCOUNT_DELAY)
                ratelimit.set_not_before(account, delay)
            raise


class ThrottledAuthenticationForm(ThrottledLogin, AuthenticationForm):
    """The site's log-in form."""


class ThrottledAdminAuthenticationForm(ThrottledLogin, AdminAuthenticationForm):
    """The admin's log-in form, counted with the site's."""


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
                # Not context["site_name"]: that is the request's Host header, which anyone sets.
                "site_name": settings.SITE_NAME,
            },
        )
