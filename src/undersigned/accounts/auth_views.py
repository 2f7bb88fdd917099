"""Log-in and password reset: Django's views with our throttles, and our site name, not the
request's Host header (which anyone can set)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.utils.translation import gettext as _

from undersigned.accounts.forms import (
    DEVICE_COOKIE,
    DEVICE_MAX_AGE,
    QueuedPasswordResetForm,
    ThrottledAuthenticationForm,
    device_cookie_value,
)
from undersigned.core import ratelimit

# Password reset mails: per address and per client address, in an hour. Counted whether or not
# an account has the address, so that being refused tells nothing about who has an account.
RESET_LIMIT_PER_ADDRESS = 3
RESET_LIMIT_PER_CLIENT = 10
RESET_WINDOW = 3600


class LoginView(auth_views.LoginView):
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "site_name": settings.SITE_NAME}

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        # This browser now knows the account: failures by others do not delay it.
        response.set_cookie(
            DEVICE_COOKIE,
            device_cookie_value(form.get_user().get_username()),
            max_age=DEVICE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "site_name": settings.SITE_NAME}

    def form_valid(self, form) -> HttpResponse:
        address = form.cleaned_data["email"].strip().lower()
        client = ratelimit.client_ip(self.request)
        if ratelimit.over_limit(
            f"reset-client:{client}", RESET_LIMIT_PER_CLIENT, RESET_WINDOW
        ) or ratelimit.over_limit(
            f"reset-address:{address}", RESET_LIMIT_PER_ADDRESS, RESET_WINDOW
        ):
            form.add_error(None, _("Too many password reset requests. Wait an hour and try again."))
            return self.form_invalid(form)
        return super().form_valid(form)
