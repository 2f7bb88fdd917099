"""E-mail addresses of endorsers: checked without any network look-up, and folded to one
canonical form so that aliases of one mailbox count once."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

# Providers that deliver "first.last+tag@" to "firstlast@": dots and plus tags are ignored.
_DOTS_AND_PLUS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}
# Providers that deliver "name+tag@" to "name@" but keep dots.
_PLUS = {
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "pm.me",
    "fastmail.com",
    "fastmail.fm",
    "posteo.de",
    "mailbox.org",
    "gmx.de",
    "gmx.net",
    "web.de",
    "yandex.ru",
    "yandex.com",
    "zoho.com",
}
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$")


def check_address(email: str) -> str:
    """The address, trimmed; ValidationError if it cannot be a real mailbox."""
    email = email.strip()
    validate_email(email)
    if email.rsplit("@", 1)[0].startswith('"'):
        # RFC 5321 allows "name"@example.org; no person needs it, and it slipped past folding.
        raise ValidationError(_("Please give the address without quotation marks."), code="invalid")
    try:
        domain = email.rsplit("@", 1)[1].lower().encode("idna").decode("ascii")
    except UnicodeError:
        domain = ""
    if not _DOMAIN.match(domain):
        raise ValidationError(_("This e-mail address has no valid domain."), code="invalid")
    return email


def canonical_email(email: str) -> str:
    local, _sep, domain = email.strip().lower().rpartition("@")
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        # "name"@ and name@ are one mailbox: a quoted local part names the same one.
        local = re.sub(r"\\(.)", r"\1", local[1:-1])
    if domain in _DOTS_AND_PLUS:
        return f"{local.split('+', 1)[0].replace('.', '')}@{_DOTS_AND_PLUS[domain]}"
    if domain in _PLUS:
        return f"{local.split('+', 1)[0]}@{domain}"
    return f"{local}@{domain}"
