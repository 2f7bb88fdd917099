"""Accounts' flags: staff, superuser, active.

Staff may do everything in the permission rules, and a superuser more, so these flags change
only here: by a superuser, in one transaction, each change an event in the audit trail.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction

from undersigned.audit.models import Event
from undersigned.audit.services import actor_display_name, record_event
from undersigned.coalitions.permissions import Actor, can_change_account_flags, require

FLAGS = ("is_staff", "is_superuser", "is_active")
_EVENTS = {
    ("is_staff", True): Event.Kind.USER_STAFF_GRANTED,
    ("is_staff", False): Event.Kind.USER_STAFF_REVOKED,
    ("is_superuser", True): Event.Kind.USER_SUPERUSER_GRANTED,
    ("is_superuser", False): Event.Kind.USER_SUPERUSER_REVOKED,
    ("is_active", True): Event.Kind.USER_ACTIVATED,
    ("is_active", False): Event.Kind.USER_DEACTIVATED,
}


def change_account_flags(
    *,
    target: AbstractUser,
    user: Actor,
    is_staff: bool | None = None,
    is_superuser: bool | None = None,
    is_active: bool | None = None,
) -> AbstractUser:
    """Set the flags given (None leaves one as it is); each one that changes is recorded."""
    wanted = {"is_staff": is_staff, "is_superuser": is_superuser, "is_active": is_active}
    asked = {flag: value for flag, value in wanted.items() if value is not None}
    if not any(getattr(target, flag) != value for flag, value in asked.items()):
        return target
    require(can_change_account_flags(user))
    with transaction.atomic():
        # Under the row's lock: of two admins at once, the second sees the first one's change.
        locked = get_user_model().objects.select_for_update().get(pk=target.pk)
        changed = {flag: v for flag, v in asked.items() if getattr(locked, flag) != v}
        if changed:
            get_user_model().objects.filter(pk=target.pk).update(**changed)
        for flag, value in changed.items():
            record_event(
                kind=_EVENTS[flag, value],
                actor=user,
                details={"user_id": target.pk, "user": actor_display_name(target)},
            )
    for flag, value in asked.items():
        setattr(target, flag, value)
    return target
