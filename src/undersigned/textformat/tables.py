"""Signatory lists written as tables: "N | Name | Country" or "Name | Type | Country | Link".

A table is a run of lines with the same number of " | " cells. Its header row (possibly
bilingual, "Nom / Name | Pays / Country") names columns and is not a signatory; the
name column is the first that is not a running number, and the country column is the
one whose cells are most often a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .countries import country_name_code
from .folding import word_tuple

# Words of a header row's cells ("Nom / Name | Pays / Country | Link"), folded.
_HEADER_TEXT = """name names nom nombre nome isim ad organisation organization organisations
organizations organizacion organizacao organizzazione kurum type types statut status tipo tur
country countries pays pais paese ulke land lander link links lien liens enlace website site
web url publication no nr n number numero sayi signatory signataire firmante signatario date
datum fecha data tarih city ville ciudad stadt"""
_HEADER_WORDS = frozenset(_HEADER_TEXT.split())


def cells(line: str) -> list[str]:
    """The cells of a table row; a trailing "|" leaves an empty last cell."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    return [cell.strip() for cell in text.split("|")]


def is_row(line: str) -> bool:
    return " | " in line or line.rstrip().endswith(" |") or line.count("|") >= 2


def is_header(row: list[str]) -> bool:
    """A row whose cells are column names ("Nom / Name", "Pays / Country")."""
    named = 0
    filled = [c for c in row if c]
    for cell in filled:
        tokens = word_tuple(cell)
        if tokens and all(t in _HEADER_WORDS or len(t) <= 2 for t in tokens):
            named += 1
    return bool(filled) and named * 2 >= len(filled)


@dataclass(frozen=True)
class Columns:
    number: int | None
    name: int
    country: int | None


def columns(rows: list[list[str]]) -> Columns:
    width = max(len(r) for r in rows)
    number = 0 if all(r and r[0].rstrip(".").isdigit() for r in rows) else None
    name = 1 if number == 0 and width > 1 else 0
    best, country = 0, None
    for index in range(width):
        if index in (number, name):
            continue
        hits = sum(1 for r in rows if index < len(r) and _country_like(r[index]))
        if hits > best:
            best, country = hits, index
    if best * 3 < len(rows):
        country = None
    return Columns(number, name, country)


_SEVERAL = re.compile(r"\s*(?:/|,|;|&|\band\b|\bet\b|\bund\b|\by\b)\s*")


def _country_like(cell: str) -> bool:
    return country_name_code(cell) is not None or any(
        country_name_code(part) for part in _SEVERAL.split(cell) if part
    )


def country_cell(cell: str) -> str | None:
    """The code when the cell names exactly one country; None for several, a region, "Global"."""
    return country_name_code(cell.strip())
