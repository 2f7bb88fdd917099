"""The language a person reads their mail in, for the actions of this app.

The preference lives in accounts, which sits above coalitions; accounts registers here, as it
starts, how to read it and how to keep the first one seen. Until it has, everyone reads the
site's default language.
"""

from collections.abc import Callable, Iterable

from django.conf import settings

_read: Callable[[Iterable[int]], dict[int, str]] | None = None
_remember: Callable[[int, str], None] | None = None


def register(
    *, read: Callable[[Iterable[int]], dict[int, str]], remember: Callable[[int, str], None]
) -> None:
    global _read, _remember
    _read, _remember = read, remember


def languages_of(user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's mail language, by user id (the site's default where none is known)."""
    ids = list(user_ids)
    known = _read(ids) if _read else {}
    return {pk: known.get(pk) or settings.LANGUAGE_CODE for pk in ids}


def remember_first_language(user_id: int, language: str) -> None:
    """Keep `language` as the person's mail language unless they have one already."""
    if _remember and language in dict(settings.LANGUAGES):
        _remember(user_id, language)
