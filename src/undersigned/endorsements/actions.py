"""Endorsement actions: sign as a person, confirm, remove, hide as spam, forget a person."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.permissions import can_edit_statement, require
from undersigned.core.errors import ActionError
from undersigned.core.ratelimit import over_limit
from undersigned.endorsements.addresses import canonical_email
from undersigned.endorsements.models import Endorsement
from undersigned.endorsements.stats import numbers_changed
from undersigned.endorsements.tokens import (
    confirm_token,
    read_confirm_token,
    read_remove_token,
    remove_token,
)
from undersigned.mail.services import forget_recipients, send_templated_mail
from undersigned.statements.models import State, Statement
from undersigned.statements.translations import text_for_reader


class RateLimited(ActionError):
    pass


@dataclass
class EndorseResult:
    endorsement: Endorsement
    # False: this address had signed already. Never shown on the page (that would tell anyone
    # who signed, listed or not); the mail to the address says it.
    created: bool
    mailed: bool  # False: this address had as many mails about this statement as an hour allows


def endorse(
    *,
    statement: Statement,
    name: str,
    email: str,
    country: str,
    affiliation: str,
    listed: bool,
    client: str,
) -> EndorseResult:
    """Add a pending endorsement and mail its confirmation link; once per address.

    Returns only after the row is committed, so a success answer means it is stored.
    """
    if not statement.state_enum.is_signable:
        raise ActionError(_("This statement is not open for signatures."))
    if not statement.accepts_endorsements:
        raise ActionError(_("Organizations alone sign this statement."))
    if over_limit(f"endorse-ip:{client}", settings.ENDORSE_LIMIT_PER_IP, 3600):
        raise RateLimited(_("Too many signatures from your network this hour. Try again later."))
    canonical = canonical_email(email)
    # Per statement: forged submissions about one statement must not stop a person's own
    # signature on another.
    mailed = not over_limit(
        f"endorse-mail:{statement.pk}:{canonical}", settings.ENDORSE_LIMIT_PER_EMAIL, 3600
    )
    # The row and its mail in one transaction. An address that signed already makes the INSERT
    # fail and the transaction roll back; a second one then mails that person. (No savepoint
    # around the INSERT: on PostgreSQL that is two more round trips for every signature.)
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(
                statement=statement,
                name=name,
                email=email,
                email_canonical=canonical,
                country=country,
                affiliation=affiliation,
                listed=listed,
            )
            numbers_changed(statement.pk)
            if mailed:
                _send_confirmation(endorsement, statement, again=False)
        return EndorseResult(endorsement, created=True, mailed=mailed)
    except IntegrityError:
        pass
    with transaction.atomic():
        endorsement = Endorsement.objects.get(statement=statement, email_canonical=canonical)
        if mailed:
            _send_confirmation(endorsement, statement, again=True)
    return EndorseResult(endorsement, created=False, mailed=mailed)


def _send_confirmation(endorsement: Endorsement, statement: Statement, *, again: bool) -> None:
    text = text_for_reader(statement, translation.get_language()).text  # the one they read
    send_templated_mail(
        template="endorsement-confirm",
        to=[endorsement.email],
        context={
            "name": endorsement.name,
            "statement_title": text.title if text else statement.slug,
            "confirm_url": settings.SITE_URL
            + reverse(
                "endorsement-confirm", args=[confirm_token(endorsement.pk, endorsement.secret)]
            ),
            "remove_url": settings.SITE_URL
            + reverse(
                "endorsement-remove", args=[remove_token(endorsement.pk, endorsement.secret)]
            ),
            "days": settings.ENDORSE_TOKEN_MAX_AGE // 86400,
            # Signed and confirmed already: the mail says so, with the remove link only.
            "already_counted": again and endorsement.confirmed_at is not None,
        },
    )


def endorsement_from_confirm_token(token: str) -> Endorsement:
    try:
        pk, secret = read_confirm_token(token)
    except signing.SignatureExpired:
        raise ActionError(_("This link has expired. Sign again to get a new one.")) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise ActionError(_("This link is not valid. Check that it was copied whole.")) from None
    endorsement = (
        Endorsement.objects.select_related("statement").filter(pk=pk, secret=secret).first()
    )
    if endorsement is None:
        raise ActionError(_("This signature has been removed."))
    if endorsement.confirmed_at is None and not endorsement.statement.state_enum.is_signable:
        raise ActionError(
            _("This statement is no longer open for signatures; the link no longer counts.")
        )
    return endorsement


def confirm_endorsement(token: str) -> Endorsement:
    """Confirm through the mailed link (a POST: mail scanners that fetch links confirm nothing),
    only while the statement is open: a link must not count after it was closed or withdrawn."""
    endorsement = endorsement_from_confirm_token(token)
    with transaction.atomic():
        confirmed = Endorsement.objects.filter(
            pk=endorsement.pk,
            confirmed_at__isnull=True,
            statement__state__in=[state for state in State if state.is_signable],
        ).update(confirmed_at=timezone.now())
        if confirmed:
            numbers_changed(endorsement.statement_id)
    endorsement.refresh_from_db()
    return endorsement


def endorsement_from_remove_token(token: str) -> Endorsement:
    try:
        pk, secret = read_remove_token(token)
    except (signing.BadSignature, ValueError, TypeError):
        raise ActionError(_("This link is not valid. Check that it was copied whole.")) from None
    endorsement = (
        Endorsement.objects.select_related("statement").filter(pk=pk, secret=secret).first()
    )
    if endorsement is None:
        raise ActionError(_("This signature has been removed already."))
    return endorsement


def remove_endorsement(token: str) -> Statement:
    """Delete the signature and the address: from the endorsement, and from the mail sent to it
    about this or any statement (outbox, task results), unless it still signs another."""
    endorsement = endorsement_from_remove_token(token)
    with transaction.atomic():
        endorsement.delete()
        numbers_changed(endorsement.statement_id)
        others = Endorsement.objects.filter(email_canonical=endorsement.email_canonical)
        if not endorsement.email_canonical or not others.exists():
            forget_recipients([endorsement.email])
    return endorsement.statement


def hide_endorsements(*, statement: Statement, ids: list[int], user) -> int:
    """Coordinators hide spam in bulk; hidden entries are neither counted nor listed."""
    require(can_edit_statement(user, statement))
    with transaction.atomic():
        hidden = Endorsement.objects.filter(statement=statement, pk__in=ids, hidden=False).update(
            hidden=True
        )
        if hidden:
            numbers_changed(statement.pk)
            record_event(
                kind=Event.Kind.ENDORSEMENTS_HIDDEN,
                actor=user,
                statement=statement,
                details={"count": hidden, "ids": sorted(ids)[:1000]},
            )
    return hidden


def forget_person(email: str) -> int:
    """Delete a person's endorsements on every statement; the trail records how many, not who."""
    with transaction.atomic():
        rows = Endorsement.objects.filter(email_canonical=canonical_email(email))
        statements = sorted(set(rows.values_list("statement_id", flat=True)))
        # The address as typed on each statement (aliases), and as given here.
        addresses = {email, *rows.values_list("email", flat=True)}
        count, _by_model = rows.delete()
        for statement_id in statements:
            numbers_changed(statement_id)
        forget_recipients(sorted(addresses))
        record_event(
            kind=Event.Kind.PERSON_FORGOTTEN,
            details={"endorsements": count, "statements": statements},
        )
    return count
