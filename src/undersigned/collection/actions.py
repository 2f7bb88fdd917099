"""Organizations asking to sign: request, confirm the address, and the coordinators' approve,
reject or merge. One function per step; each checks its rule in the permission module, writes
in one transaction, records its audit event and queues its mail (in the requester's language).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from undersigned.accounts.languages import remember_first_language
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.actions import admit_new_organization
from undersigned.coalitions.delegation import admit_delegate
from undersigned.coalitions.models import Organization
from undersigned.coalitions.permissions import (
    Actor,
    can_decide_sign_on,
    can_request_sign_on,
    require,
)
from undersigned.collection.logos import store_logo
from undersigned.collection.models import SignOnRequest
from undersigned.core.errors import ActionError
from undersigned.core.ratelimit import over_limit
from undersigned.mail.services import send_templated_mail
from undersigned.signing.actions import approve_sign_on_signature
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement
from undersigned.statements.translations import text_for_reader

_CONFIRM = "undersigned.sign-on.confirm"
State = SignOnRequest.State


class RateLimited(ActionError):
    pass


@dataclass
class ProposedOrganization:
    """A new organization as the requester describes it."""

    name: str
    abbreviation: str = ""
    name_en: str = ""
    country: str = ""
    website: str = ""


@dataclass
class SignOnResult:
    sign_on: SignOnRequest
    # False: this address has an open request for the statement already. Never shown on the
    # page (that would tell anyone who asked); the mail to the address says it.
    created: bool
    mailed: bool


def request_sign_on(
    *,
    statement: Statement,
    user: Actor,
    organization: Organization | None,
    proposed: ProposedOrganization | None,
    logo_png: bytes | None,
    person_name: str,
    person_role: str,
    email: str,
    language: str,
    listed: bool,
    version: int,
    client: str,
) -> SignOnResult:
    """Ask, for a known organization or a new one, to sign the version read; mails a link that
    confirms the address. Nothing is public until a coordinator approves."""
    if not statement.accepts_sign_ons:
        raise ActionError(_("This statement does not take requests from organizations."))
    if not can_request_sign_on(user, statement):
        raise ActionError(_("This statement is not open for signatures."))
    if (organization is None) == (proposed is None):
        raise ActionError(_("Choose a known organization or describe a new one."))
    if not listed:
        raise ActionError(_("An organization signs publicly: agree to be listed."))
    if language not in dict(settings.LANGUAGES):
        raise ActionError(_("Choose a language."))
    if over_limit(f"sign-on-ip:{client}", settings.SIGN_ON_LIMIT_PER_IP, 3600):
        raise RateLimited(_("Too many requests from your network this hour. Try again later."))
    # From the texts the view read already (a query less), as current_text() does.
    text = next(
        (
            t
            for t in statement.texts.all()
            if t.language == statement.original_language and t.version == version
        ),
        None,
    )
    if text is None:
        raise ActionError(_("This version of the text does not exist."))
    if organization is not None and (
        Signature.objects.active().filter(statement=statement, organization=organization).exists()
    ):
        raise ActionError(_("%(org)s has signed already.") % {"org": organization})
    key = email.strip().lower()
    mailed = not over_limit(
        f"sign-on-mail:{statement.pk}:{key}", settings.SIGN_ON_LIMIT_PER_EMAIL, 3600
    )
    proposed = proposed or ProposedOrganization(name="")
    try:
        with transaction.atomic():
            sign_on = SignOnRequest.objects.create(
                statement=statement,
                text=text,
                organization=organization,
                org_name=proposed.name,
                org_abbreviation=proposed.abbreviation,
                org_name_en=proposed.name_en,
                org_country=proposed.country,
                org_website=proposed.website,
                logo=store_logo(logo_png) if logo_png else "",
                person_name=person_name,
                person_role=person_role,
                email=email.strip(),
                email_key=key,
                language=language,
                listed=listed,
            )
            record_event(
                kind=Event.Kind.SIGN_ON_REQUESTED,
                statement=statement,
                organization=organization,
                details={"request": sign_on.pk, "organization": sign_on.organization_label},
            )
            if mailed:
                _mail_confirmation(sign_on, again=False)
        return SignOnResult(sign_on, created=True, mailed=mailed)
    except IntegrityError:
        pass  # an open request from this address: the mail says so, the page does not
    with transaction.atomic():
        sign_on = SignOnRequest.objects.get(
            statement=statement, email_key=key, state__in=[State.REQUESTED, State.CONFIRMED]
        )
        if mailed:
            _mail_confirmation(sign_on, again=True)
    return SignOnResult(sign_on, created=False, mailed=mailed)


def confirm_token(sign_on: SignOnRequest) -> str:
    return signing.dumps([sign_on.pk, sign_on.secret], salt=_CONFIRM, compress=False)


def sign_on_from_token(token: str) -> SignOnRequest:
    """The request a mailed link names, or ActionError saying why the link no longer works."""
    try:
        value = signing.loads(token, salt=_CONFIRM, max_age=settings.ENDORSE_TOKEN_MAX_AGE)
        pk, secret = int(value[0]), str(value[1])
    except signing.SignatureExpired:
        raise ActionError(_("This link has expired. Ask again to get a new one.")) from None
    except (signing.BadSignature, ValueError, TypeError, IndexError, KeyError):
        raise ActionError(_("This link is not valid. Check that it was copied whole.")) from None
    sign_on = (
        SignOnRequest.objects.select_related("statement", "organization")
        .filter(pk=pk, secret=secret)
        .first()
    )
    if sign_on is None:
        raise ActionError(_("This link is not valid. Check that it was copied whole."))
    return sign_on


def confirm_sign_on(*, token: str, user: Actor) -> SignOnRequest:
    """The address answers the mailed link (a POST: mail scanners that fetch links confirm
    nothing); the request then waits for the coordinators."""
    sign_on = sign_on_from_token(token)
    if sign_on.state != State.REQUESTED:
        return sign_on  # confirmed (or decided) already: the page says where it stands
    if not can_request_sign_on(user, sign_on.statement):
        raise ActionError(_("This statement no longer takes requests; the link no longer counts."))
    with transaction.atomic():
        confirmed = SignOnRequest.objects.filter(pk=sign_on.pk, state=State.REQUESTED).update(
            state=State.CONFIRMED, confirmed_at=timezone.now()
        )
        if confirmed:
            record_event(
                kind=Event.Kind.SIGN_ON_CONFIRMED,
                statement=sign_on.statement,
                organization=sign_on.organization,
                details={"request": sign_on.pk},
            )
    sign_on.refresh_from_db()
    return sign_on


def approve_sign_on(*, sign_on: SignOnRequest, user: User) -> SignOnRequest:
    """The coordination approves: the signature enters the list, given to the version the
    requester read. A new organization enters the directory (and the coalition), and the
    requester becomes its first delegate; a known organization gains no delegate this way."""
    statement = sign_on.statement
    require(can_decide_sign_on(user, statement))
    with transaction.atomic():
        sign_on = _claim(sign_on)
        organization, account = sign_on.organization, None
        if organization is None:
            organization = _new_organization(sign_on, user)
            account = _first_delegate(sign_on, organization, user)
        _sign(sign_on, organization, user)
        _decide(sign_on, State.APPROVED, user, organization=organization)
        record_event(
            kind=Event.Kind.SIGN_ON_APPROVED,
            actor=user,
            statement=statement,
            organization=organization,
            details={"request": sign_on.pk, "new_organization": account is not None},
        )
        _mail_decision(sign_on, "sign-on-approved", account=account)
    return sign_on


def merge_sign_on(
    *, sign_on: SignOnRequest, organization: Organization, user: User
) -> SignOnRequest:
    """The described organization is a known one: that one signs, and the requester becomes
    none of its delegates (only its own delegates speak for a known organization)."""
    require(can_decide_sign_on(user, sign_on.statement))
    if organization.pk is None:
        raise ActionError(_("Choose a known organization to merge into."))
    with transaction.atomic():
        sign_on = _claim(sign_on)
        if sign_on.organization_id is not None:
            raise ActionError(_("Only a request for a new organization can be merged."))
        _sign(sign_on, organization, user)
        _decide(sign_on, State.MERGED, user, organization=organization)
        record_event(
            kind=Event.Kind.SIGN_ON_MERGED,
            actor=user,
            statement=sign_on.statement,
            organization=organization,
            details={"request": sign_on.pk, "described": f"{sign_on.org_name}"[:300]},
        )
        _mail_decision(sign_on, "sign-on-approved", account=None)
    return sign_on


def reject_sign_on(*, sign_on: SignOnRequest, user: User, reason: str) -> SignOnRequest:
    """The coordination declines, saying why; the requester is told in their language."""
    require(can_decide_sign_on(user, sign_on.statement))
    reason = reason.strip()
    if not reason:
        raise ActionError(_("Say why the request is rejected; the requester is told."))
    with transaction.atomic():
        sign_on = _claim(sign_on)
        sign_on.reason = reason
        _decide(sign_on, State.REJECTED, user, organization=sign_on.organization)
        record_event(
            kind=Event.Kind.SIGN_ON_REJECTED,
            actor=user,
            statement=sign_on.statement,
            organization=sign_on.organization,
            details={"request": sign_on.pk},
        )
        _mail_decision(sign_on, "sign-on-rejected", account=None)
    return sign_on


def _claim(sign_on: SignOnRequest) -> SignOnRequest:
    """The request, locked, if it waits for a decision: of two coordinators, one decides."""
    locked = SignOnRequest.objects.select_for_update().get(pk=sign_on.pk)
    if locked.state == State.REQUESTED:
        raise ActionError(_("The requester has not confirmed the e-mail address yet."))
    if locked.state != State.CONFIRMED:
        raise ActionError(_("This request has been decided already."))
    return locked


def _decide(sign_on: SignOnRequest, state: str, user: User, *, organization) -> None:
    sign_on.state, sign_on.organization = state, organization
    sign_on.decided_at, sign_on.decided_by = timezone.now(), user
    sign_on.save(update_fields=["state", "organization", "reason", "decided_at", "decided_by"])


def _sign(sign_on: SignOnRequest, organization: Organization, user: User) -> None:
    who = f"{sign_on.person_name}, {sign_on.person_role}".strip(", ")
    approve_sign_on_signature(
        statement=sign_on.statement,
        organization=organization,
        user=user,
        text=sign_on.text,
        evidence=_("Asked to sign on the statement page (%(who)s); address confirmed.")
        % {"who": who},
    )


def _new_organization(sign_on: SignOnRequest, user: User) -> Organization:
    organization = Organization(
        name=sign_on.org_name,
        abbreviation=sign_on.org_abbreviation,
        name_en=sign_on.org_name_en,
        country=sign_on.org_country,
        website=sign_on.org_website,
        logo=sign_on.logo,
    )
    return admit_new_organization(
        coalition=sign_on.statement.coalition, organization=organization, user=user
    )


def _first_delegate(sign_on: SignOnRequest, organization: Organization, user: User) -> User:
    """The requester's account (found by the confirmed address, or made without a password)
    becomes the new organization's delegate."""
    accounts = get_user_model().objects
    account = accounts.filter(email__iexact=sign_on.email, is_active=True).order_by("pk").first()
    if account is None:
        username = unique_username(sign_on.email)
        account = accounts.create_user(username=username, email=sign_on.email, password=None)
        account.first_name = sign_on.person_name[:150]
        account.save(update_fields=["first_name"])
    # Their mail language, unless they chose one: the one they asked in.
    remember_first_language(account.pk, sign_on.language)
    # The one way in (coalitions.delegation): a new organization has no one to ask yet.
    admit_delegate(
        organization=organization, person=account, via="sign-on", confirmed_email=sign_on.email
    )
    record_event(
        kind=Event.Kind.ROLE_GRANTED,
        actor=user,
        organization=organization,
        details={"user_id": account.pk, "user": account.get_username(), "role": "delegate"},
    )
    return account


