"""Errors a person can act on, and what they read about them."""

from django.conf import settings
from django.utils.translation import gettext


class ActionError(Exception):
    """A domain action that is allowed but cannot be done now; the message tells the person why.

    Permission failures are PermissionDenied instead: they are not the person's to fix.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def too_large_message() -> str:
    """What a person who sent more than DATA_UPLOAD_MAX_MEMORY_SIZE reads, on a page or from the
    API: the limit in MB and what to do (a file's contents do not count towards it)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024) or 1
    return gettext(
        "What you sent is too large: one request can carry at most %(n)d MB. Upload the text "
        "as a file instead, or split it into parts and send them one after the other."
    ) % {"n": limit}
