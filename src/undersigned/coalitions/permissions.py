"""Who may do what: the one place where the rules of access live.

Views, admin actions, the CLI and the API ask these functions; none of them decides on its own.
Staff may do everything. Anonymous users may only read what is public.
"""

from typing import TYPE_CHECKING, TypeGuard

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from undersigned.coalitions.models import Coalition, CoalitionRole, Delegate, Organization

if TYPE_CHECKING:  # statements and accounts sit above coalitions: rules read them, never import
    from undersigned.accounts.models import ApiToken
    from undersigned.statements.models import Statement

# Who acts: a person (logged in or not; the site uses Django's own User model). An explicit
# system actor (e.g. the command line's import) joins this union where one is needed; every
# rule below takes an Actor.
Actor = User | AnonymousUser


def _known(user: Actor | None) -> TypeGuard[User]:
    """A logged-in, active person (a deactivated account may do nothing)."""
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


def can_edit_directory(user: Actor) -> bool:
    """Create coalitions and correct organizations' names and details: the operators' work."""
    return _known(user) and user.is_staff


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
