"""Domain actions on statements: create, edit the text, change the state.

Each action checks permission, writes, records the audit event and enqueues mail, in one
transaction. Nothing else changes a statement's state or text.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.actors import account_of
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.models import Coalition, unique_slug
from undersigned.coalitions.permissions import can_create_statement, can_edit_statement, require
from undersigned.core.errors import ActionError
from undersigned.core.pagecache import bump_page_version
from undersigned.statements.log import log_opening, log_version
from undersigned.statements.models import DatePrecision, SlugRedirect, State, Statement, Text
from undersigned.statements.signals import text_version_created
from undersigned.statements.trail import text_digests
from undersigned.statements.validators import (
    check_words,
    refuse_passed_deadline,
    refuse_unusable_slug,
    validated_for_action,
)


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
    issued_on=None,
    issued_precision: str = DatePrecision.DAY,
    accepts_sign_ons: bool = False,
) -> Statement:
    """A new draft with its first text version. `issued_on`: the day (or month) a statement
    published elsewhere was issued, for the import."""
    require(can_create_statement(user, coalition))
    check_words(issuer, title, subtitle, body)
    validated_for_action((refuse_passed_deadline, deadline))
    with transaction.atomic():
        statement = Statement.objects.create(
            slug=unique_slug(Statement, coalition.abbreviation if coalition else "", title),
            kind=kind,
            issuer=issuer,
            coalition=coalition,
            original_language=language,
            deadline=deadline,
            accepts_endorsements=accepts_endorsements,
            accepts_sign_ons=accepts_sign_ons,
            issued_on=issued_on,
            issued_precision=issued_precision,
            created_by=account_of(user),
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
    slug: str | None = None,
    accepts_sign_ons: bool | None = None,
) -> Statement:
    """What a statement is, who issues it, whether individuals may add their name and
    organizations ask to sign (None: as it was) and, before it opens, its address (None: as it
    was); not its words, which are versioned. Returns the statement as saved."""
    require(can_edit_statement(user, statement))
    check_words(issuer)
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        if deadline != statement.deadline:  # an unchanged deadline may have passed meanwhile
            validated_for_action((refuse_passed_deadline, deadline))
        if accepts_endorsements is None:
            accepts_endorsements = statement.accepts_endorsements
        slug = statement.slug if slug is None else slug
        old_slug = statement.slug
        if slug != old_slug:
            _check_new_slug(statement, slug)
        if accepts_sign_ons is None:
            accepts_sign_ons = statement.accepts_sign_ons
        before = {
            "kind": statement.kind,
            "issuer": statement.issuer,
            "deadline": statement.deadline,
            "accepts_endorsements": statement.accepts_endorsements,
            "slug": old_slug,
            "accepts_sign_ons": statement.accepts_sign_ons,
        }
        after = {
            "kind": kind,
            "issuer": issuer,
            "deadline": deadline,
            "accepts_endorsements": accepts_endorsements,
            "slug": slug,
            "accepts_sign_ons": accepts_sign_ons,
        }
        if before == after:
            return statement
        statement.kind, statement.issuer, statement.deadline = kind, issuer, deadline
        statement.accepts_endorsements, statement.slug = accepts_endorsements, slug
        statement.accepts_sign_ons = accepts_sign_ons
        if slug != old_slug:
            # The old address leads to the new one; an address it had before is its own again.
            SlugRedirect.objects.filter(statement=statement, slug=slug).delete()
            SlugRedirect.objects.create(statement=statement, slug=old_slug)
        statement.save(
            update_fields=[
                "kind",
                "issuer",
                "deadline",
                "accepts_endorsements",
                "slug",
                "accepts_sign_ons",
                "updated_at",
            ]
        )
        if slug != old_slug:  # cached copies of the old address are out of date too
            bump_page_version(
                Statement.page_version_name(old_slug), statement.updated_at.isoformat()
            )
        record_event(
            kind=Event.Kind.STATEMENT_DETAILS_CHANGED,
            actor=user,
            statement=statement,
            details={
                **{
                    name: value.isoformat() if hasattr(value, "isoformat") else value
                    for name, value in after.items()
                    if before[name] != value
                },
                **({"old_slug": old_slug} if slug != old_slug else {}),
            },
        )
    return statement


def _check_new_slug(statement: Statement, slug: str) -> None:
    if statement.state != State.DRAFT:
        raise ActionError(
            _(
                "The address can change only before the statement opens: once it is public, "
                "links to it are out there."
            )
        )
    validated_for_action((lambda value: refuse_unusable_slug(value, statement), slug))


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
    slug: str | None = None,
    accepts_sign_ons: bool | None = None,
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
            slug=slug,
            accepts_sign_ons=accepts_sign_ons,
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
    check_words(title, subtitle, body, change_note)
    with transaction.atomic():
        statement = _locked(statement)
        current = statement.current_text()
        assert current is not None  # a statement is made with its first text
        if (current.title, current.subtitle, current.body) == (title, subtitle, body):
            return current
        _refuse_frozen(statement)
        if statement.state == State.DRAFT and not current.signatures.exists():
            current.title, current.subtitle, current.body = title, subtitle, body
            current.save(update_fields=["title", "subtitle", "body"])
            return current
        return add_text_version(
            statement=statement,
            user=user,
            title=title,
            subtitle=subtitle,
            body=body,
            change_note=change_note,
        )


def add_text_version(
    *,
    statement: Statement,
    user,
    title: str,
    subtitle: str,
    body: str,
    language: str | None = None,
    change_note: str = "",
) -> Text:
    """A new version of the text in `language` (the original's by default): the editor's save
    of a public or signed text, and the import of a changed text.

    Under the statement's row lock, like a signature, so that a signature is never given to a
    version that stopped being current meanwhile. The same words as the current version add
    nothing. The signers of the previous version are asked to confirm again (a signal that
    signing hears).
    """
    require(can_edit_statement(user, statement))
    with transaction.atomic():
        statement = _locked(statement)
        _refuse_frozen(statement)
        previous = statement.current_text(language)
        if previous and (previous.title, previous.subtitle, previous.body) == (
            title,
            subtitle,
            body,
        ):
            return previous
        text = Text.objects.create(
            statement=statement,
            language=language or statement.original_language,
            version=previous.version + 1 if previous else 1,
            title=title,
            subtitle=subtitle,
            body=body,
            change_note=change_note.strip(),
        )
        statement.touch()
        if statement.state != State.DRAFT:
            log_version(text)
        record_event(
            kind=Event.Kind.TEXT_VERSION_CREATED,
            actor=user,
            statement=statement,
            details={
                "version": text.version,
                "language": text.language,
                "note": text.change_note,
                "texts": text_digests(statement),
            },
        )
        if previous is not None:
            text_version_created.send(Statement, statement=statement, previous=previous, text=text)
    return text


def _locked(statement: Statement) -> Statement:
    """The statement's row, locked until the transaction ends (a no-op if the caller holds it)."""
    return Statement.objects.select_for_update().get(pk=statement.pk)


def _refuse_frozen(statement: Statement) -> None:
    if statement.state in (State.CLOSED, State.WITHDRAWN):
        raise ActionError(
            _("A closed or withdrawn statement is frozen. Reopen it first to change its text.")
        )


def change_state(
    *, statement: Statement, user, state: State, reason: str = "", at=None
) -> Statement:
    """Open, close, reopen or withdraw a statement, as its current state allows.

    `at`: when it happened, if not now: the import publishes a statement as it was, opened (and
    closed) on the day of its list.
    """
    require(can_edit_statement(user, statement))
    check_words(reason)
    with transaction.atomic():
        statement = _locked(statement)
        if state == State.OPEN and statement.deadline_passed:
            # Opening never erases a deadline behind the coordinator's back: they choose.
            raise ActionError(
                _(
                    "The deadline has passed. Choose a later one, or none, under “Edit”, then "
                    "open the statement."
                )
            )
        if state not in statement.state_enum.next_states:
            raise ActionError(
                _("A statement that is “%(from)s” cannot become “%(to)s”.")
                % {"from": statement.get_state_display(), "to": state.label}
            )
        if state == State.WITHDRAWN and not reason.strip():
            raise ActionError(_("Say why the statement is withdrawn; the public page shows it."))
        _set_state(statement, state, reason=reason.strip(), at=at)
        details = {"state": state.value, "reason": reason.strip(), "texts": text_digests(statement)}
        if at is not None:
            details["at"] = at.isoformat()
        record_event(
            kind=Event.Kind.STATEMENT_STATE_CHANGED,
            actor=user,
            statement=statement,
            details=details,
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
                details={
                    "state": State.CLOSED.value,
                    "reason": "deadline",
                    "texts": text_digests(statement),
                },
            )
            statement.updated_at = now
            statement.announce_change()
    statement.state, statement.closed_at = State.CLOSED, now
    return bool(closed)


def _set_state(statement: Statement, state: State, *, reason: str, at=None) -> None:
    now = at or timezone.now()
    statement.state = state
    if state == State.OPEN:
        if statement.opened_at is None:
            log_opening(statement)
        statement.opened_at = statement.opened_at or now
        statement.closed_at = None
    elif state == State.CLOSED:
        statement.closed_at = now
    elif state == State.WITHDRAWN:
        statement.withdrawn_reason = reason
    statement.save(
        update_fields=[
            "state",
            "opened_at",
            "closed_at",
            "withdrawn_reason",
            "updated_at",
        ]
    )
