"""Invitations in bulk: a list of organizations and addresses, pasted or uploaded as CSV.

A list is read into rows, each known (a member of the coalition, matched by abbreviation or
name), new (the directory does not know it) or broken (with its line and why). A file that is
not a readable CSV list is refused as a whole, before any row is shown. Sending invites every
good row in one transaction: all the invitations and their mails, or none.

Columns: organization, e-mail, language, and optionally the person's name; a first line that
names them ("organization,email,language,name") may give another order.
"""

import csv
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from undersigned.coalitions.actions import admit_new_organization, invite_organization
from undersigned.coalitions.models import Coalition, Invitation, Organization
from undersigned.coalitions.permissions import Actor, can_invite_in_bulk, require
from undersigned.core.errors import ActionError

MAX_BYTES = 256 * 1024
MAX_ROWS = 1000
COLUMNS = ("organization", "email", "language", "name")
_HEADER_WORDS = {
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "language": "language",
    "lang": "language",
    "name": "name",
    "person": "name",
}


@dataclass
class Row:
    line: int
    organization_text: str
    email: str
    language: str
    name: str
    organization: Organization | None = None  # a known member; None for a new organization
    problem: str = ""

    @property
    def is_new(self) -> bool:
        return not self.problem and self.organization is None


@dataclass
class Preview:
    text: str = ""
    rows: list[Row] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Names the list as previewed, rows and what each was found to be: sending refuses a
        list whose text or reading has changed since (line ends and surrounding blank space
        aside: a form field sent back by a browser changes them)."""
        normalized = "\n".join(line.rstrip() for line in self.text.strip().splitlines())
        reading = "|".join(
            f"{row.line}:{row.organization.pk if row.organization else ''}:{bool(row.problem)}"
            for row in self.rows
        )
        return hashlib.sha256(f"{normalized}\0{reading}".encode()).hexdigest()[:16]

    @property
    def good(self) -> list[Row]:
        return [row for row in self.rows if not row.problem]

    @property
    def broken(self) -> list[Row]:
        return [row for row in self.rows if row.problem]

    @property
    def known(self) -> list[Row]:
        return [row for row in self.good if row.organization is not None]

    @property
    def new(self) -> list[Row]:
        return [row for row in self.good if row.organization is None]


def decode_upload(data: bytes) -> str:
    """The text of an uploaded list, or ActionError refusing the file as a whole."""
    if len(data) > MAX_BYTES:
        raise ActionError(
            _("The file is too large: at most %(kb)s kB.") % {"kb": MAX_BYTES // 1024}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ActionError(
            _("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.")
        ) from None


def read_list(text: str, coalition: Coalition) -> Preview:
    """Every line of the list as a row, or ActionError if it is not a CSV list at all."""
    if len(text.encode()) > MAX_BYTES:
        raise ActionError(_("The list is too long: at most %(kb)s kB.") % {"kb": MAX_BYTES // 1024})
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        raise ActionError(_("This is not a CSV list: it holds binary data."))
    lines = text.splitlines()
    try:
        records = list(_records(lines))
    except csv.Error as error:
        raise ActionError(_("This is not a CSV list: %(error)s") % {"error": error}) from None
    if len(records) > MAX_ROWS:
        raise ActionError(_("At most %(rows)s rows at a time.") % {"rows": MAX_ROWS})
    if records and not any(len(cells) >= 2 for _line, cells in records):
        raise ActionError(
            _("This is not a CSV list: no line has an organization and an e-mail address.")
        )
    order, records = _columns(records)
    matcher = _Matcher(coalition)
    preview, seen = Preview(text), dict[str, int]()
    for line, cells in records:
        row = _row(line, cells, order)
        row.problem = row.problem or _check(row, seen, matcher)
        preview.rows.append(row)
    return preview


def _records(lines: list[str]):
    delimiter = _delimiter(next((line for line in lines if line.strip()), ""))
    reader = csv.reader(lines, delimiter=delimiter, strict=True, skipinitialspace=True)
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if any(cells) and not cells[0].startswith("#"):
            yield reader.line_num, cells


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (spreadsheets in many languages) or tab: the one the first line uses
    most."""
    return max(",;\t", key=first_line.count) if first_line else ","


