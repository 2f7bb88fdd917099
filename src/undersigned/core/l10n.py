"""Dates and numbers in the reader's language, through Babel's CLDR data.

Persian is written with Persian digits, which neither Django's formats nor Babel's dates give.
"""

import datetime as dt

from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from django.utils import timezone, translation

# English dates as international coalitions write them: 15 September 2021.
_BABEL_LOCALE = {"en": "en_GB"}
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _locale() -> str:
    language = translation.get_language() or "en"
    return _BABEL_LOCALE.get(language, language.replace("-", "_"))


def native_digits(text: str) -> str:
    language = translation.get_language() or ""
    return text.translate(_PERSIAN_DIGITS) if language.startswith("fa") else text


def local_date(value: dt.date | dt.datetime | None, *, month_only: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    pattern = "LLLL y" if month_only else "long"
    return native_digits(format_date(value, pattern, locale=_locale()))


def local_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return native_digits(f"{local_date(local)}, {format_time(local, 'HH:mm', locale=_locale())}")


def local_number(value: int | float | None) -> str:
    if value is None:
        return ""
    text = format_decimal(value, locale=_locale())
    if (translation.get_language() or "").startswith("fa"):
        text = text.replace(",", "٬").replace(".", "٫")
    return native_digits(text)
