"""Who acts: a person's account, or SYSTEM when no person is behind an action.

The command line (`undersigned import`, run by whoever runs the server) acts as SYSTEM: the
permission rules treat it as staff, and the trail records it by name ("command line") with no
account. An action never skips its permission check for want of a user; it is given SYSTEM.
"""

from typing import Any


class SystemActor:
    """The server's operator acting through a command; never a request's user."""

    # What the permission rules ask of a user: SYSTEM may do what staff may.
    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = True
    is_superuser = True
    pk = id = None

    def __init__(self, name: str) -> None:
        self.name = name

    def get_username(self) -> str:
        return self.name

    def get_full_name(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<SystemActor {self.name}>"


SYSTEM = SystemActor("command line")


def is_system(actor: Any) -> bool:
    return isinstance(actor, SystemActor)


def account_of(actor: Any) -> Any:
    """The user account to store for an actor (created_by, signed_by): None for SYSTEM and for
    anonymous visitors."""
    if actor is None or is_system(actor) or not actor.is_authenticated:
        return None
    return actor
