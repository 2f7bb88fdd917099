"""Signatures by e-mail reply. Each statement has an address on one mailbox (INBOUND_MAILBOX,
sign@example.net: sign+SLUG@example.net); the mail server hands each message to
`undersigned inbound` (a pipe) or to its LMTP listener, which call receive_message.

A message is recorded as the organization's signature (Method.EMAIL, to the current version)
when a DKIM signature verifies for a domain that aligns with the From address and lies within a
domain that exactly one organization has verified by DNS or its well-known file, the
organization may sign the statement, the signed To or Cc names the statement's address, the
signed Date is recent and the signed Message-ID new (so an old "we sign" cannot be handed in
again, here or for another statement), and the reply clearly says "we sign" (reply_text). Anything
else waits on the coordinators' desk, who record it as a signature (with the message as
evidence) or dismiss it. Every message is kept whole; its SHA-256 is in the audit event. The
sender gets a receipt in their language when the From address is proven by DKIM (a receipt to an
unproven address would be mail to whoever a forger names).
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from undersigned.audit.actors import SYSTEM
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.models import Coalition, DomainProof, Organization
from undersigned.coalitions.permissions import (
    Actor,
    can_decide_inbound,
    can_receive_mail,
    can_sign_by_mail,
    require,
)
from undersigned.collection import reply_text
from undersigned.collection.dkim_check import (
    DkimResult,
    LookupFailed,
    aligned,
    verify_dkim,
    within,
)
from undersigned.collection.inbound_models import InboundMessage
from undersigned.core.errors import ActionError
from undersigned.mail.services import send_templated_mail
from undersigned.signing.actions import record_signature, sign_by_email
from undersigned.signing.models import Signature
from undersigned.statements.actions import close_if_expired
from undersigned.statements.models import Statement
from undersigned.statements.translations import text_for_reader

Reason, State = InboundMessage.Reason, InboundMessage.State

# sysexits.h, what a pipe transport understands: accepted, bounce, bounce (no such address),
# try again later.
EX_OK, EX_DATAERR, EX_NOUSER, EX_TEMPFAIL = 0, 65, 67, 75

# A "we sign" older than this is not taken on its own (it may be an old message handed in
# again); nor one dated further ahead than the senders' clocks may be off.
MAX_AGE = timedelta(days=14)
CLOCK_SKEW = timedelta(hours=2)


class NotAccepted(Exception):
    """The message is refused for good; the mail server bounces it."""

    exit_code = EX_DATAERR
    smtp_reply = "554 5.6.0 Not accepted"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownAddress(NotAccepted):
    exit_code = EX_NOUSER
    smtp_reply = "550 5.1.1 No such statement address"


class TryLater(Exception):
    """Nothing could be decided now (a DNS lookup failed); the mail server tries again."""

    exit_code = EX_TEMPFAIL
    smtp_reply = "451 4.4.3 Try again later"


@dataclass
class Delivery:
    message: InboundMessage
    created: bool  # False: the same message arrived before (a mail server that retried)


# --- addresses ---------------------------------------------------------------------------------


def _mailbox() -> tuple[str, str]:
    local, __, domain = settings.INBOUND_MAILBOX.partition("@")
    return local, domain


def statement_address(statement: Statement) -> str:
    """The statement's address (sign+SLUG@…); empty when no mailbox is configured or the
    statement has no coalition, whose coordinators would read what arrives."""
    local, domain = _mailbox()
    if not (local and domain) or statement.coalition_id is None:
        return ""
    return f"{local}+{statement.slug}@{domain}"


def statement_for_address(address: str) -> Statement | None:
    """The statement a plus-address names, by its slug or its number."""
    local, domain = _mailbox()
    name, __, host = parseaddr(address)[1].strip().lower().rpartition("@")
    base, plus, extension = name.partition("+")
    if not (local and domain) or host != domain or base != local or not plus or not extension:
        return None
    statements = Statement.objects.select_related("coalition").filter(coalition__isnull=False)
    found = statements.filter(slug=extension).first()
    if found is None and extension.isdigit():
        found = statements.filter(pk=int(extension)).first()
    return found


def _recipient(message: EmailMessage, given: str) -> str:
    """The envelope recipient the mail server named, else the first header that names one of
    the mailbox's addresses (Delivered-To, X-Original-To, To, Cc)."""
    if given:
        return given
    for header in ("Delivered-To", "X-Original-To", "To", "Cc"):
        for __, address in getaddresses([str(v) for v in message.get_all(header, [])]):
            if statement_for_address(address) is not None:
                return address
    return ""


