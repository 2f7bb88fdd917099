"""Who may do what: the one place where the rules of access live.

Views, admin actions, the CLI and the API ask these functions; none of them decides on its own.
Staff may do everything. Anonymous users may only read what is public. The command line acts
as SYSTEM (audit.actors), the server's operator, whom the rules treat as staff: an action called
without a person is given SYSTEM, never spared its check.
"""

from typing import TYPE_CHECKING, TypeGuard

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from undersigned.audit.actors import SystemActor
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    DomainProof,
    Organization,
)

if TYPE_CHECKING:  # statements and accounts sit above coalitions: rules read them, never import
    from undersigned.accounts.models import ApiToken
    from undersigned.statements.models import Statement

# Who acts: a person (logged in or not; the site uses Django's own User model), or SYSTEM, the
# command line (the import, the demo), which has staff's flags and no account; every rule
# below takes an Actor.
Actor = User | AnonymousUser | SystemActor


def _known(user: Actor | None) -> TypeGuard[User]:
    """A logged-in, active person (a deactivated account may do nothing); and SYSTEM, which the
    rules treat as staff (its flags say so)."""
    return user is not None and user.is_authenticated and user.is_active


def coordinated_coalitions(user: Actor) -> QuerySet[Coalition]:
    if not _known(user):
        return Coalition.objects.none()
    if user.is_staff:
        return Coalition.objects.all()
    return Coalition.objects.filter(
        roles__user=user, roles__kind=CoalitionRole.Kind.COORDINATOR
    ).distinct()


def represented_organizations(user: Actor) -> QuerySet[Organization]:
    """The organizations this person is a delegate of."""
    if not _known(user):
        return Organization.objects.none()
    return Organization.objects.filter(delegates__user=user)


def is_coordinator(user: Actor, coalition: Coalition | None) -> bool:
    if not _known(user):
        return False
    if user.is_staff:
        return True
    return (
        coalition is not None
        and CoalitionRole.objects.filter(
            user=user, coalition=coalition, kind=CoalitionRole.Kind.COORDINATOR
        ).exists()
    )


def is_member(user: Actor, coalition: Coalition) -> bool:
    """Someone with a role in the coalition (coordinator, translator) or a delegate of one of its
    member organizations: they read its drafts."""
    if is_coordinator(user, coalition):
        return True
    return _known(user) and (
        CoalitionRole.objects.filter(user=user, coalition=coalition).exists()
        or Delegate.objects.filter(user=user, organization__coalitions=coalition).exists()
    )


def can_write_open_letters(user: Actor) -> bool:
    """Open letters belong to no coalition; the operators write them."""
    return _known(user) and user.is_staff


def can_create_statement(user: Actor, coalition: Coalition | None) -> bool:
    if coalition is None:
        return can_write_open_letters(user)
    return is_coordinator(user, coalition)


def can_draft(user: Actor) -> bool:
    """May draft some statement: coordinates a coalition, or writes open letters."""
    return can_write_open_letters(user) or coordinated_coalitions(user).exists()


def can_view_statement(user: Actor, statement: "Statement") -> bool:
    if statement.state_enum.is_public:
        return True
    if not _known(user):
        return False
    if statement.coalition is None:
        return user.is_staff or statement.created_by_id == user.pk
    return is_member(user, statement.coalition)


def readable_drafts(user: Actor) -> Q:
    """can_view_statement for drafts, as a filter on statements (the API's list of drafts):
    staff read all; the others their coalitions' drafts and the open letters they started."""
    if not _known(user):
        return Q(pk__in=[])
    if user.is_staff:
        return Q()
    member_of = Coalition.objects.filter(Q(roles__user=user) | Q(members__delegates__user=user))
    return Q(coalition__in=member_of) | Q(coalition__isnull=True, created_by=user)


def can_edit_statement(user: Actor, statement: "Statement") -> bool:
    """Edit the text, change the state, record signatures, invite: the coordinators' work."""
    if not _known(user):
        return False
    if statement.coalition is None:
        return user.is_staff or statement.created_by_id == user.pk
    return is_coordinator(user, statement.coalition)


def can_translate(user: Actor, statement: "Statement", language: str) -> bool:
    if can_edit_statement(user, statement):
        return True
    return (
        _known(user)
        and statement.coalition_id is not None
        and CoalitionRole.objects.filter(
            user=user,
            coalition_id=statement.coalition_id,
            kind=CoalitionRole.Kind.TRANSLATOR,
            language=language,
        ).exists()
    )


def signing_organizations(user: Actor, statement: "Statement") -> QuerySet[Organization]:
    """The organizations this person may sign this statement for.

    A coalition's statement is signed by its member organizations; an open letter by any.
    """
    organizations = represented_organizations(user)
    if statement.coalition_id is not None:
        organizations = organizations.filter(coalitions=statement.coalition_id)
    return organizations.order_by("abbreviation", "name")


