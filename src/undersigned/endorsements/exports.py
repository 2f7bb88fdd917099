"""Streaming exports of endorsements: rows go out as they are read, in constant memory."""

import csv
import io
import json
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 5000


def neutralize(value: object) -> object:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _rows(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[tuple]:
    # values_list + iterator: no model instances and, on PostgreSQL, a server-side cursor.
    for row in queryset.order_by("id").values_list(*fields).iterator(chunk_size=_CHUNK):
        yield tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in row)


def _chunks(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def stream_csv(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for chunk in _chunks(_rows(queryset, fields)):
        writer.writerows([tuple(neutralize(v) for v in row) for row in chunk])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stream_json(queryset: QuerySet[Endorsement], fields: list[str]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for chunk in _chunks(_rows(queryset, fields)):
        yield separator + ",\n".join(
            json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False) for row in chunk
        )
        separator = ",\n"
    yield "\n]\n"