# --- reading a message -------------------------------------------------------------------------


@dataclass
class Parsed:
    message: EmailMessage
    sender: str
    sender_name: str
    subject: str
    reply: str
    language: str  # of the "we sign" phrase, or the message's Content-Language; may be empty
    says_we_sign: bool
    automatic: bool  # an auto-reply or a list's mail: it gets no receipt


def parse(raw: bytes) -> Parsed:
    """The parts of the message we judge it by; NotAccepted when it is not mail."""
    if len(raw) > settings.INBOUND_MAX_BYTES:
        raise NotAccepted(f"larger than {settings.INBOUND_MAX_BYTES} bytes")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if not isinstance(message, EmailMessage):  # the policy makes EmailMessage; for mypy
        raise NotAccepted("not a mail message")
    try:
        froms = [str(v) for v in message.get_all("From", [])]
        addresses = getaddresses(froms)
        subject = str(message.get("Subject", "") or "")
    except (ValueError, TypeError, IndexError):
        raise NotAccepted("unreadable header fields") from None
    if len(froms) != 1 or len(addresses) != 1 or "@" not in addresses[0][1]:
        raise NotAccepted("not a mail message: it needs exactly one From address")
    sender_name, sender = addresses[0][0].strip(), addresses[0][1].strip()
    if not (message.get("Date") or message.get("Message-ID")):
        raise NotAccepted("not a mail message: no Date and no Message-ID")
    reply = reply_text.reply_of(_plain_body(message))
    language = reply_text.says_we_sign(subject, reply)
    declared = str(message.get("Content-Language", "") or "").split(",")[0].strip()[:2].lower()
    auto = str(message.get("Auto-Submitted", "no") or "no").strip().lower()
    precedence = str(message.get("Precedence", "") or "").strip().lower()
    return Parsed(
        message=message,
        sender=sender[:254],
        sender_name=sender_name[:200],
        subject=subject.strip()[:300],
        reply=reply,
        language=language or declared,
        says_we_sign=language is not None,
        automatic=auto != "no" or precedence in ("bulk", "junk", "list") or "List-Id" in message,
    )


def _plain_body(message: EmailMessage) -> str:
    """The text/plain body; an HTML-only message has none we read (it waits for a person)."""
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError, ValueError, AttributeError):
        return ""


# --- deciding ----------------------------------------------------------------------------------


@dataclass
class Verdict:
    dkim: DkimResult
    authenticated: bool  # a verified signature aligns with the From address
    domain: str  # the organization's verified domain both fall within
    organization: Organization | None
    reason: str
    detail: str = ""


def judge(
    statement: Statement, address: str, parsed: Parsed, dkim: DkimResult, user: Actor
) -> Verdict:
    from_domain = parsed.sender.rpartition("@")[2].rstrip(".").lower()
    signing = [d for d in dkim.passed if aligned(d, from_domain)]
    verdict = Verdict(dkim, bool(signing), "", None, "")
    if dkim.result != "pass":
        verdict.reason, verdict.detail = Reason.DKIM, dkim.detail
        return verdict
    if not signing:
        verdict.reason = Reason.NOT_ALIGNED
        verdict.detail = _("signed by %(domains)s, sent from %(domain)s") % {
            "domains": ", ".join(dkim.passed),
            "domain": from_domain,
        }
        return verdict
    labels = from_domain.split(".")
    proofs = DomainProof.objects.filter(
        # The From domain and every domain above it: a proof of example.org covers mail from
        # lists.example.org.
        domain__in=[".".join(labels[i:]) for i in range(len(labels))],
        state=DomainProof.State.VERIFIED,
        method__in=[DomainProof.Method.DNS, DomainProof.Method.WELL_KNOWN],
    ).select_related("organization")
    matches = {
        proof.organization_id: proof
        for proof in proofs
        if within(from_domain, proof.domain) and any(within(d, proof.domain) for d in signing)
    }
    if not matches:
        verdict.reason = Reason.NO_ORGANIZATION
        verdict.detail = from_domain
        return verdict
    if len(matches) > 1:
        verdict.reason = Reason.AMBIGUOUS
        return verdict
    proof = next(iter(matches.values()))
    verdict.domain, verdict.organization = proof.domain, proof.organization
    signed = frozenset().union(*(dkim.covered.get(d, frozenset()) for d in signing))
    if not can_sign_by_mail(user, statement, proof.organization):
        verdict.reason = Reason.NOT_MEMBER
    elif not _addressed(parsed.message, address, signed):
        verdict.reason = Reason.NOT_ADDRESSED
    elif why := _replayed(parsed.message, signed):
        verdict.reason, verdict.detail = Reason.STALE, why
    elif not parsed.says_we_sign:
        verdict.reason = Reason.NOT_CLEAR
    return verdict


