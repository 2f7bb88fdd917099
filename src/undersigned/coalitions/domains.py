"""Domain proofs: an organization's delegate proves that the organization holds a domain.

By a DNS TXT record or a file at a well-known address (checked by coalitions.domain_checks, and
again every DOMAIN_RECHECK_HOURS by the worker), or, lighter, by confirming a mail address on the
domain through a mailed link. A proof that stops holding lapses and stays shown as lapsed.
Each step is an action with its audit event.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions import domain_checks
from undersigned.coalitions.domain_checks import CheckResult
from undersigned.coalitions.languages import languages_of
from undersigned.coalitions.models import DomainProof, Organization
from undersigned.coalitions.permissions import Actor, can_prove_domain, require
from undersigned.coalitions.signals import domain_proof_changed
from undersigned.core.errors import ActionError
from undersigned.core.links import link_for_reader
from undersigned.mail.services import send_templated_mail

MAIL_LINK_MAX_AGE = timedelta(days=7)
RECHECKS_PER_RUN = 200
_SALT = "undersigned.domain-proof"
Method, State = DomainProof.Method, DomainProof.State


def start_domain_proof(
    *, organization: Organization, domain: str, method: str, user: User, address: str = ""
) -> DomainProof:
    """A token for the domain (the same one while a proof of it by this method is pending).

    For the mail method the domain is the address's, and the link goes to the address.
    """
    require(can_prove_domain(user, organization))
    if method == Method.MAIL:
        address = address.strip()
        domain = address.rpartition("@")[2]
    try:
        domain = domain_checks.normalize_domain(domain)
    except ValueError as error:
        raise ActionError(str(error)) from None
    if domain_checks.is_free_mail(domain):
        raise ActionError(
            _(
                "Anyone can get an address on %(domain)s: it proves nothing about an "
                "organization. Use the organization's own domain."
            )
            % {"domain": domain}
        )
    if method not in Method.values:
        raise ActionError(_("Choose how to prove the domain."))
    with transaction.atomic():
        proof = DomainProof.objects.filter(
            organization=organization,
            domain=domain,
            method=method,
            address=address,
            state=State.PENDING,
        ).first()
        if proof is not None and method != Method.MAIL:
            return proof
        proof = proof or DomainProof.objects.create(
            organization=organization,
            domain=domain,
            method=method,
            address=address,
            token=secrets.token_urlsafe(24),
            started_by=user,
        )
        record_event(
            kind=Event.Kind.DOMAIN_PROOF_STARTED,
            actor=user,
            organization=organization,
            details={"domain": domain, "method": method},
        )
        if method == Method.MAIL:
            link = signing.TimestampSigner(salt=_SALT).sign(proof.token)
            # The address is the delegate's own, at their organization: their mail language.
            language = languages_of([user.pk])[user.pk] if user.pk else settings.LANGUAGE_CODE
            send_templated_mail(
                template="domain-proof",
                to=[address],
                context={
                    "organization": str(organization),
                    "domain": domain,
                    "url": link_for_reader("domain-proof-confirm", link, language=language),
                    "days": MAIL_LINK_MAX_AGE.days,
                },
                language=language,
            )
    return proof


def check_domain_proof(*, proof: DomainProof, user: Actor) -> CheckResult:
    """The delegate asks us to look now: the record or the file."""
    require(can_prove_domain(user, proof.organization))
    if proof.method == Method.MAIL:
        raise ActionError(_("A mail address is confirmed by the link mailed to it."))
    result = run_check(proof)  # over the network: outside any transaction
    _record(proof, result, actor=user)
    return result


def run_check(proof: DomainProof) -> CheckResult:
    if proof.method == Method.DNS:
        return domain_checks.check_dns(proof.domain, proof.token)
    return domain_checks.check_well_known(proof.domain, proof.token)


def _record(proof: DomainProof, result: CheckResult, *, actor: Actor | None) -> DomainProof:
    """Write what a check found: verified (again), lapsed, or only when it was looked at.

    A failure that says nothing about the proof (the network) never lapses it."""
    with transaction.atomic():
        proof = (
            DomainProof.objects.select_for_update().select_related("organization").get(pk=proof.pk)
        )
        now = timezone.now()
        proof.checked_at = now
        proof.last_error = "" if result.ok else result.message[:300]
        event = None
        if result.ok and proof.state != State.VERIFIED:
            proof.state, proof.verified_at, proof.lapsed_at = State.VERIFIED, now, None
            event = Event.Kind.DOMAIN_VERIFIED
        elif not result.ok and result.definitive and proof.state == State.VERIFIED:
            proof.state, proof.lapsed_at = State.LAPSED, now
            event = Event.Kind.DOMAIN_LAPSED
        proof.save()
        if event is not None:
            _announce(proof, event, actor, reason=result.code)
    return proof


def _announce(proof: DomainProof, kind: str, actor: Actor | None, *, reason: str = "") -> None:
    details = {"domain": proof.domain, "method": proof.method}
    if reason:
        details["reason"] = reason
    record_event(kind=kind, actor=actor, organization=proof.organization, details=details)
    domain_proof_changed.send(sender=DomainProof, organization=proof.organization)


def find_mail_proof(link_token: str) -> DomainProof:
    """The pending mail proof a link names, or ActionError saying why it cannot be used."""
    try:
        token = signing.TimestampSigner(salt=_SALT).unsign(link_token, max_age=MAIL_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise ActionError(_("This link has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise ActionError(_("This link is not valid.")) from None
    proof = (
        DomainProof.objects.select_related("organization")
        .filter(token=token, method=Method.MAIL)
        .first()
    )
    if proof is None:
        raise ActionError(_("This link is not valid."))
    if proof.state != State.PENDING:
        raise ActionError(_("This address has been confirmed already."))
    return proof


def confirm_mail_proof(*, link_token: str, user: Actor) -> DomainProof:
    """Whoever reads the mailbox confirms, by POST (mail scanners open links, they confirm
    nothing): holding the link is the permission."""
    proof = find_mail_proof(link_token)
    with transaction.atomic():
        now = timezone.now()
        confirmed = DomainProof.objects.filter(pk=proof.pk, state=State.PENDING).update(
            state=State.VERIFIED, verified_at=now, checked_at=now
        )
        if not confirmed:
            raise ActionError(_("This address has been confirmed already."))
        proof.refresh_from_db()
        _announce(proof, Event.Kind.DOMAIN_VERIFIED, user)
    return proof


def recheck_domain_proofs(*, now=None) -> dict[str, int]:
    """Check again the DNS and well-known proofs that were verified (or lapsed: they may hold
    again) and not looked at for DOMAIN_RECHECK_HOURS. Run by the worker (coalitions.tasks)."""
    now = now or timezone.now()
    due = (
        DomainProof.objects.filter(
            state__in=[State.VERIFIED, State.LAPSED], method__in=[Method.DNS, Method.WELL_KNOWN]
        )
        .filter(checked_at__lt=now - timedelta(hours=settings.DOMAIN_RECHECK_HOURS))
        .order_by("checked_at")[:RECHECKS_PER_RUN]
    )
    counts: dict[str, int] = {}
    for proof in list(due):
        checked = _record(proof, run_check(proof), actor=None)
        counts[checked.state] = counts.get(checked.state, 0) + 1
    return counts
