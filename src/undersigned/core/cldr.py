"""Babel locales that hold only the CLDR data core/l10n.py reads (~4 KB instead of ~4.5 MB).

Babel loads a locale whole: its pickled CLDR file merged with each parent's (en_GB on en_001,
en and root) and babel's global table, ~4.5 MB resident in every process that formats one date
or number, for the seven tables dates, numbers and lists in our locales use. Freeing the rest
afterwards gives nothing back (the heap stays as large), so the small table is kept in a file:
VAR_DIR/cldr/babel-<version>/<locale>.pickle, written by `serve` before its workers start (and by
the first process that lacks it otherwise); a process then reads only that file.

A table babel asks for that is not kept is read from babel's full data, as before: the output
never depends on the file, only the memory does.
"""

import contextlib
import functools
import os
import pickle
import tempfile
from pathlib import Path

import babel
from babel import Locale, localedata
from babel.core import parse_locale
from django.conf import settings

# What format_date and format_time (with our patterns), get_datetime_format, format_decimal,
# format_list and Locale.default_numbering_system read (tests/test_cldr.py checks each).
KEPT = (
    "date_formats",
    "datetime_formats",
    "decimal_formats",
    "default_numbering_system",
    "list_patterns",
    "months",
    "number_symbols",
)


class _Tables(dict):
    """The kept tables; any other is looked up in babel's full data for the locale."""

    def __init__(self, identifier: str, tables: dict) -> None:
        super().__init__(tables)
        self.identifier = identifier

    def __missing__(self, key: str):
        return localedata.get_locale_data(self.identifier)[key]

    def get(self, key: str, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class CompactLocale(Locale):
    """A babel Locale (every babel function takes it) over the kept tables only."""

    def __init__(self, identifier: str, tables: dict) -> None:
        super().__init__(*parse_locale(identifier))  # UnknownLocaleError as babel's
        self._tables = _Tables(identifier, tables)

    @property
    def _data(self) -> dict:  # babel reads every table through this property
        return self._tables


def _plain(value):
    # LocaleDataDict resolves CLDR's aliases on access: store what it resolves to.
    if isinstance(value, dict | localedata.LocaleDataDict):
        return {key: _plain(value[key]) for key in value}
    return value


def _folder() -> Path:
    return Path(settings.VAR_DIR) / "cldr" / f"babel-{babel.__version__}"


def _extract(identifier: str) -> dict:
    full = Locale.parse(identifier)._data
    return {key: _plain(full[key]) for key in KEPT if key in full}


def _write(identifier: str, tables: dict) -> None:
    folder = _folder()
    # Best effort: without the file (a read-only VAR_DIR) each process loads babel's data.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tables-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / f"{identifier}.pickle")
        except BaseException:
            os.unlink(temporary)
            raise


@functools.lru_cache(maxsize=16)
def compact_locale(identifier: str) -> Locale:
    """The locale (babel's identifier: en_GB, de, fa) over its kept tables."""
    try:
        # Our own file, under VAR_DIR: trusted as the cache's pickles there are.
        tables = pickle.loads((_folder() / f"{identifier}.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        tables = _extract(identifier)
        _write(identifier, tables)
    return CompactLocale(identifier, tables)


def prepare(identifier: str) -> None:
    """Write the locale's file unless it is there (serve, before the workers start)."""
    if not (_folder() / f"{identifier}.pickle").exists():
        _write(identifier, _extract(identifier))