def _addressed(message: EmailMessage, address: str, signed: frozenset[str]) -> bool:
    """Whether a signed To or Cc field names this statement's address: a "we sign" sent to
    another statement (or to someone else) cannot be handed in here."""
    wanted = parseaddr(address)[1].strip().lower()
    for field in ("to", "cc"):
        named = getaddresses([str(v) for v in message.get_all(field, [])])
        if field in signed and wanted in {a.strip().lower() for __, a in named}:
            return True
    return False


def _replayed(message: EmailMessage, signed: frozenset[str]) -> str:
    """Why the message may be an old one handed in again, or "": its date and Message-ID must
    be signed, the date recent, and the Message-ID new to us."""
    if not {"date", "message-id"} <= signed:
        return _("the signature does not cover the date and the Message-ID")
    try:
        sent = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError, IndexError):
        sent = None
    now = timezone.now()
    if sent is None or sent.tzinfo is None or not (now - MAX_AGE <= sent <= now + CLOCK_SKEW):
        return _("sent more than %(days)s days ago, or dated in the future") % {
            "days": MAX_AGE.days
        }
    message_id = str(message.get("Message-ID", "") or "").strip()[:300]
    if not message_id or InboundMessage.objects.filter(message_id=message_id).exists():
        return _("a message with this Message-ID arrived before")
    return ""


def receive_message(*, raw: bytes, recipient: str = "", user: Actor = SYSTEM) -> Delivery:
    """Take one received message for a statement's address: record it as a signature when
    everything holds, else keep it for the coordinators. Raises NotAccepted (bounce) or
    TryLater (the mail server keeps it and tries again)."""
    require(can_receive_mail(user))
    parsed = parse(raw)
    address = _recipient(parsed.message, recipient)
    statement = statement_for_address(address)
    if statement is None:
        raise UnknownAddress(f"{address or 'no recipient'} names no statement")
    digest = hashlib.sha256(raw).hexdigest()
    earlier = InboundMessage.objects.filter(statement=statement, sha256=digest).first()
    if earlier is not None:
        return Delivery(earlier, created=False)
    try:
        dkim = verify_dkim(raw)  # over the network: outside any transaction
    except LookupFailed as error:
        raise TryLater(f"a DKIM key could not be looked up: {error}") from None
    verdict = judge(statement, address, parsed, dkim, user)
    close_if_expired(statement)  # committed on its own, whatever becomes of the message
    try:
        with transaction.atomic():
            inbound = _store(statement, address, raw, digest, parsed, verdict)
            if not verdict.reason:
                _sign(inbound, verdict, user)
            record_event(
                kind=Event.Kind.INBOUND_RECEIVED,
                actor=user,
                statement=statement,
                organization=verdict.organization,
                details={
                    "message": inbound.pk,
                    "sha256": digest,
                    "dkim": dkim.result,
                    "domain": verdict.domain,
                    "recorded": inbound.state == State.RECORDED,
                    "reason": inbound.reason,
                },
            )
            if verdict.authenticated and not parsed.automatic:
                _receipt(inbound)
    except IntegrityError:  # the same message, delivered twice at once
        return Delivery(InboundMessage.objects.get(statement=statement, sha256=digest), False)
    return Delivery(inbound, created=True)


def _language(statement: Statement, parsed: Parsed) -> str:
    languages = dict(settings.LANGUAGES)
    for language in (parsed.language, statement.original_language):
        if language in languages:
            return language
    return settings.LANGUAGE_CODE


def _store(statement, address, raw, digest, parsed: Parsed, verdict: Verdict) -> InboundMessage:
    return InboundMessage.objects.create(
        statement=statement,
        recipient=address[:254],
        sender=parsed.sender,
        sender_name=parsed.sender_name,
        subject=parsed.subject,
        message_id=str(parsed.message.get("Message-ID", "") or "").strip()[:300],
        excerpt=parsed.reply[:2000],
        raw=raw,
        sha256=digest,
        size=len(raw),
        language=_language(statement, parsed),
        dkim=verdict.dkim.result,
        dkim_domains=" ".join(dict.fromkeys(verdict.dkim.passed + verdict.dkim.failed))[:600],
        dkim_detail=verdict.dkim.detail[:300],
        aligned_domain=verdict.domain,
        organization=verdict.organization,
        says_we_sign=parsed.says_we_sign,
        reason=verdict.reason,
        detail=verdict.detail[:300],
    )


