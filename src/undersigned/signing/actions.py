"""Domain actions on signatures: sign, record, withdraw, confirm again.

Each checks permission, locks the statement row (so that a signature and a state change or a
new text version cannot cross), writes, records the audit event and enqueues mail, in one
transaction.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.actions import admit_new_organization
from undersigned.coalitions.models import Delegate, Organization
from undersigned.coalitions.permissions import (
    can_edit_statement,
    can_record_signature,
    can_sign_for,
    can_withdraw_for,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.mail.services import send_templated_mail
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import close_if_expired
from undersigned.statements.blockdiff import changed_blocks
from undersigned.statements.models import State, Statement, Text


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
    """A delegate signs, for their organization, the version they read."""
    require(can_sign_for(user, statement, organization))
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
            admit_new_organization(
                coalition=statement.coalition, organization=organization, user=user
            )
        return _sign(
            statement=statement,
            organization=organization,
            user=user,
            method=Method.RECORDED,
            evidence=evidence.strip(),
            version=version,
            signed_at=signed_at,
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
        statement.touch()
        record_event(
            kind=Event.Kind.SIGNATURE_WITHDRAWN,
            actor=user,
            statement=statement,
            organization=organization,
            details={"reason": reason, "by_coordination": not by_organization},
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
    """Mail the delegates of every organization that signed an earlier version the changes."""
    signed = Signature.objects.active().filter(statement=statement).exclude(text=text)
    delegates = (
        Delegate.objects.filter(organization__in=signed.values("organization"))
        .select_related("user", "organization")
        .order_by("user_id")
    )
    url = settings.SITE_URL + reverse("statement", args=[statement.slug])
    changes = [change.as_data() for change in changed_blocks(previous, text)]
    for delegate in delegates:
        if not delegate.user.email:
            continue
        send_templated_mail(
            template="reconfirm",
            to=[delegate.user.email],
            context={
                "statement_title": text.title,
                "organization": str(delegate.organization),
                "version": text.version,
                "previous_version": previous.version,
                "changes": changes,
                "change_note": text.change_note,
                "url": url,
            },
        )


def _sign(
    *, statement, organization, user, method, version: int, evidence: str = "", signed_at=None
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
            "signed_by": user,
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
    already, or withdrew, are left as they are: a list does not undo a withdrawal. The caller,
    the import, has checked permission; `user` is None for the command line.
    """
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
            created.append(
                Signature.objects.create(
                    statement=statement,
                    organization=organization,
                    text=text,
                    signed_at=signed_at,
                    method=Method.IMPORTED,
                    evidence=evidence,
                    signed_by=user,
                )
            )
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
