"""Domain actions on signatures: sign, record, withdraw, confirm again.

Each checks permission, locks the statement row (so that a signature and a state change or a
new text version cannot cross), writes, records the audit event and enqueues mail, in one
transaction.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.accounts.languages import languages_of
from undersigned.audit.actors import account_of
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.actions import admit_new_organization
from undersigned.coalitions.models import Delegate, Organization
from undersigned.coalitions.permissions import (
    can_edit_statement,
    can_record_signature,
    can_sign_by_mail,
    can_sign_for,
    can_withdraw_for,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.core.links import link_for_reader
from undersigned.mail.services import send_templated_mail
from undersigned.signing import notices
from undersigned.signing.log import log_signature, log_withdrawal
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import close_if_expired
from undersigned.statements.blockdiff import changed_blocks
from undersigned.statements.models import State, Statement, Text
from undersigned.statements.translations import text_for_reader


class StaleVersion(ActionError):
    """The text changed between the moment the signer read it and the signature."""

    def __init__(self, seen: int, current: int) -> None:
        super().__init__(
            _(
                "The text changed while you were reading: it is now version %(current)s, and you "
                "read version %(seen)s. Read what changed, then sign again."
            )
            % {"current": current, "seen": seen}
        )
        self.seen, self.current = seen, current


def sign_statement(
    *, statement: Statement, organization: Organization, user, version: int
) -> Signature:
    """A delegate signs, for their organization, the version they read; a receipt tells them
    what to do next."""
    require(can_sign_for(user, statement, organization))
    # No transaction around _sign: a passed deadline closes the statement for good even though
    # the signature is refused. The receipt goes in _sign's own transaction.
    return _sign(
        statement=statement,
        organization=organization,
        user=user,
        method=Method.DELEGATE,
        version=version,
    )


def record_signature(
    *,
    statement: Statement,
    organization: Organization,
    user,
    evidence: str,
    version: int,
    signed_at=None,
) -> Signature:
    """A coordinator records a signature received by e-mail or on paper, with evidence.

    Only for organizations of the statement's coalition (any organization for an open letter),
    for the version the coordinator showed the organization, on the day it was given. A new
    organization (not saved yet) is added to the directory, and to the coalition, on the way.
    """
    new = organization.pk is None
    require(
        can_edit_statement(user, statement)
        if new
        else can_record_signature(user, statement, organization)
    )
    if not evidence.strip():
        raise ActionError(_("Say how the signature reached you (e-mail, letter, meeting)."))
    if signed_at is not None and signed_at > timezone.now():
        raise ActionError(_("The date a signature was given cannot be in the future."))
    with transaction.atomic():
        if new:
            # The statement's row before the trail's head (admitting records an event), in the
            # order every action on the statement takes them: no deadlock with a closing.
            Statement.objects.select_for_update().get(pk=statement.pk)
            admit_new_organization(
                coalition=statement.coalition, organization=organization, user=user
            )
        signature = _sign(
            statement=statement,
            organization=organization,
            user=user,
            method=Method.RECORDED,
            evidence=evidence.strip(),
            version=version,
            signed_at=signed_at,
        )
        notices.tell_delegates(
            statement=statement, organization=organization, user=user, removed=False
        )
    return signature


def sign_by_email(
    *, statement: Statement, organization: Organization, user, evidence: str
) -> Signature:
    """A DKIM-signed reply from the organization's verified domain says "we sign"
    (collection.inbound): the signature is given to the current version, as the organization's
    delegate would give it; the evidence names the domain and the message."""
    require(can_sign_by_mail(user, statement, organization))
    text = statement.current_text()
    assert text is not None  # a statement is made with its first text
    return _sign(
        statement=statement,
        organization=organization,
        user=user,
        method=Method.EMAIL,
        version=text.version,
        evidence=evidence,
    )


def approve_sign_on_signature(
    *, statement: Statement, organization: Organization, user, text: Text, evidence: str
) -> Signature:
    """The coordination approves an organization's request to sign (collection.actions): the
    signature goes to the version the requester read, even if a newer one came since (its
    signatories are then asked to confirm again, like everyone who signed that version)."""
    require(can_edit_statement(user, statement))
    return _sign(
        statement=statement,
        organization=organization,
        user=user,
        method=Method.SIGN_ON,
        version=text.version,
        evidence=evidence,
        text=text,
    )


def withdraw_signature(
    *, statement: Statement, organization: Organization, user, reason: str
) -> Signature:
    """The organization withdraws its signature, or the coordination removes one; either way
    with a public reason, which the list shows.

    A delegate withdraws their organization's signature. A coordinator may remove any signature
    of the statement; the list then says the coordination removed it, not the organization.
    """
    reason = reason.strip()
    require(can_withdraw_for(user, statement, organization))
    by_organization = can_sign_for(user, statement, organization)
    if not reason:
        raise ActionError(_("Say publicly why the signature is withdrawn; the list shows it."))
    with transaction.atomic():
        Statement.objects.select_for_update().get(pk=statement.pk)
        signature = _active_signature(statement, organization)
        signature.withdrawn_at = timezone.now()
        signature.withdrawal_reason = reason
        signature.withdrawn_by = user
        signature.removed_by_coordination = not by_organization
        signature.save(
            update_fields=[
                "withdrawn_at",
                "withdrawal_reason",
                "withdrawn_by",
                "removed_by_coordination",
            ]
        )
        log_withdrawal(signature)
        statement.touch()
        record_event(
            kind=Event.Kind.SIGNATURE_WITHDRAWN,
            actor=user,
            statement=statement,
            organization=organization,
            details={"reason": reason, "by_coordination": not by_organization},
        )
        if not by_organization:
            notices.tell_delegates(
                statement=statement,
                organization=organization,
                user=user,
                removed=True,
                reason=reason,
            )
    return signature


def reconfirm_signature(
    *, statement: Statement, organization: Organization, user, version: int
) -> Signature:
    """A delegate consents to the newest version, the one they read, after the text changed."""
    require(can_sign_for(user, statement, organization))
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        signature = _active_signature(statement, organization)
        text = statement.current_text()
        assert text is not None  # a statement is made with its first text
        if text.version != version:
            raise StaleVersion(seen=version, current=text.version)
        if signature.text_id == text.pk:
            return signature
        signature.text = text
        signature.save(update_fields=["text"])
        log_signature(signature, "reconfirmation")
        statement.touch()
        record_event(
            kind=Event.Kind.SIGNATURE_RECONFIRMED,
            actor=user,
            statement=statement,
            organization=organization,
            details={"version": text.version},
        )
    return signature


def ask_signers_to_reconfirm(*, statement: Statement, previous: Text, text: Text) -> None:
    """Mail the delegates of every organization that signed an earlier version the changes,
    each in their own language (never the one of the coordinator who published it), with the
    statement's title in that language where a current translation exists."""
    signed = Signature.objects.active().filter(statement=statement).exclude(text=text)
    delegates = (
        Delegate.objects.filter(organization__in=signed.values("organization"))
        .select_related("user", "organization")
        .order_by("user_id")
    )
    changes = [change.as_data() for change in changed_blocks(previous, text)]
    reachable = [d for d in delegates if d.user.email]
    languages = languages_of(d.user_id for d in reachable)
    # Read afresh: the caller's copy may hold its texts from before this version.
    statement = Statement.objects.prefetch_related("texts").get(pk=statement.pk)
    titles = {code: text_for_reader(statement, code).text.title for code in set(languages.values())}
    for delegate in reachable:
        language = languages[delegate.user_id]
        send_templated_mail(
            template="reconfirm",
            to=[delegate.user.email],
            language=language,
            context={
                "statement_title": titles[language],
                "organization": str(delegate.organization),
                "version": text.version,
                "previous_version": previous.version,
                "changes": changes,
                "change_note": text.change_note,
                "url": link_for_reader("statement", statement.slug, language=language),
            },
        )