def evidence_of(inbound: InboundMessage) -> str:
    return _("E-mail from %(sender)s, received %(date)s, message SHA-256 %(sha256)s") % {
        "sender": inbound.sender,
        "date": inbound.received_at.strftime("%Y-%m-%d %H:%M UTC"),
        "sha256": inbound.sha256,
    }


def _sign(inbound: InboundMessage, verdict: Verdict, user: Actor) -> None:
    assert verdict.organization is not None
    evidence = _("Signed by e-mail, DKIM-verified for %(domain)s. %(message)s") % {
        "domain": verdict.domain,
        "message": evidence_of(inbound),
    }
    try:
        with transaction.atomic():
            signature = sign_by_email(
                statement=inbound.statement,
                organization=verdict.organization,
                user=user,
                evidence=evidence,
            )
    except ActionError as error:  # closed, signed already, a new version meanwhile
        inbound.reason, inbound.detail = Reason.REFUSED, error.message[:300]
        inbound.save(update_fields=["reason", "detail"])
        return
    inbound.state, inbound.signature, inbound.decided_at = State.RECORDED, signature, timezone.now()
    inbound.save(update_fields=["state", "signature", "decided_at"])


def _receipt(inbound: InboundMessage) -> None:
    statement = inbound.statement
    with translation.override(inbound.language):
        text = text_for_reader(statement, inbound.language).text
        send_templated_mail(
            template="inbound-receipt",
            to=[inbound.sender],
            language=inbound.language,
            context={
                "statement_title": text.title if text else statement.slug,
                "organization": str(inbound.organization or ""),
                "domain": inbound.aligned_domain,
                "recorded": inbound.state == State.RECORDED,
                "url": settings.SITE_URL + statement.get_absolute_url(),
                "sha256": inbound.sha256,
            },
        )
    inbound.receipt_sent = True
    inbound.save(update_fields=["receipt_sent"])


# --- the coordinators' decisions ---------------------------------------------------------------


def _claim(inbound: InboundMessage) -> InboundMessage:
    locked = (
        InboundMessage.objects.select_for_update().select_related("statement").get(pk=inbound.pk)
    )
    if locked.state != State.PENDING:
        raise ActionError(_("This message has been decided already."))
    return locked


def record_inbound(*, inbound: InboundMessage, organization: Organization, user: User) -> Signature:
    """A coordinator records the message as the organization's signature of the current
    version, the message as evidence (signing.record_signature: shown as recorded by the
    coordination)."""
    require(can_decide_inbound(user, inbound.statement))
    with transaction.atomic():
        inbound = _claim(inbound)
        statement = inbound.statement
        text = statement.current_text()
        assert text is not None
        signature = record_signature(
            statement=statement,
            organization=organization,
            user=user,
            evidence=evidence_of(inbound),
            version=text.version,
        )
        inbound.state, inbound.signature, inbound.organization = (
            State.RECORDED,
            signature,
            organization,
        )
        inbound.decided_at, inbound.decided_by = timezone.now(), user
        inbound.save(
            update_fields=["state", "signature", "organization", "decided_at", "decided_by"]
        )
        record_event(
            kind=Event.Kind.INBOUND_RECORDED,
            actor=user,
            statement=statement,
            organization=organization,
            details={"message": inbound.pk, "sha256": inbound.sha256},
        )
    return signature


def dismiss_inbound(*, inbound: InboundMessage, user: User, note: str = "") -> InboundMessage:
    """A coordinator sets the message aside (not a signature, spam); it stays as it came."""
    require(can_decide_inbound(user, inbound.statement))
    with transaction.atomic():
        inbound = _claim(inbound)
        inbound.state, inbound.note = State.DISMISSED, note.strip()[:2000]
        inbound.decided_at, inbound.decided_by = timezone.now(), user
        inbound.save(update_fields=["state", "note", "decided_at", "decided_by"])
        record_event(
            kind=Event.Kind.INBOUND_DISMISSED,
            actor=user,
            statement=inbound.statement,
            organization=inbound.organization,
            details={"message": inbound.pk, "sha256": inbound.sha256},
        )
    return inbound


def pending_messages(coalition: Coalition, limit: int = 100) -> list[InboundMessage]:
    """What waits on the desk: the coalition's messages no one has decided yet."""
    rows = InboundMessage.objects.filter(
        statement__coalition=coalition, state=State.PENDING
    ).select_related("statement", "organization")
    return list(rows.defer("raw").order_by("received_at")[:limit])