def can_sign_for(user: Actor, statement: "Statement", organization: Organization) -> bool:
    return signing_organizations(user, statement).filter(pk=organization.pk).exists()


def invitable_organizations(user: Actor, coalition: Coalition) -> QuerySet[Organization]:
    """Listed organizations whose delegates a coordinator may invite: the coalition's members."""
    if not is_coordinator(user, coalition):
        return Organization.objects.none()
    return Organization.objects.filter(coalitions=coalition)


def can_invite_for(user: Actor, coalition: Coalition, organization: Organization) -> bool:
    """A coordinator invites for a member organization, or for a new one (not yet saved)."""
    if not is_coordinator(user, coalition):
        return False
    if organization.pk is None:
        return True
    return invitable_organizations(user, coalition).filter(pk=organization.pk).exists()


def can_invite_to_sign(user: Actor, statement: "Statement") -> bool:
    """Invite an organization to sign this statement: its coordinators, while it can still be
    signed (a draft, or open with its deadline ahead); never a closed or withdrawn one."""
    if statement.coalition_id is None or not is_coordinator(user, statement.coalition):
        return False
    return not statement.state_enum.is_public or statement.is_open_for_signatures()


def withdrawable_organizations(user: Actor, statement: "Statement") -> QuerySet[Organization]:
    """The organizations whose signature this person may withdraw: their own (as a delegate),
    or, for the statement's coordinators, any organization that signed it."""
    if can_edit_statement(user, statement):
        return Organization.objects.filter(signatures__statement=statement).distinct()
    return signing_organizations(user, statement)


def can_withdraw_for(user: Actor, statement: "Statement", organization: Organization) -> bool:
    return can_sign_for(user, statement, organization) or can_edit_statement(user, statement)


def joinable_organizations(user: Actor, coalition: Coalition) -> QuerySet[Organization]:
    """The organizations this person may ask to bring into the coalition: those they are a
    delegate of that are not members yet."""
    return represented_organizations(user).exclude(coalitions=coalition)


def can_ask_to_join(user: Actor, organization: Organization) -> bool:
    """A delegate asks, for their own organization, to join a coalition."""
    return represented_organizations(user).filter(pk=organization.pk).exists()


def can_ask_to_join_any(user: Actor) -> bool:
    return represented_organizations(user).exists()


def can_decide_join_request(user: Actor, coalition: Coalition) -> bool:
    return is_coordinator(user, coalition)


def can_grant_roles(user: Actor, coalition: Coalition) -> bool:
    """Make someone coordinator or translator of the coalition, or take it back."""
    return is_coordinator(user, coalition)


def can_add_member(user: Actor, coalition: Coalition) -> bool:
    """Record that an organization belongs to the coalition, or admit a new one to it."""
    return is_coordinator(user, coalition)


def recordable_organizations(user: Actor, statement: "Statement") -> QuerySet[Organization]:
    """Organizations whose signature a coordinator may record: the coalition's members (any
    organization for an open letter); none for people who do not coordinate the statement."""
    if not can_edit_statement(user, statement):
        return Organization.objects.none()
    if statement.coalition_id is None:
        return Organization.objects.all()
    return Organization.objects.filter(coalitions=statement.coalition_id)


def can_record_signature(user: Actor, statement: "Statement", organization: Organization) -> bool:
    return recordable_organizations(user, statement).filter(pk=organization.pk).exists()


def can_request_sign_on(user: Actor, statement: "Statement") -> bool:
    """Ask, for an organization, to sign (and confirm the address asked with): anyone, while
    the coordinators accept such requests and the statement is open for signatures."""
    return statement.accepts_sign_ons and statement.is_open_for_signatures()


def can_decide_sign_on(user: Actor, statement: "Statement") -> bool:
    """Approve, reject or merge an organization's request to sign: the statement's
    coordinators (staff, or the author of an open letter)."""
    return can_edit_statement(user, statement)


def can_receive_mail(user: Actor) -> bool:
    """Hand a received message to undersigned (`undersigned inbound`, its LMTP listener): the
    server's operator, as SYSTEM (and staff). The message proves nothing by who hands it in:
    its DKIM signature does."""
    return _known(user) and user.is_staff


def can_sign_by_mail(user: Actor, statement: "Statement", organization: Organization) -> bool:
    """Record a signature that arrived by DKIM-signed mail from the organization's verified
    domain: whoever receives mail, for an organization that could sign the statement (a member
    of its coalition; any organization under an open letter)."""
    if not can_receive_mail(user):
        return False
    if statement.coalition_id is None:
        return True
    return organization.coalitions.filter(pk=statement.coalition_id).exists()


