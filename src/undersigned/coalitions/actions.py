"""Membership actions: invitations, requests to join, roles, delegates, members, and the
directory of coalitions and organizations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import actor_display_name, record_event
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    Invitation,
    JoinRequest,
    Membership,
    Organization,
)
from undersigned.coalitions.permissions import (
    Actor,
    can_add_member,
    can_ask_to_join,
    can_decide_join_request,
    can_edit_directory,
    can_grant_roles,
    can_invite_for,
    can_invite_to_sign,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.mail.services import send_templated_mail

INVITATION_MAX_AGE = timedelta(days=14)
_SALT = "undersigned.invitation"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link_token(token: str) -> str:
    """The token as it travels in the link: signed with a timestamp."""
    return signing.TimestampSigner(salt=_SALT).sign(token)


def invite_organization(
    *, coalition: Coalition, organization: Organization, email: str, user: User, statement=None
) -> Invitation:
    """Invite an organization's delegate by e-mail; the mail carries a single-use link.

    The organization is one of the coalition's members, or a new one described by the
    coordinator: nobody invites themselves into another coalition's organization.
    """
    require(can_invite_for(user, coalition, organization))
    if statement is not None:
        if statement.coalition_id != coalition.pk:
            raise ActionError(_("Invite to sign a statement of this coalition."))
        require(can_invite_to_sign(user, statement))
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        if organization.pk is None:
            admit_new_organization(coalition=coalition, organization=organization, user=user)
        invitation = Invitation.objects.create(
            coalition=coalition,
            organization=organization,
            email=email,
            statement_slug=statement.slug if statement else "",
            token_hash=_hash(token),
            invited_by=user,
        )
        record_event(
            kind=Event.Kind.INVITATION_SENT,
            actor=user,
            organization=organization,
            details={"coalition": coalition.abbreviation},
        )
        send_templated_mail(
            template="invitation",
            to=[email],
            context={
                "coalition": coalition.name,
                "coalition_abbreviation": coalition.abbreviation,
                "organization": str(organization),
                "inviter": user.get_full_name() or user.get_username(),
                "url": settings.SITE_URL
                + reverse("accept-invitation", args=[invitation_link_token(token)]),
                "days": INVITATION_MAX_AGE.days,
                "statement_title": str(statement) if statement else "",
            },
        )
    return invitation


def find_invitation(link_token: str) -> Invitation:
    """The open invitation a link names, or ActionError saying why it cannot be used."""
    try:
        token = signing.TimestampSigner(salt=_SALT).unsign(link_token, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired:
        raise ActionError(
            _("This invitation has expired. Ask the coordinator for a new one.")
        ) from None
    except signing.BadSignature:
        raise ActionError(_("This invitation link is not valid.")) from None
    invitation = (
        Invitation.objects.select_related("coalition", "organization")
        .filter(token_hash=_hash(token))
        .first()
    )
    if invitation is None:
        raise ActionError(_("This invitation link is not valid."))
    if invitation.accepted_at is not None:
        raise ActionError(_("This invitation has been used already. Log in instead."))
    return invitation


def accept_invitation(*, link_token: str, user: User) -> Invitation:
    """Make the user a delegate of the invited organization and the organization a member.

    Only the person the invitation was sent to accepts it: the logged-in account's address must
    be the invited one. The organization's other delegates are told.
    """
    with transaction.atomic():
        invitation = find_invitation(link_token)
        if (user.email or "").strip().casefold() != invitation.email.strip().casefold():
            raise ActionError(
                _(
                    "This invitation was sent to another e-mail address than the one of the "
                    "account you are logged in with. Log out and open the link again, or ask "
                    "the coordinator to invite your address."
                )
            )
        # Conditional update: of two clicks at once, only one uses the invitation.
        used = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not used:
            raise ActionError(_("This invitation has been used already. Log in instead."))
        __, added = Delegate.objects.get_or_create(user=user, organization=invitation.organization)
        if added:
            _tell_delegates(invitation.organization, new=user)
        Membership.objects.get_or_create(
            coalition=invitation.coalition, organization=invitation.organization
        )
        record_event(
            kind=Event.Kind.INVITATION_ACCEPTED,
            actor=user,
            organization=invitation.organization,
            details={"coalition": invitation.coalition.abbreviation},
        )
    return invitation


def _tell_delegates(organization: Organization, *, new) -> None:
    """Mail the organization's other delegates that someone may now sign in its name."""
    others = (
        Delegate.objects.filter(organization=organization)
        .exclude(user=new)
        .select_related("user")
        .order_by("user_id")
    )
    for delegate in others:
        if delegate.user.email:
            send_templated_mail(
                template="delegate-added",
                to=[delegate.user.email],
                context={
                    "organization": str(organization),
                    "new_delegate": new.get_full_name() or new.get_username(),
                    "url": settings.SITE_URL + reverse("dashboard"),
                },
            )


def create_invited_account(*, link_token: str, username: str, email: str, password: str):
    """A new account for the person an invitation was sent to, already a delegate."""
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=username, email=email, password=password
        )
        accept_invitation(link_token=link_token, user=user)
    return user


def request_to_join(
    *, coalition: Coalition, organization: Organization, user: User, message: str
) -> JoinRequest:
    require(can_ask_to_join(user, organization))
    if Membership.objects.filter(coalition=coalition, organization=organization).exists():
        raise ActionError(_("%(org)s is a member already.") % {"org": organization})
    if JoinRequest.objects.filter(
        coalition=coalition, organization=organization, state=JoinRequest.State.PENDING
    ).exists():
        raise ActionError(
            _("%(org)s has asked already; the coordinators will answer.") % {"org": organization}
        )
    with transaction.atomic():
        join_request = JoinRequest.objects.create(
            coalition=coalition, organization=organization, requested_by=user, message=message
        )
        record_event(
            kind=Event.Kind.MEMBERSHIP_REQUESTED,
            actor=user,
            organization=organization,
            details={"coalition": coalition.abbreviation},
        )
    return join_request


