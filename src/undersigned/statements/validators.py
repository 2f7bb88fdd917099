"""What a statement's fields may hold, checked alike by the forms, the actions and the API."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.core.errors import ActionError
from undersigned.statements.models import SlugRedirect, Statement

# The C0 controls but tab, newline and carriage return (forms send CRLF), DEL, and the C1
# controls: XML cannot carry most of them (one in a title made every Atom feed fail), and no
# keyboard types them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def refuse_control_characters(value: str) -> None:
    """Refuse text with control characters: one validator for the forms, the actions and the
    API."""
    found = CONTROL_CHARACTERS.search(value or "")
    if found:
        raise ValidationError(
            _("The text contains a control character (U+%(code)s); remove it."),
            code="control_characters",
            params={"code": f"{ord(found.group()):04X}"},
        )


def without_control_characters(value: str) -> str:
    """The text with its control characters dropped: for output that XML must carry (feeds)
    from rows written before they were refused."""
    return CONTROL_CHARACTERS.sub("", value)


def refuse_passed_deadline(deadline: dt.datetime | None) -> None:
    """A deadline in the past would close the statement the moment it opens."""
    if deadline is not None and deadline <= timezone.now():
        raise ValidationError(
            _("The deadline has passed already: choose a later one, or none."),
            code="deadline_passed",
        )


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def refuse_unusable_slug(slug: str, statement) -> None:
    """A new address for the statement: lower-case words joined by hyphens, and no address
    another statement has or had (links to it may be out there)."""
    if not SLUG.match(slug) or len(slug) > Statement._meta.get_field("slug").max_length:
        raise ValidationError(
            _("Use lower-case letters, digits and hyphens (at most 80), e.g. icor-solidarity."),
            code="slug_format",
        )
    taken = Statement.objects.filter(slug=slug).exclude(pk=statement.pk).exists()
    if taken or SlugRedirect.objects.filter(slug=slug).exclude(statement=statement).exists():
        raise ValidationError(
            _("Another statement has or had this address. Choose another one."),
            code="slug_taken",
        )


def validated_for_action(*checks) -> None:
    """Run (validator, value) pairs in an action: the first refusal becomes its ActionError, so
    a caller without the form (the API, a command, an import) gets the form's message."""
    for validator, value in checks:
        try:
            validator(value)
        except ValidationError as error:
            raise ActionError(" ".join(error.messages)) from None


def check_words(*values: str) -> None:
    """Refuse, in an action, words with control characters."""
    validated_for_action(*((refuse_control_characters, value) for value in values))
