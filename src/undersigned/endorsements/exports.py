"""Streaming exports of endorsements: rows go out as they are read, in constant memory.

A million rows must go out in seconds, so the database does the per-value work: it turns times
into text and defuses spreadsheet formulas, and Python only hands its rows to the csv module; on
PostgreSQL the database writes the CSV too.
"""

import csv
import io
import json
from collections.abc import Iterator

from django.db import connections
from django.db.models import BooleanField, Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import Cast, Concat, Substr
from django.db.models.lookups import In

from undersigned.core.formulas import FORMULA_START
from undersigned.endorsements.models import Endorsement

PUBLIC_FIELDS = ["name", "country", "affiliation", "confirmed_at"]
FULL_FIELDS = [
    "name",
    "email",
    "country",
    "affiliation",
    "listed",
    "hidden",
    "source",
    "created_at",
    "confirmed_at",
]
_TEXT = {"name", "email", "affiliation"}  # what people typed: may hold a formula
_TIMES = {"created_at", "confirmed_at"}
_CHUNK = 5000
_BLOCK = 64 * 1024


def _defused(field: str) -> Case:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection): a leading quote
    before = + - @ tab or return, written in SQL."""
    formula = In(Substr(field, 1, 1), list(FORMULA_START))
    return Case(
        When(formula, then=Concat(Value("'"), F(field))), default=F(field), output_field=CharField()
    )


def _as_text(field: str, *, defuse: bool):
    if field in _TIMES:
        return Cast(field, CharField())
    if field in _TEXT and defuse:
        return _defused(field)
    if isinstance(Endorsement._meta.get_field(field), BooleanField):
        return F(field)
    return Cast(field, CharField())  # no per-row conversion back into Python objects


def _select(queryset: QuerySet[Endorsement], fields: list[str], *, defuse: bool):
    columns = {f"x_{field}": _as_text(field, defuse=defuse) for field in fields}
    query = queryset.order_by("id").annotate(**columns).values_list(*columns).query
    return query.sql_with_params()


def _rows(queryset: QuerySet[Endorsement], fields: list[str], *, defuse: bool) -> Iterator[list]:
    """Lists of row tuples straight from the database cursor (on PostgreSQL a server-side
    one): no model instances, no per-row conversion."""
    sql, params = _select(queryset, fields, defuse=defuse)
    with connections[queryset.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_CHUNK):
            yield rows


def _copied_csv(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[bytes]:
    """PostgreSQL writes the CSV itself (COPY … TO STDOUT): Python only passes its blocks on,
    and the rows are the same query's, formulas defused, as the csv module would write them."""
    sql, params = _select(queryset, fields, defuse=True)
    yield (",".join(fields) + "\r\n").encode()
    # psycopg binds the parameters on our side: COPY takes none of its own. Leaving the block
    # early (the reader went away) cancels the COPY.
    with (
        connections[queryset.db].cursor() as cursor,
        cursor.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)", params) as copy,
    ):
        # The server sends a message per row: one write to the client per 64 KiB instead.
        buffer = bytearray()
        for row in copy:
            buffer += row
            if len(buffer) >= _BLOCK:
                yield bytes(buffer)
                buffer.clear()
        yield bytes(buffer)


def stream_csv(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[str | bytes]:
    if connections[queryset.db].vendor == "postgresql":
        yield from _copied_csv(queryset, fields)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for chunk in _rows(queryset, fields, defuse=True):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stream_json(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for chunk in _rows(queryset, fields, defuse=False):
        yield separator + ",\n".join(
            json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False) for row in chunk
        )
        separator = ",\n"
    yield "\n]\n"
