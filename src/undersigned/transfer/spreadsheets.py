"""A statement's organizations and a coalition's members as spreadsheets: CSV (streamed) and
XLSX (openpyxl).

One row per organization on the public list (numbered as the list numbers it), or per member
and public statement of the coalition (empty signature columns: that member has not signed it).
Each row says which version was signed, when, and whether it is the current one (signed or
re-confirmed since the last change). The delegates' names and addresses are added only for
whom the permission module allows (the coordinators).

Everything people typed can be read as a formula by a spreadsheet: in the CSV every text cell
is defused (core.formulas, as the endorsements' export does), in the XLSX every text cell is
written as a string, never as a formula.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition, Delegate, Organization
from undersigned.coalitions.selectors import members_in_display_order
from undersigned.core.formulas import defused
from undersigned.signing.models import Signature
from undersigned.signing.selectors import signatory_list
from undersigned.statements.models import Statement

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

Row = list[Any]  # str, int, date, bool or None: one value per column


@dataclass(frozen=True)
class Column:
    key: str  # the CSV's header: the same in every language, for scripts
    label: Promise  # the XLSX's header, in the reader's language


NUMBER = Column("number", _("No."))
ORGANIZATION = [
    Column("organization", _("Organization")),
    Column("abbreviation", _("Abbreviation")),
    Column("name", _("Name in its own language")),
    Column("name_en", _("English name")),
    Column("country", _("Country")),
]
STATEMENT = Column("statement", _("Statement"))
SIGNATURE = [
    Column("signed_version", _("Signed version")),
    Column("signed_on", _("Signed on")),
    Column("current_version", _("Signed the current version")),
]
CONTACTS = [Column("delegates", _("Delegates")), Column("delegate_emails", _("Delegates' e-mails"))]


@dataclass
class Sheet:
    filename: str  # without its extension
    title: Promise
    columns: list[Column]
    rows: Iterable[Row]  # read as the file is written


def statement_sheet(statement: Statement, *, contacts: bool) -> Sheet:
    """The organizations on the statement's public list, numbered as the list numbers them."""
    columns = [NUMBER, *ORGANIZATION, *SIGNATURE, *(CONTACTS if contacts else [])]

    def rows() -> Iterator[Row]:
        entries = signatory_list(statement).entries
        current = statement.current_text()
        reach = _contacts([e.organization.pk for e in entries]) if contacts else {}
        for entry in entries:
            row = [entry.number, *_organization(entry.organization)]
            row += _signature(entry.signature, current.pk if current else None)
            if contacts:
                row += reach.get(entry.organization.pk, ["", ""])
            yield row

    return Sheet(f"{statement.slug}-organizations", _("Organizations"), columns, rows())


def members_sheet(coalition: Coalition, statements: list[Statement], *, contacts: bool) -> Sheet:
    """Each member organization once per statement given (newest first), with its signature of
    it or empty cells; a coalition without statements lists its members once."""
    columns = [*ORGANIZATION, STATEMENT, *SIGNATURE, *(CONTACTS if contacts else [])]

    def rows() -> Iterator[Row]:
        members = members_in_display_order(coalition)
        signatures = {
            (s.organization_id, s.statement_id): s
            for s in Signature.objects.active()
            .filter(statement__in=statements, organization__coalitions=coalition)
            .select_related("text")
        }
        current = {s.pk: getattr(s.current_text(), "pk", None) for s in statements}
        reach = _contacts([o.pk for o in members]) if contacts else {}
        for organization in members:
            for statement in statements or [None]:
                row = [*_organization(organization), statement.slug if statement else ""]
                signature = statement and signatures.get((organization.pk, statement.pk))
                if signature:
                    row += _signature(signature, current[statement.pk])
                else:
                    row += [None, None, None]
                if contacts:
                    row += reach.get(organization.pk, ["", ""])
                yield row

    return Sheet(f"{coalition.slug}-members", _("Members"), columns, rows())


def _organization(organization: Organization) -> Row:
    return [
        organization.slug,
        organization.abbreviation,
        organization.name,
        organization.name_en,
        organization.country.code or "",
    ]


def _signature(signature: Signature, current_text_id: int | None) -> Row:
    signed_on = timezone.localdate(signature.signed_at)
    return [signature.text.version, signed_on, signature.text_id == current_text_id]


def _contacts(organization_ids: list[int]) -> dict[int, list[str]]:
    """Each organization's active delegates: their names and their addresses, "; " between."""
    found: dict[int, list[tuple[str, str]]] = {}
    delegates = (
        Delegate.objects.filter(organization_id__in=set(organization_ids), user__is_active=True)
        .order_by("organization_id", "created_at", "pk")
        .values_list(
            "organization_id",
            "user__first_name",
            "user__last_name",
            "user__username",
            "user__email",
        )
    )
    for organization_id, first, last, username, email in delegates:
        # As User.get_full_name() says it, without a model per delegate.
        name = f"{first} {last}".strip() or username
        found.setdefault(organization_id, []).append((name, email))
    return {
        pk: ["; ".join(name for name, __ in people), "; ".join(m for __, m in people if m)]
        for pk, people in found.items()
    }


# The files.


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return defused(value)
    return str(value)


def stream_csv(sheet: Sheet) -> Iterator[str]:
    """The header, then the rows a few hundred at a time, as they are read."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column.key for column in sheet.columns)
    for n, row in enumerate(sheet.rows, start=1):
        writer.writerow(_csv_cell(value) for value in row)
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _xlsx_cell(sheet, value: Any):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        # A string cell, whatever it starts with: openpyxl would write "=…" as a formula.
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def xlsx_bytes(sheet: Sheet, *, right_to_left: bool = False) -> bytes:
    # openpyxl (and the Pillow it loads) only where a spreadsheet is written: not in every
    # process that serves pages.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    # A sheet's name has at most 31 characters and none of []:*?/\ (the titles have none).
    worksheet = workbook.create_sheet(str(sheet.title)[:31])
    worksheet.sheet_view.rightToLeft = right_to_left or None
    bold = Font(bold=True)
    header = []
    for column in sheet.columns:
        cell = _xlsx_cell(worksheet, str(column.label))
        cell.font = bold
        header.append(cell)
    worksheet.append(header)
    for row in sheet.rows:
        worksheet.append([_xlsx_cell(worksheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
