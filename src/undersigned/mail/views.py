import re
from collections.abc import Callable
from functools import wraps

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import OutboxMessage
from .services import send_templated_mail

PAGE_SIZE = 50
# Links that give an account away: password reset and invitation. The outbox shows where they
# lead, never the token (whoever reads it could take the account over).
_SECRET_LINK = re.compile(r"(/accounts/(?:reset|invitation)/)[^\s\"'<>]+")


def redact(text: str) -> str:
    return _SECRET_LINK.sub(r"\1…", text)


def superuser_required(view: Callable) -> Callable:
    """The outbox holds every mail the site sent: for superusers only. Others who are logged in
    are refused; anonymous visitors get the site's own log-in page."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@superuser_required
def outbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(OutboxMessage.objects.defer("body_text", "body_html"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "mail/outbox.html", {"page": page})


@superuser_required
# The sandboxed srcdoc frame inherits this page's policy; mail HTML is all inline styles.
# Scripts stay forbidden (and the sandbox forbids them too).
@csp_update({"style-src": ["'unsafe-inline'"]})
def outbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(OutboxMessage, pk=pk)
    whole = (message.body_text, message.body_html)
    message.body_text = redact(message.body_text)
    message.body_html = redact(message.body_html)
    # Where a link was cut, the page says how the operator reads it: from the shell.
    cut = (message.body_text, message.body_html) != whole
    command = f"undersigned outbox {message.pk} --links" if cut else ""
    return render(request, "mail/outbox_message.html", {"message": message, "command": command})


@superuser_required
@require_POST
def send_test_message(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.email:
        messages.error(request, _("Your account has no e-mail address to send a test message to."))
        return redirect("mail:outbox")
    send_templated_mail(
        template="test",
        to=[user.email],
        context={"name": user.get_short_name() or user.get_username()},
        language=translation.get_language(),
    )
    messages.success(
        request,
        _("A test message to %(email)s is queued; the worker sends it shortly.")
        % {"email": user.email},
    )
    return redirect("mail:outbox")
