"""Who becomes an organization's delegate, and with whose consent.

`admit_delegate` is the one way in, whatever the path (an invitation, staff, a sign-on): once an
organization has a delegate or a verified domain, a newcomer becomes its delegate only when one
of its delegates approves, or when the address the newcomer confirmed is on the organization's
verified domain (coalitions.permissions.delegation_needs_approval). Otherwise the newcomer's
request waits, and the delegates are mailed.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.audit.models import Event
from undersigned.audit.services import actor_display_name, record_event
from undersigned.coalitions.languages import languages_of
from undersigned.coalitions.models import Coalition, Delegate, DelegationRequest, Organization
from undersigned.coalitions.permissions import (
    Actor,
    can_decide_delegation,
    delegation_needs_approval,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.core.links import link_for_reader
from undersigned.mail.services import send_templated_mail


def _name(person: User) -> str:
    return person.get_full_name() or person.get_username()


def admit_delegate(
    *,
    organization: Organization,
    person: User,
    via: str,
    confirmed_email: str = "",
    coalition: Coalition | None = None,
    requested_by: User | None = None,
) -> tuple[Delegate | DelegationRequest, bool]:
    """Make `person` a delegate of the organization, or ask its delegates to: (the delegate or
    the pending request, whether it is new). Runs in the caller's transaction, after the caller
    checked that the path itself is allowed (the invitation is valid, the staff member is staff).

    `confirmed_email` is an address the person proved to hold by using a link mailed there.
    """
    delegate = Delegate.objects.filter(user=person, organization=organization).first()
    if delegate is not None:
        return delegate, False
    if not delegation_needs_approval(organization, confirmed_email):
        delegate = Delegate.objects.create(user=person, organization=organization)
        tell_delegates(organization, new=person)
        return delegate, True
    pending = DelegationRequest.objects.filter(
        organization=organization, user=person, state=DelegationRequest.State.PENDING
    ).first()
    if pending is not None:
        return pending, False
    pending = DelegationRequest.objects.create(
        organization=organization,
        user=person,
        via=via,
        coalition=coalition,
        requested_by=requested_by or person,
    )
    record_event(
        kind=Event.Kind.DELEGATION_REQUESTED,
        actor=requested_by or person,
        organization=organization,
        details={"user_id": person.pk, "user": actor_display_name(person), "via": via},
    )
    _ask_delegates(pending)
    return pending, True


def _delegate_addresses(
    organization: Organization, *, besides: User | None = None
) -> list[tuple[str, str]]:
    """(address, mail language) of each delegate: every mail in its reader's language."""
    delegates = Delegate.objects.filter(organization=organization).select_related("user")
    if besides is not None:
        delegates = delegates.exclude(user=besides)
    reachable = [d for d in delegates.order_by("user_id") if d.user.email]
    languages = languages_of(d.user_id for d in reachable)
    return [(d.user.email, languages[d.user_id]) for d in reachable]


def _ask_delegates(pending: DelegationRequest) -> None:
    organization = pending.organization
    context = {
        "organization": str(organization),
        "person": _name(pending.user),
        "requested_by": _name(pending.requested_by) if pending.requested_by else "",
        "coalition": pending.coalition.abbreviation if pending.coalition else "",
    }
    for address, language in _delegate_addresses(organization):
        send_templated_mail(
            template="delegation-requested",
            to=[address],
            context={
                **context,
                "url": link_for_reader(
                    "organization-delegates", organization.slug, language=language
                ),
            },
            language=language,
        )


def tell_delegates(organization: Organization, *, new: User) -> None:
    """Mail the organization's other delegates that someone may now sign in its name."""
    for address, language in _delegate_addresses(organization, besides=new):
        send_templated_mail(
            template="delegate-added",
            to=[address],
            context={
                "organization": str(organization),
                "new_delegate": _name(new),
                "url": link_for_reader("dashboard", language=language),
            },
            language=language,
        )


def decide_delegation(
    *, request: DelegationRequest, user: Actor, approve: bool
) -> DelegationRequest:
    """A delegate approves or refuses that someone becomes a delegate of the organization."""
    require(can_decide_delegation(user, request.organization))
    with transaction.atomic():
        decided = DelegationRequest.objects.filter(
            pk=request.pk, state=DelegationRequest.State.PENDING
        ).update(
            state=DelegationRequest.State.APPROVED if approve else DelegationRequest.State.REFUSED,
            decided_by=user,
            decided_at=timezone.now(),
        )
        if not decided:
            raise ActionError(_("This request has been answered already."))
        if approve:
            __, added = Delegate.objects.get_or_create(
                user=request.user, organization=request.organization
            )
            if added:
                tell_delegates(request.organization, new=request.user)
        record_event(
            kind=Event.Kind.DELEGATION_APPROVED if approve else Event.Kind.DELEGATION_REFUSED,
            actor=user,
            organization=request.organization,
            details={
                "user_id": request.user_id,
                "user": actor_display_name(request.user),
                "via": request.via,
            },
        )
        if request.user.email:
            language = languages_of([request.user_id])[request.user_id]
            send_templated_mail(
                template="delegation-decided",
                to=[request.user.email],
                context={
                    "organization": str(request.organization),
                    "approved": approve,
                    "url": link_for_reader(
                        "organization", request.organization.slug, language=language
                    ),
                },
                language=language,
            )
    request.refresh_from_db()
    return request
