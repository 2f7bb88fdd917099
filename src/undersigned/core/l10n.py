"""Dates and numbers in the reader's language, through Babel's CLDR data.

Babel names each locale's numbering system ("arabext" for Persian) and gives its separators
(٬ and ٫), but writes every number with Latin digits, as Django's formats do. `native_digits`
puts the digits of the locale's numbering system in their place.
"""

import datetime as dt
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import timezone, translation

from undersigned.core.cldr import compact_locale, prepare

# English dates as international coalitions write them: 15 September 2021.
_BABEL_LOCALE = {"en": "en_GB"}
# The zero of each CLDR numbering system our locales may use; the other nine digits follow it
# in Unicode.
_ZERO = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०"}


def _identifier() -> str:
    language = translation.get_language() or "en"
    return _BABEL_LOCALE.get(language, language.replace("-", "_"))


def _locale() -> Locale:
    # The locale with only the CLDR tables we read (core/cldr.py): ~4.5 MB less a process.
    return compact_locale(_identifier())


@lru_cache(maxsize=32)
def _digits(locale: str) -> dict[int, str] | None:
    zero = _ZERO.get(compact_locale(locale).default_numbering_system)
    return (
        str.maketrans("0123456789", "".join(chr(ord(zero) + d) for d in range(10)))
        if zero
        else None
    )


def prepare_locales() -> None:
    """Write the small CLDR tables of every language of the site (serve, before its workers)."""
    for code, _name in settings.LANGUAGES:
        prepare(_BABEL_LOCALE.get(code, code.replace("-", "_")))


def native_digits(text: str) -> str:
    """Latin digits written in the digits of the reader's locale (Persian: ۰۱۲…)."""
    table = _digits(_identifier())
    return text.translate(table) if table else text


def local_date(value: dt.date | dt.datetime | None, *, month_only: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    pattern = "LLLL y" if month_only else "long"
    return native_digits(format_date(value, pattern, locale=_locale()))


def local_time(value: dt.datetime | dt.time | None, *, seconds: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return native_digits(format_time(value, "HH:mm:ss" if seconds else "HH:mm", locale=_locale()))


def local_datetime(value: dt.datetime | None) -> str:
    """15 September 2021, 14:05; the date and the time joined as the locale joins them (a
    Persian comma in Persian)."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    joined = str(get_datetime_format("medium", locale=_locale()))
    return joined.replace("{1}", local_date(local)).replace("{0}", local_time(local))


def local_number(value: int | float | None) -> str:
    """34, 1,234, ۱٬۲۳۴: grouped and written in the reader's locale, its separators included."""
    if value is None:
        return ""
    if type(value) is int and 0 <= value < 1000:
        # No separator in any locale below a thousand: only the digits, without Babel's
        # pattern parsing (a tenth of a millisecond a number, hundreds on the desk).
        return native_digits(str(value))
    return native_digits(format_decimal(value, locale=_locale(), numbering_system="default"))


def local_list(items: list[str]) -> str:
    """ "MLPD, KPD and PCPCI" / "MLPD، KPD و PCPCI": joined as the reader's locale joins a list,
    each item isolated so that a Latin name reads whole in a right-to-left sentence."""
    from babel.lists import format_list

    return format_list([f"\u2068{item}\u2069" for item in items], locale=_locale())


@lru_cache(maxsize=32)
def _list_separator(locale: str) -> str:
    return str(compact_locale(locale).list_patterns["standard"]["middle"]).format("", "")


def list_separator() -> str:
    """What separates the parts of a list entry (a name, its affiliation, its country) in the
    reader's locale: ", ", or the Persian comma with its right-to-left mark ("،\u200f ")."""
    return _list_separator(_identifier())


def text_direction(text: str) -> str:
    """ "rtl" or "ltr" by the first strong letter, as `dir="auto"` decides: for renderers that
    know no `dir="auto"` (WeasyPrint)."""
    for char in text or "":
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