def decide_join_request(*, join_request: JoinRequest, user: Actor, approve: bool) -> JoinRequest:
    require(can_decide_join_request(user, join_request.coalition))
    with transaction.atomic():
        decided = JoinRequest.objects.filter(
            pk=join_request.pk, state=JoinRequest.State.PENDING
        ).update(
            state=JoinRequest.State.APPROVED if approve else JoinRequest.State.DECLINED,
            decided_by=user,
            decided_at=timezone.now(),
        )
        if not decided:
            raise ActionError(_("This request has been answered already."))
        if approve:
            Membership.objects.get_or_create(
                coalition=join_request.coalition, organization=join_request.organization
            )
        kind = Event.Kind.MEMBERSHIP_APPROVED if approve else Event.Kind.MEMBERSHIP_DECLINED
        record_event(
            kind=kind,
            actor=user,
            organization=join_request.organization,
            details={"coalition": join_request.coalition.abbreviation},
        )
    join_request.refresh_from_db()
    return join_request


def grant_role(
    *, coalition: Coalition, target, kind: str, language: str = "", user: Actor
) -> CoalitionRole:
    require(can_grant_roles(user, coalition))
    with transaction.atomic():
        role, created = CoalitionRole.objects.get_or_create(
            user=target, coalition=coalition, kind=kind, language=language
        )
        if created:
            record_event(
                kind=Event.Kind.ROLE_GRANTED,
                actor=user,
                details={
                    "user_id": target.pk,
                    "user": actor_display_name(target),
                    "role": kind,
                    "coalition": coalition.abbreviation,
                    "language": language,
                },
            )
    return role


def revoke_role(*, role: CoalitionRole, user: Actor) -> None:
    require(can_grant_roles(user, role.coalition))
    with transaction.atomic():
        record_event(
            kind=Event.Kind.ROLE_REVOKED,
            actor=user,
            details={
                "user_id": role.user_id,
                "user": actor_display_name(role.user),
                "role": role.kind,
                "coalition": role.coalition.abbreviation,
                "language": role.language,
            },
        )
        role.delete()


def add_delegate(*, organization: Organization, target, user: Actor) -> Delegate:
    """Staff make someone a delegate by hand (invitations are the usual way)."""
    require(can_edit_directory(user))
    with transaction.atomic():
        delegate, created = Delegate.objects.get_or_create(user=target, organization=organization)
        if created:
            _tell_delegates(organization, new=target)
            record_event(
                kind=Event.Kind.ROLE_GRANTED,
                actor=user,
                organization=organization,
                details={
                    "user_id": target.pk,
                    "user": actor_display_name(target),
                    "role": "delegate",
                },
            )
    return delegate


def remove_delegate(*, delegate: Delegate, user: Actor) -> None:
    require(can_edit_directory(user))
    with transaction.atomic():
        record_event(
            kind=Event.Kind.ROLE_REVOKED,
            actor=user,
            organization=delegate.organization,
            details={
                "user_id": delegate.user_id,
                "user": actor_display_name(delegate.user),
                "role": "delegate",
            },
        )
        delegate.delete()


def save_coalition(*, coalition: Coalition, user: Actor) -> Coalition:
    """Create a coalition or correct its name, description or website (staff)."""
    return _save_directory_entry(
        coalition, user, Event.Kind.COALITION_SAVED, {"coalition": coalition.abbreviation}
    )


def save_organization(*, organization: Organization, user: Actor) -> Organization:
    """Add an organization or correct its names, country or website (staff)."""
    return _save_directory_entry(
        organization, user, Event.Kind.ORGANIZATION_SAVED, {}, organization=organization
    )


def _save_directory_entry(entry, user, kind, details: dict, organization=None):
    require(can_edit_directory(user))
    created = entry.pk is None
    with transaction.atomic():
        entry.save()
        record_event(
            kind=kind,
            actor=user,
            organization=organization,
            details={**details, "created": created},
        )
    return entry


def admit_new_organization(
    *, coalition: Coalition | None, organization: Organization, user: Actor
) -> Organization:
    """A coordinator adds an organization the directory does not know yet, as a member of their
    coalition (for an open letter, to the directory alone: its editors are staff)."""
    if organization.pk is not None:
        raise ValueError("admit_new_organization() takes an organization not saved yet.")
    require(can_add_member(user, coalition) if coalition else can_edit_directory(user))
    with transaction.atomic():
        organization.save()
        record_event(
            kind=Event.Kind.ORGANIZATION_SAVED,
            actor=user,
            organization=organization,
            details={"created": True},
        )
        if coalition is not None:
            Membership.objects.create(coalition=coalition, organization=organization)
            record_event(
                kind=Event.Kind.MEMBERSHIP_APPROVED,
                actor=user,
                organization=organization,
                details={"coalition": coalition.abbreviation},
            )
    return organization


def add_member(*, coalition: Coalition, organization: Organization, user: Actor) -> Membership:
    """A coordinator (or staff) records that a known organization belongs to the coalition, e.g.
    one that was a member before the site existed. Signing a statement never makes a member."""
    require(can_add_member(user, coalition))
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            coalition=coalition, organization=organization
        )
        if created:
            record_event(
                kind=Event.Kind.MEMBERSHIP_APPROVED,
                actor=user,
                organization=organization,
                details={"coalition": coalition.abbreviation},
            )
    return membership
