"""core/cldr.py: babel locales over a small file of the CLDR tables we read write dates, numbers
and lists exactly as babel's whole locales do, without loading babel's whole data."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from babel import localedata
from babel.dates import format_date, format_time, get_datetime_format
from babel.lists import format_list
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import translation

from undersigned.core import cldr, l10n

LOCALES = ["en_GB", "de", "fr", "es", "tr", "fa"]


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    cldr.compact_locale.cache_clear()
    yield tmp_path
    cldr.compact_locale.cache_clear()


def written(locale) -> list[str]:
    return [
        format_date(dt.date(2021, 9, 15), "long", locale=locale),
        format_date(dt.date(2021, 2, 1), "LLLL y", locale=locale),
        format_time(dt.time(14, 5, 9), "HH:mm", locale=locale),
        format_time(dt.datetime(2021, 9, 15, 14, 5, 9), "HH:mm:ss", locale=locale),
        str(get_datetime_format("medium", locale=locale)),
        format_decimal(1234567, locale=locale, numbering_system="default"),
        format_decimal(-2.5, locale=locale, numbering_system="default"),
        format_list(["A", "B", "C"], locale=locale),
        str(locale.list_patterns["standard"]["middle"]) if not isinstance(locale, str) else "",
    ]


@pytest.mark.parametrize("identifier", LOCALES)
def test_the_compact_locale_writes_as_babels_own(var_dir, identifier):
    from babel import Locale

    full = Locale.parse(identifier)
    first = cldr.compact_locale(identifier)  # extracted, and the file written
    assert (var_dir / "cldr").is_dir()
    cldr.compact_locale.cache_clear()
    again = cldr.compact_locale(identifier)  # read from the file
    assert written(first) == written(full) == written(again)
    assert again.default_numbering_system == full.default_numbering_system


def test_a_table_not_kept_comes_from_babels_data(var_dir):
    locale = cldr.compact_locale("de")
    assert "territories" not in cldr.KEPT
    assert locale.territories["DE"] == "Deutschland"
    assert locale._data.get("no such table", "none") == "none"


def test_l10n_reads_the_file_and_not_babels_data(tmp_path):
    """A process that finds the files formats without loading babel's locale data (~4.5 MB)."""
    settings_dir = tmp_path / "var"
    code = (
        "import django, datetime as dt; django.setup()\n"
        "from django.utils import translation\n"
        "from undersigned.core import l10n\n"
        "l10n.prepare_locales()\n"
        "import babel.localedata as ld, babel.core as core\n"
        "ld.clear_caches(); core._global_data = None\n"
        "from undersigned.core import cldr; cldr.compact_locale.cache_clear()\n"
        "for code in ('en', 'de', 'fa'):\n"
        "    with translation.override(code):\n"
        "        print(l10n.local_date(dt.date(2021, 9, 15)), l10n.local_number(12345),\n"
        "              l10n.local_list(['A', 'B', 'C']), repr(l10n.list_separator()))\n"
        "print(sorted(ld._cache), core._global_data is None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**_env(), "UNDERSIGNED_VAR_DIR": str(settings_dir)},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("15 September 2021 12,345")
    assert lines[1].startswith("15. September 2021 12.345")
    assert "۱۲٬۳۴۵" in lines[2]
    assert lines[-1] == "[] True"
    assert sorted(p.stem for p in (settings_dir / "cldr").glob("*/*.pickle")) == sorted(LOCALES)


def test_l10n_in_every_language_as_with_babels_locales(var_dir):
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            identifier = l10n._identifier()
            assert l10n.local_date(dt.date(2021, 9, 15)) == l10n.native_digits(
                format_date(dt.date(2021, 9, 15), "long", locale=identifier)
            )
            assert l10n.local_number(1234567) == l10n.native_digits(
                format_decimal(1234567, locale=identifier, numbering_system="default")
            )
        assert localedata.exists(identifier)


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k != "UNDERSIGNED_VAR_DIR"}