def _sign(
    *,
    statement,
    organization,
    user,
    method,
    version: int,
    evidence: str = "",
    signed_at=None,
    text: Text | None = None,
) -> Signature:
    # A deadline that has passed closes the statement for good (committed and audited), even
    # though this signature is then refused.
    close_if_expired(statement)
    with transaction.atomic():
        # The row lock queues concurrent signers of one statement behind each other, so the
        # second sees the first one's signature instead of racing it.
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        if not statement.is_open_for_signatures():
            raise ActionError(_("This statement is not open for signatures."))
        if text is None:  # the version the signer read must be the current one
            text = statement.current_text()
            assert text is not None  # a statement is made with its first text
            if text.version != version:
                raise StaleVersion(seen=version, current=text.version)
        existing = Signature.objects.filter(statement=statement, organization=organization).first()
        if existing and existing.withdrawn_at is None:
            raise ActionError(_("%(org)s has signed already.") % {"org": organization})
        fields = {
            "text": text,
            "signed_at": signed_at or timezone.now(),
            "method": method,
            "evidence": evidence,
            "signed_by": account_of(user),  # no account for SYSTEM (the mail reader)
            "withdrawn_at": None,
            "withdrawal_reason": "",
            "withdrawn_by": None,
            "removed_by_coordination": False,
        }
        if existing:  # signing again after a withdrawal
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
            signature = existing
        else:
            try:
                with transaction.atomic():
                    signature = Signature.objects.create(
                        statement=statement, organization=organization, **fields
                    )
            except IntegrityError:
                # Another request won the race where the database has no row lock (SQLite).
                raise ActionError(
                    _("%(org)s has signed already.") % {"org": organization}
                ) from None
        log_signature(signature)
        statement.touch()
        kind = (
            Event.Kind.SIGNATURE_RECORDED
            if method == Method.RECORDED
            else Event.Kind.SIGNATURE_GIVEN
        )
        record_event(
            kind=kind,
            actor=user,
            statement=statement,
            organization=organization,
            details={"version": text.version, "evidence": evidence},
        )
        if method == Method.DELEGATE:
            notices.send_receipt(statement=statement, organization=organization, user=user)
    return signature