def can_decide_inbound(user: Actor, statement: "Statement") -> bool:
    """Record a received message as a signature, or dismiss it: the statement's coordinators."""
    return can_edit_statement(user, statement)


def can_view_desk(user: Actor, coalition: Coalition) -> bool:
    """The coordinators' desk: requests, invitations and the addresses of delegates."""
    return is_coordinator(user, coalition)


def can_see_delegate_contacts(user: Actor, coalition: Coalition | None) -> bool:
    """The delegates' names and addresses in the spreadsheets of the coalition's members and of
    its statements' organizations: its coordinators (an open letter's: staff)."""
    return is_coordinator(user, coalition)


def can_edit_directory(user: Actor) -> bool:
    """Create coalitions and correct organizations' names and details: the operators' work."""
    return _known(user) and user.is_staff


def can_prove_domain(user: Actor, organization: Organization) -> bool:
    """Prove that the organization holds a domain: its delegates alone (staff neither: a domain
    shown on an organization's page is the organization's word, not the operators')."""
    return represented_organizations(user).filter(pk=organization.pk).exists()


def can_decide_delegation(user: Actor, organization: Organization) -> bool:
    """Approve or refuse that someone becomes the organization's delegate: its delegates; staff
    only while it has none (its last delegate left after a domain was verified)."""
    if not _known(user):
        return False
    delegates = Delegate.objects.filter(organization=organization)
    if delegates.exists():
        return delegates.filter(user=user).exists()
    return user.is_staff


def delegation_needs_approval(organization: Organization, confirmed_email: str = "") -> bool:
    """Whether someone may become the organization's delegate only once a delegate approves.

    An organization nobody speaks for yet (no delegate, no domain ever verified) takes its first
    delegate from an invitation or from staff. After that a newcomer needs a delegate's approval,
    unless the address the newcomer confirmed (by a link mailed there) is on a domain the
    organization has proven by DNS or its well-known file.
    """
    proven = DomainProof.objects.filter(organization=organization, verified_at__isnull=False)
    if not proven.exists() and not Delegate.objects.filter(organization=organization).exists():
        return False
    host = confirmed_email.rpartition("@")[2].strip().rstrip(".").lower()
    if host:
        for domain in (
            proven.filter(state=DomainProof.State.VERIFIED)
            .exclude(method=DomainProof.Method.MAIL)
            .values_list("domain", flat=True)
        ):
            if host == domain or host.endswith("." + domain):
                return False
    return True


def require(allowed: bool) -> None:
    """Raise 403 unless allowed; for actions whose target the person can already see."""
    if not allowed:
        raise PermissionDenied


def can_hold_api_token(user: Actor) -> bool:
    """Personal API tokens are for the people who write: coordinators, delegates and staff."""
    return _known(user) and (
        user.is_staff
        or CoalitionRole.objects.filter(user=user).exists()
        or Delegate.objects.filter(user=user).exists()
    )


def can_revoke_api_token(user: Actor, token: "ApiToken") -> bool:
    """A token is revoked by its owner alone."""
    return _known(user) and token.user_id == user.pk


def can_change_account_flags(user: Actor) -> bool:
    """Make someone staff or superuser, take it back, or (de)activate an account: superusers
    only, since staff may do everything in these rules."""
    return _known(user) and user.is_superuser


def can_import_statements(user: Actor) -> bool:
    """Import a published statement with its list (the Import page and the API): staff."""
    return _known(user) and user.is_staff


def can_import_into(
    user: Actor, coalition: Coalition | None, statement: "Statement | None" = None
) -> bool:
    """What the import itself asks, whoever calls it (the page, the API, the command line as
    SYSTEM): adding to an existing statement is editing it; a new one is creating it."""
    if statement is not None:
        return can_edit_statement(user, statement)
    return can_create_statement(user, coalition)


def can_change_preferences(user: Actor, target: User) -> bool:
    """A person's mail language and notice choice: set by themselves alone."""
    return _known(user) and target.pk == user.pk


def can_invite_in_bulk(user: Actor, coalition: Coalition) -> bool:
    """Preview and send a list of invitations: the coalition's coordinators. Each row is then
    held to can_invite_for: a member organization, or a new one."""
    return is_coordinator(user, coalition)


def can_send_reminders(user: Actor, statement: "Statement") -> bool:
    """Remind member organizations that have not signed, or not confirmed the current version:
    the statement's coordinators, while it is open for signatures."""
    return (
        statement.coalition_id is not None
        and is_coordinator(user, statement.coalition)
        and statement.is_open_for_signatures()
    )
