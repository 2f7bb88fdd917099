"""Invitations in bulk and reminders, for a coalition's coordinators, through the pages' actions.

A list (pasted lines or a CSV's text) is first previewed: its known, new and broken rows, and a
fingerprint that names the list as read. Sending it again with that fingerprint invites every
good row in one transaction, all or nothing; a list that reads differently now is refused (409)
rather than sent unseen, a list that is not a CSV list at all is refused as a whole (422).

A reminder round is first counted (how many organizations and mails it would reach now), then
sent with the number of mails seen: if that number changed meanwhile, nothing goes (409).
"""

from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema, Status

from undersigned.api import schemas as s
from undersigned.api.auth import token
from undersigned.api.errors import ERRORS, WRITE_ERRORS, InvalidInput
from undersigned.api.router import router
from undersigned.api.writing import _find
from undersigned.coalitions import bulk
from undersigned.coalitions.models import Coalition
from undersigned.coalitions.permissions import can_invite_in_bulk, can_send_reminders, require
from undersigned.core.errors import ActionError
from undersigned.signing.models import Reminder
from undersigned.signing.reminders import plan_reminders, send_reminders
from undersigned.statements.models import Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import titles_by_language

INVITING = {"auth": token, "tags": ["invitations in bulk"]}
REMINDING = {"auth": token, "tags": ["reminders"]}

ListText = s._text(bulk.MAX_BYTES)
Fingerprint = s._line(64)
ReminderKind = Literal[tuple(Reminder.Kind.values)]  # type: ignore[misc]


class ListIn(s.In):
    text: ListText = Field(
        description="The list: one organization a line, as `organization, e-mail, language, "
        "name` (the name optional), separated by commas, semicolons or tabs; a first line that "
        "names the columns may give another order. At most 1000 rows."
    )


class SendListIn(ListIn):
    fingerprint: Fingerprint = Field(description="The `fingerprint` of the list's preview.")
    statement: s.Slug | None = Field(
        None, description="Invite to sign this statement of the coalition (a draft or open)."
    )


class RowOut(Schema):
    line: int = Field(description="The row's line in the text sent, from 1.")
    organization: str = Field(description="The organization as written in the list.")
    email: str
    language: str
    name: str
    member: str | None = Field(
        None, description="The slug of the member organization the row names; none if new."
    )
    problem: str = Field(description="Why the row cannot be sent; empty for a good row.")

    @staticmethod
    def resolve_organization(row: bulk.Row) -> str:
        return row.organization_text

    @staticmethod
    def resolve_member(row: bulk.Row) -> str | None:
        return row.organization.slug if row.organization else None


class PreviewOut(Schema):
    fingerprint: str = Field(description="Send it back with the same list to send it.")
    known: list[RowOut] = Field(description="Rows naming a member organization.")
    new: list[RowOut] = Field(description="Rows naming an organization new to the directory.")
    broken: list[RowOut] = Field(description="Rows that cannot be sent, each with why.")


class InvitationOut(Schema):
    organization: str = Field(description="The invited organization's slug.")
    email: str
    language: str

    @staticmethod
    def resolve_organization(invitation) -> str:
        return invitation.organization.slug


class SentOut(Schema):
    sent: int = Field(description="How many invitations went out.")
    invitations: list[InvitationOut]


class ReminderQuery(Schema):
    kind: ReminderKind = Field(
        description="`sign`: member organizations that have not signed; `reconfirm`: "
        "signatories that have not confirmed the current version."
    )


class ReminderPlanOut(Schema):
    kind: ReminderKind
    organizations: int = Field(description="Organizations a reminder would reach now.")
    mails: int = Field(description="Mails it would send now: send this number as `expected`.")
    recent: int = Field(description="Organizations left out: reminded within the interval.")
    unreachable: int = Field(description="Organizations left out: nobody to write to.")


class ReminderIn(s.In):
    kind: ReminderKind = Field(description="`sign` or `reconfirm`, as counted.")
    expected: int = Field(ge=0, description="The number of mails the count showed.")


class RemindersSentOut(Schema):
    kind: ReminderKind
    organizations: int = Field(description="Organizations reminded.")
    mails: int = Field(description="Mails sent.")


def _coalition_for_bulk(request: HttpRequest, slug: str) -> Coalition:
    coalition = get_object_or_404(Coalition, slug=slug)
    require(can_invite_in_bulk(request.user, coalition))
    return coalition


def _read(text: str, coalition: Coalition) -> bulk.Preview:
    """The list read into rows; a list refused as a whole is invalid input (422)."""
    try:
        return bulk.read_list(text, coalition)
    except ActionError as error:
        raise InvalidInput({"text": [error.message]}) from None


@router.post(
    "/coalitions/{slug}/invitations/preview",
    response={200: PreviewOut, **WRITE_ERRORS},
    **INVITING,
)
def preview_invitations(request: HttpRequest, slug: str, data: ListIn):
    """How the list reads: rows naming member organizations, new organizations, and broken rows
    with their line and why. Sends nothing."""
    preview = _read(data.text, _coalition_for_bulk(request, slug))
    return {
        "fingerprint": preview.fingerprint,
        "known": preview.known,
        "new": preview.new,
        "broken": preview.broken,
    }


@router.post(
    "/coalitions/{slug}/invitations",
    response={201: SentOut, **WRITE_ERRORS},
    **INVITING,
)
def send_invitations(request: HttpRequest, slug: str, data: SendListIn):
    """Invite every good row of the previewed list, each mail in its row's language, in one
    transaction: all or none. New organizations enter the directory and the coalition. 409 if
    the list reads differently than when previewed (preview it again) or has no good row."""
    coalition = _coalition_for_bulk(request, slug)
    _read(data.text, coalition)  # a list refused as a whole is 422, not 409
    statement = _find(Statement, "statement", data.statement) if data.statement else None
    invitations = bulk.send_bulk_invitations(
        coalition=coalition,
        text=data.text,
        user=request.user,
        expected=data.fingerprint,
        statement=statement,
        statement_titles=titles_by_language(statement) if statement else None,
    )
    return Status(201, {"sent": len(invitations), "invitations": invitations})


def _statement_to_remind(request: HttpRequest, slug: str) -> Statement:
    statement = get_statement_for(request, slug, bodies=False)
    require(can_send_reminders(request.user, statement))
    return statement


@router.get(
    "/statements/{slug}/reminders",
    response={200: ReminderPlanOut, **ERRORS},
    **REMINDING,
)
def count_reminders(request: HttpRequest, slug: str, query: Query[ReminderQuery]):
    """How many organizations and mails a reminder of this kind would reach now (an
    organization is reminded at most once in the configured number of days): for the
    statement's coordinators while it is open for signatures."""
    plan = plan_reminders(_statement_to_remind(request, slug), query.kind)
    return {
        "kind": plan.kind,
        "organizations": len(plan.due),
        "mails": plan.mails,
        "recent": len(plan.recent),
        "unreachable": len(plan.unreachable),
    }


@router.post(
    "/statements/{slug}/reminders",
    response={201: RemindersSentOut, **WRITE_ERRORS},
    **REMINDING,
)
def send_reminder_round(request: HttpRequest, slug: str, data: ReminderIn):
    """Remind, in one transaction, those the count names, each mail in its reader's language.
    409 if the count of mails is no longer `expected` (count again), or nobody is waiting."""
    sent = send_reminders(
        statement=_statement_to_remind(request, slug),
        kind=data.kind,
        user=request.user,
        expected_mails=data.expected,
    )
    mails = sum(reminder.mails for reminder in sent)
    return Status(201, {"kind": data.kind, "organizations": len(sent), "mails": mails})