def _columns(records: list) -> tuple[dict[str, int], list]:
    if records:
        words = [_HEADER_WORDS.get(cell.casefold()) for cell in records[0][1]]
        if "email" in words:
            order = {word: index for index, word in enumerate(words) if word}
            return order, records[1:]
    return {name: index for index, name in enumerate(COLUMNS)}, records


def _row(line: int, cells: list[str], order: dict[str, int]) -> Row:
    def cell(name: str) -> str:
        index = order.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    row = Row(line, cell("organization"), cell("email"), cell("language"), cell("name"))
    if len(cells) > len(order):
        row.problem = _("More columns than organization, e-mail, language and name.")
    return row


def _check(row: Row, seen: dict[str, int], matcher: "_Matcher") -> str:
    if not row.organization_text:
        return _("No organization.")
    if len(row.organization_text) > 300 or len(row.name) > 200:
        return _("The organization or the name is too long.")
    try:
        validate_email(row.email)
    except ValidationError:
        return _("“%(email)s” is not an e-mail address.") % {"email": row.email}
    row.email = row.email.strip()
    key = row.email.casefold()
    if key in seen:
        return _("The same e-mail address as line %(line)s.") % {"line": seen[key]}
    seen[key] = row.line
    codes = dict(settings.LANGUAGES)
    language = row.language.casefold().replace("_", "-").split("-")[0]
    if language not in codes:
        return _("“%(language)s” is not a language of this site; use one of: %(codes)s.") % {
            "language": row.language,
            "codes": ", ".join(codes),
        }
    row.language = language
    return matcher.match(row)


class _Matcher:
    """Finds a row's organization among the coalition's members, then in the directory."""

    def __init__(self, coalition: Coalition) -> None:
        self.coalition = coalition
        self.members: dict[str, list[Organization]] = {}
        self.directory: dict[str, list[Organization]] = {}
        member_ids = set(coalition.members.values_list("pk", flat=True))
        for organization in Organization.objects.all():
            index = self.members if organization.pk in member_ids else self.directory
            for key in {_key(k) for k in _names(organization)} - {""}:
                index.setdefault(key, []).append(organization)

    def match(self, row: Row) -> str:
        key = _key(row.organization_text)
        members = self.members.get(key, [])
        if len(members) > 1:
            return _("Several members are called so: %(names)s. Write the full name.") % {
                "names": "; ".join(str(o) for o in members)
            }
        if members:
            row.organization = members[0]
            return ""
        if others := self.directory.get(key):
            # An invitation makes its recipient a delegate: never of an organization outside
            # the coalition, which has not agreed to it.
            return _(
                "%(org)s is in the directory but not a member of %(coalition)s: add it as a "
                "member first."
            ) % {"org": others[0], "coalition": self.coalition.abbreviation}
        return ""


def _names(organization: Organization) -> list[str]:
    return [organization.abbreviation, organization.name, organization.name_en, str(organization)]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def send_bulk_invitations(
    *,
    coalition: Coalition,
    text: str,
    user: Actor,
    expected: str,
    statement=None,
    statement_titles: Mapping[str, str] | None = None,
) -> list[Invitation]:
    """Invite every good row of the list, in one transaction, each mail in its row's language.

    `expected` is the fingerprint of the list as the coordinator previewed it: a different list,
    or one that reads differently now (an organization became a member meanwhile), is refused
    rather than sent unseen. Rows naming the same new organization invite its delegates to one
    new organization.
    """
    require(can_invite_in_bulk(user, coalition))
    preview = read_list(text, coalition)
    if expected != preview.fingerprint:
        raise ActionError(_("The list is not the one previewed. Preview it again."))
    if not preview.good:
        raise ActionError(_("No row of the list can be sent."))
    invitations = []
    with transaction.atomic():
        new: dict[str, Organization] = {}
        for row in preview.good:
            organization = row.organization
            if organization is None:
                key = _key(row.organization_text)
                if key not in new:
                    new[key] = admit_new_organization(
                        coalition=coalition,
                        organization=Organization(name=row.organization_text),
                        user=user,
                    )
                organization = new[key]
            invitations.append(
                invite_organization(
                    coalition=coalition,
                    organization=organization,
                    email=row.email,
                    user=user,  # type: ignore[arg-type]  # can_invite_in_bulk: a known person
                    statement=statement,
                    language=row.language,
                    name=row.name,
                    statement_titles=statement_titles,
                )
            )
    return invitations