def _active_signature(statement: Statement, organization: Organization) -> Signature:
    signature = Signature.objects.filter(
        statement=statement, organization=organization, withdrawn_at__isnull=True
    ).first()
    if signature is None:
        raise ActionError(_("%(org)s has not signed this statement.") % {"org": organization})
    return signature


IMPORTABLE_STATES = (State.DRAFT, State.OPEN)


def import_signatures(
    *,
    statement: Statement,
    organizations: list[tuple[Organization, str]],
    user,
    source: str,
    signed_at,
) -> list[Signature]:
    """Signatures taken from a published list, each with the line it came from as evidence.

    Under the statement's lock, like any signature: only a draft (a statement being set up) or an
    open statement takes them; a closed or withdrawn one is frozen. Organizations that signed
    already, or withdrew, are left as they are: a list does not undo a withdrawal. `user` is
    SYSTEM for the command line.
    """
    require(can_edit_statement(user, statement))
    if not source.strip():
        raise ActionError(_("Say where the imported signatures come from."))
    close_if_expired(statement)
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        if statement.state not in IMPORTABLE_STATES:
            raise ActionError(
                _("“%(title)s” is %(state)s: reopen it before adding signatures.")
                % {"title": statement, "state": statement.get_state_display().lower()}
            )
        text = statement.current_text()
        assert text is not None  # a statement is made with its first text
        signed = set(statement.signatures.values_list("organization_id", flat=True))
        created = []
        for organization, evidence in organizations:
            if organization.pk in signed:
                continue
            signed.add(organization.pk)
            evidence = f"{source.strip()}, {evidence}" if evidence else source.strip()
            signature = Signature.objects.create(
                statement=statement,
                organization=organization,
                text=text,
                signed_at=signed_at,
                method=Method.IMPORTED,
                evidence=evidence,
                signed_by=account_of(user),
            )
            log_signature(signature)
            created.append(signature)
            record_event(
                kind=Event.Kind.SIGNATURE_IMPORTED,
                actor=user,
                statement=statement,
                organization=organization,
                details={"version": text.version, "evidence": evidence},
            )
        if created:
            statement.touch()
    return created
