"""Signatory lists written as tables: "N | Name | Country", "| Name | Type | Country | Link |".

Rows are lines split at "|" (rendered HTML, markdown, or typed by hand). What each column
holds is read from its cells, never from its position or its header: a running number, a
link, a description (long cells, sentences), a country (most cells name one), an
abbreviation (most cells are short capitals), a type (few distinct short values), and the
name: the leftmost remaining column whose cells differ from row to row. Header rows
(possibly bilingual, "Nom / Name | Pays / Country") and separator rows ("|---|:--|") are
not signatories wherever they stand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .countries import country_name_code
from .country_fuzzy import separate_country
from .dates import find_date
from .folding import word_tuple

# Words of a header row's cells ("Nom / Name | Pays / Country | Link"), folded.
_HEADER_TEXT = """name names nom nombre nome isim ad organisation organization organisations
organizations organizacion organizacao organizzazione kurum type types statut status tipo tur
country countries pays pais paese ulke land lander link links lien liens enlace website site
web url publication no nr n number numero sayi signatory signataire firmante signatario date
datum fecha data tarih city ville ciudad stadt description descripcion beschreibung
descrizione descricao abbreviation acronym sigle sigla sigles siglas kurzel abreviatura
region state estado provincia entity entidad ente organisme organismo firma signatories
signataires firmantes signatarios unterzeichner sector secteur sektor settore location lieu
ort ubicacion localidad place category categorie kategorie categoria role title titre
affiliation contact email logo representative representant website webseite sitio"""
_HEADER_WORDS = frozenset(_HEADER_TEXT.split())

_NUMBER = re.compile(r"^\(?\d{1,5}[.)]?$")
_LINK = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.-]+\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)
_SEPARATOR_CELL = re.compile(r"^:?[-=+_]{2,}:?$")
_ACRONYM = re.compile(r"^[A-Z0-9ÄÖÜÉÈ][\w&./+'-]{0,14}$")
_SENTENCE_END = re.compile(r"[.!?]$")
_SAMPLE = 300
_LETTER = re.compile(r"[^\W\d_]")


def cells(line: str) -> list[str]:
    """The cells of a table row. Markdown's outer pipes ("| a | b |") frame the row; a
    trailing "|" alone leaves an empty last cell (an HTML table's empty last column)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
        if text.endswith("|"):
            text = text[:-1]
    return [cell.strip() for cell in text.split("|")]


def is_row(line: str) -> bool:
    return "|" in line and (
        " | " in line
        or line.rstrip().endswith(" |")
        or line.startswith("| ")
        or line.count("|") >= 2
    )


def is_separator(line: str) -> bool:
    """A rule between rows: "|---|:---:|", "---|---", "+-----+-----+"."""
    if "-" not in line and "=" not in line:
        return False
    parts = [c for c in cells(line.replace("+", "|")) if c]
    return bool(parts) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in parts)


def is_header(row: list[str]) -> bool:
    """A row whose cells are column names ("Nom / Name", "Pays / Country", "N°")."""
    filled = [c for c in row if c]
    if not filled or any(_NUMBER.match(c) for c in filled):
        return False  # most rows: a numbered row is never a header
    named = 0
    for cell in filled:
        tokens = word_tuple(cell)
        if any(t in _HEADER_WORDS for t in tokens) and all(
            t in _HEADER_WORDS or len(t) <= 2 for t in tokens
        ):
            named += 1
    return named * 2 >= len(filled)


@dataclass(frozen=True)
class Columns:
    """Which column holds what; columns not named here (descriptions, types, links) are dropped."""

    number: int | None
    name: int
    country: int | None
    abbreviation: int | None = None
    dropped: tuple[int, ...] = ()
    names: bool = True  # the name column holds names, not sentences (a layout table's)
    kinds: tuple[str, ...] = ()  # what each column's cells hold, for --explain

    def describe(self) -> str:
        """ "number | name | country | description (dropped)"."""
        roles = {self.number: "number", self.name: "name", self.country: "country"}
        roles[self.abbreviation] = "abbreviation"
        return " | ".join(roles.get(i, f"{kind} (dropped)") for i, kind in enumerate(self.kinds))