def unique_username(email: str) -> str:
    base = (email.split("@")[0] or "delegate")[:140]
    name, n = base, 1
    while get_user_model().objects.filter(username__iexact=name).exists():
        n += 1
        name = f"{base}{n}"
    return name


def _title(sign_on: SignOnRequest) -> str:
    text = text_for_reader(sign_on.statement, sign_on.language).text
    return text.title if text else sign_on.statement.slug


def _mail_confirmation(sign_on: SignOnRequest, *, again: bool) -> None:
    with translation.override(sign_on.language):  # links to pages in the reader's language
        _send_confirmation(sign_on, again=again)


def _send_confirmation(sign_on: SignOnRequest, *, again: bool) -> None:
    send_templated_mail(
        template="sign-on-confirm",
        to=[sign_on.email],
        language=sign_on.language,
        context={
            "name": sign_on.person_name,
            "organization": sign_on.organization_label,
            "statement_title": _title(sign_on),
            "confirm_url": settings.SITE_URL
            + reverse("sign-on-confirm", args=[confirm_token(sign_on)]),
            "days": settings.ENDORSE_TOKEN_MAX_AGE // 86400,
            "again": again,
        },
    )


def _mail_decision(sign_on: SignOnRequest, template: str, *, account: User | None) -> None:
    with translation.override(sign_on.language):  # links to pages in the reader's language
        _send_decision(sign_on, template, account=account)


def _send_decision(sign_on: SignOnRequest, template: str, *, account: User | None) -> None:
    context = {
        "name": sign_on.person_name,
        "organization": str(sign_on.organization or sign_on.organization_label),
        "statement_title": _title(sign_on),
        "url": settings.SITE_URL + sign_on.statement.get_absolute_url(),
        "reason": sign_on.reason,
        "merged": sign_on.state == State.MERGED,
        "delegate": account is not None,
        "password_url": "",
    }
    if account is not None:
        context["login_url"] = settings.SITE_URL + reverse("login")
        if not account.has_usable_password():
            context["password_url"] = settings.SITE_URL + reverse(
                "password_reset_confirm",
                args=[
                    urlsafe_base64_encode(force_bytes(account.pk)),
                    default_token_generator.make_token(account),
                ],
            )
    send_templated_mail(
        template=template, to=[sign_on.email], language=sign_on.language, context=context
    )
