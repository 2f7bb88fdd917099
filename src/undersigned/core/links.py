"""Absolute links for mail, in the language of the person who reads it."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def link_for_reader(name: str, *args, language: str) -> str:
    """The page's address with the reader's language prefix (/de/…, none for English): a link
    in a mail leads to a page in the mail's language, not in that of whoever sent it."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)
