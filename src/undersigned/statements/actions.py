"""Domain actions on statements: create, edit the text, change the state.

Each action checks permission, writes, records the audit event and enqueues mail, in one
transaction. Nothing else changes a statement's state or text.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.models import Coalition, unique_slug
from undersigned.coalitions.permissions import can_create_statement, can_edit_statement, require
from undersigned.core.errors import ActionError
from undersigned.statements.models import State, Statement, Text
from undersigned.statements.signals import text_version_created


def create_statement(
    *,
    user,
    coalition: Coalition | None,
    kind: str,
    issuer: str,
    language: str,
    title: str,
    subtitle: str,
    body: str,
    deadline=None,
    accepts_endorsements: bool = True,
) -> Statement:
    """A new draft with its first text version."""
    require(can_create_statement(user, coalition))
    with transaction.atomic():
        statement = Statement.objects.create(
            slug=unique_slug(Statement, coalition.abbreviation if coalition else "", title),
            kind=kind,
            issuer=issuer,
            coalition=coalition,
            original_language=language,
            deadline=deadline,
            accepts_endorsements=accepts_endorsements,
            created_by=user,
        )
        Text.objects.create(
            statement=statement, language=language, title=title, subtitle=subtitle, body=body
        )
        record_event(
            kind=Event.Kind.STATEMENT_CREATED,
            actor=user,
            statement=statement,
            details={"title": title, "language": language},
        )
    return statement


def update_details(
    *,
    statement: Statement,
    user,
    kind: str,
    issuer: str,
    deadline,
    accepts_endorsements: bool | None = None,
) -> None:
    """What a statement is, who issues it, and whether individuals may add their name (None:
    as it was); not its words, which are versioned."""
    require(can_edit_statement(user, statement))
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        if accepts_endorsements is None:
            accepts_endorsements = statement.accepts_endorsements
        before = {
            "kind": statement.kind,
            "issuer": statement.issuer,
            "deadline": statement.deadline,
            "accepts_endorsements": statement.accepts_endorsements,
        }
        after = {
            "kind": kind,
            "issuer": issuer,
            "deadline": deadline,
            "accepts_endorsements": accepts_endorsements,
        }
        if before == after:
            return
        statement.kind, statement.issuer, statement.deadline = kind, issuer, deadline
        statement.accepts_endorsements = accepts_endorsements
        statement.save(
            update_fields=["kind", "issuer", "deadline", "accepts_endorsements", "updated_at"]
        )
        record_event(
            kind=Event.Kind.STATEMENT_DETAILS_CHANGED,
            actor=user,
            statement=statement,
            details={
                name: value.isoformat() if hasattr(value, "isoformat") else value
                for name, value in after.items()
                if before[name] != value
            },
        )


def save_statement(
    *,
    statement: Statement,
    user,
    kind: str,
    issuer: str,
    deadline,
    title: str,
    subtitle: str,
    body: str,
    change_note: str = "",
    accepts_endorsements: bool | None = None,
) -> Text:
    """The editor's one save: details and words together, in one transaction."""
    with transaction.atomic():
        update_details(
            statement=statement,
            user=user,
            kind=kind,
            issuer=issuer,
            deadline=deadline,
            accepts_endorsements=accepts_endorsements,
        )
        return edit_text(
            statement=statement,
            user=user,
            title=title,
            subtitle=subtitle,
            body=body,
            change_note=change_note,
        )


def edit_text(
    *, statement: Statement, user, title: str, subtitle: str, body: str, change_note: str = ""
) -> Text:
    """Change the words of the original text.

    A draft nobody has signed is edited in place. Once it is public or signed, the text is a new
    version, and the delegates of the organizations that signed an earlier one are asked to
    confirm again (their signatures stay, marked as given to the earlier version).
    """
    require(can_edit_statement(user, statement))
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        current = statement.current_text()
        assert current is not None  # a statement is made with its first text
        if (current.title, current.subtitle, current.body) == (title, subtitle, body):
            return current
        if statement.state in (State.CLOSED, State.WITHDRAWN):
            raise ActionError(
                _("A closed or withdrawn statement is frozen. Reopen it first to change its text.")
            )
        if statement.state == State.DRAFT and not current.signatures.exists():
            current.title, current.subtitle, current.body = title, subtitle, body
            current.save(update_fields=["title", "subtitle", "body"])
            return current
        text = Text.objects.create(
            statement=statement,
            language=current.language,
            version=current.version + 1,
            title=title,
            subtitle=subtitle,
            body=body,
            change_note=change_note.strip(),
        )
        statement.touch()
        record_event(
            kind=Event.Kind.TEXT_VERSION_CREATED,
            actor=user,
            statement=statement,
            details={
                "version": text.version,
                "language": text.language,
                "note": text.change_note,
            },
        )
        text_version_created.send(Statement, statement=statement, previous=current, text=text)
    return text


def change_state(*, statement: Statement, user, state: State, reason: str = "") -> Statement:
    """Open, close, reopen or withdraw a statement, as its current state allows."""
    require(can_edit_statement(user, statement))
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        if state not in statement.state_enum.next_states:
            raise ActionError(
                _("A statement that is “%(from)s” cannot become “%(to)s”.")
                % {"from": statement.get_state_display(), "to": state.label}
            )
        if state == State.WITHDRAWN and not reason.strip():
            raise ActionError(_("Say why the statement is withdrawn; the public page shows it."))
        _set_state(statement, state, reason=reason.strip())
        record_event(
            kind=Event.Kind.STATEMENT_STATE_CHANGED,
            actor=user,
            statement=statement,
            details={"state": state.value, "reason": reason.strip()},
        )
    return statement


def close_if_expired(statement: Statement) -> bool:
    """Close a statement whose deadline has passed. True when it did.

    Called before a signature is given, so a deadline takes effect without a scheduler (pages
    show it closed meanwhile); the conditional update makes sure only one request records
    the closing, whatever state the caller's copy shows.
    """
    now = timezone.now()
    if not statement.deadline or statement.deadline > now:
        return False
    with transaction.atomic():
        closed = Statement.objects.filter(pk=statement.pk, state=State.OPEN).update(
            state=State.CLOSED, closed_at=now, updated_at=now
        )
        if closed:
            record_event(
                kind=Event.Kind.STATEMENT_STATE_CHANGED,
                statement=statement,
                details={"state": State.CLOSED.value, "reason": "deadline"},
            )
            statement.updated_at = now
            statement.announce_change()
    statement.state, statement.closed_at = State.CLOSED, now
    return bool(closed)


def _set_state(statement: Statement, state: State, *, reason: str) -> None:
    now = timezone.now()
    statement.state = state
    if state == State.OPEN:
        statement.opened_at = statement.opened_at or now
        statement.closed_at = None
        if statement.deadline and statement.deadline <= now:
            statement.deadline = None  # reopening past the deadline means "no deadline now"
    elif state == State.CLOSED:
        statement.closed_at = now
    elif state == State.WITHDRAWN:
        statement.withdrawn_reason = reason
    statement.save(
        update_fields=[
            "state",
            "opened_at",
            "closed_at",
            "deadline",
            "withdrawn_reason",
            "updated_at",
        ]
    )