def columns(rows: list[list[str]]) -> Columns:
    width = max((len(r) for r in rows), default=1)
    # What a column holds shows in a few hundred of its rows (a long table reads fast).
    step = max(1, len(rows) // _SAMPLE)
    sample = rows[::step]
    kinds = [_kind([r[i] for r in sample if i < len(r) and r[i]]) for i in range(width)]
    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    # The name: the leftmost text column whose cells differ; else what is left to name a row.
    name = next(
        (i for i in texts if _distinct([r[i] for r in sample if i < len(r)])),
        texts[0] if texts else None,
    )
    for fallback in ("abbreviation", "type", "country", "description"):
        if name is None and fallback in kinds:
            name = kinds.index(fallback)
    if name is None:
        name = 1 if width > 1 and kinds[0] == "number" else 0
    number = kinds.index("number") if "number" in kinds[:name] else None
    country = _first(kinds, "country", name)
    abbreviation = _first(kinds, "abbreviation", name)
    named = {number, name, country, abbreviation}
    dropped = tuple(i for i in range(width) if i not in named)
    names = kinds[name] not in ("description", "link", "number", "empty")
    return Columns(number, name, country, abbreviation, dropped, names, tuple(kinds))


def _first(kinds: list[str], kind: str, name: int) -> int | None:
    return next((i for i, k in enumerate(kinds) if k == kind and i != name), None)


def _kind(values: list[str]) -> str:
    """What a column's filled cells hold: number, link, date, description, country,
    abbreviation, type or text (a name). Empty columns are "empty"."""
    if not values:
        return "empty"
    count = len(values)

    def share(test: Callable[[str], object]) -> float:
        return sum(1 for v in values if test(v)) / count

    if share(lambda v: _NUMBER.match(v)) >= 0.8:
        return "number"
    if share(lambda v: _LINK.match(v) or v in ("-", "—")) >= 0.6:
        return "link"
    if share(_date) >= 0.8:
        return "date"
    lengths = [len(v.split()) for v in values]
    if sum(lengths) / count > 9 or share(_sentence) >= 0.5:
        return "description"
    if share(_country_like) > 0.5:
        return "country"
    if share(_acronym) >= 0.7:
        return "abbreviation"
    if count >= 4 and not _distinct(values) and sum(lengths) / count <= 4:
        return "type"
    return "text"


def _distinct(values: list[str]) -> bool:
    """Cells that mostly differ from row to row (names), not a few repeated values (types).
    Duplicate rows happen in real lists, so most differing is enough."""
    filled = [v for v in values if v]
    if len(filled) < 4:
        return True
    most = Counter(filled).most_common(1)[0][1]
    return len(set(filled)) >= 0.6 * len(filled) and most * 4 <= len(filled) + 3


def _date(cell: str) -> bool:
    """A cell that is a date ("3 May 2021", "2021-05-03"), as a "signed on" column holds."""
    found = find_date(cell)
    return found is not None and found[2] - found[1] >= len(cell.strip(" .")) - 1


def _sentence(cell: str) -> bool:
    return len(cell.split()) >= 6 and bool(_SENTENCE_END.search(cell))


def _acronym(cell: str) -> bool:
    return (
        bool(_ACRONYM.match(cell))
        and sum(1 for ch in cell if ch.isupper()) >= 2
        and sum(1 for ch in cell if ch.islower()) <= len(cell) // 3
    )


_SEVERAL = re.compile(r"\s*(?:/|,|;|&|\band\b|\bet\b|\bund\b|\by\b)\s*")


def _country_like(cell: str) -> bool:
    return (
        country_name_code(cell) is not None
        or _iso_code(cell) is not None
        or any(country_name_code(part) for part in _SEVERAL.split(cell) if part)
    )


def country_cell(cell: str) -> str | None:
    """The code when the cell names exactly one country; None for several, a region, "Global".
    In a country column "DE" is Germany (elsewhere two capitals may be an abbreviation)."""
    found = separate_country(cell.strip())  # names in more languages, misspelt ones
    return found[0] if found is not None else _iso_code(cell)


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


def _iso_code(cell: str) -> str | None:
    code = cell.strip()
    return code if len(code) == 2 and code in _iso_codes() else None


def _names_something(cell: str) -> bool:
    """Letters, or digits that are not a running number ("11.11.11" is a name)."""
    return _LETTER.search(cell) is not None or (
        any(ch.isdigit() for ch in cell) and not _NUMBER.match(cell)
    )


@dataclass(frozen=True)
class RowEntry:
    text: str
    number: int | None
    country: str | None


def row_entry(row: list[str], cols: Columns) -> RowEntry | None:
    """The signatory a row names, or None for a row without a name."""

    def cell(index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    name, abbreviation = cell(cols.name), cell(cols.abbreviation)
    if not _names_something(name):
        name, abbreviation = abbreviation, ""
    if not _names_something(name):
        return None
    if abbreviation and abbreviation not in name:
        name = f"{name} ({abbreviation})"
    digits = cell(cols.number).strip("().")
    number = int(digits) if digits.isdigit() else None
    # A table of states ("1 | Albania"): the name is the country.
    stated = cols.name if cols.kinds and cols.kinds[cols.name] == "country" else cols.country
    country = country_cell(cell(stated)) if stated is not None else None
    return RowEntry(name, number, country)


def row_entries(rows: list[list[str]], cols: Columns) -> list[RowEntry | None]:
    """The signatory of each row of one table (None for a row without a name). A country
    column left of the name with empty cells is a merged cell ("rowspan"): the country of
    the row above carries down."""
    carries = cols.country is not None and cols.country < cols.name
    out: list[RowEntry | None] = []
    above: str | None = None
    for row in rows:
        read = row_entry(row, cols)
        if read is not None and carries:
            filled = cols.country is not None and cols.country < len(row) and row[cols.country]
            if filled:
                above = read.country
            elif read.country is None:
                read = RowEntry(read.text, read.number, above)
        out.append(read)
    return out
