"""Personal API tokens: created and revoked by their owner, stored hashed, shown once.

A token is `us_` and 40 random characters. Only its sha256 is stored, with the first characters
so that the owner can tell tokens apart; whoever reads the database cannot use one.
"""

import hashlib
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.accounts.models import ApiToken
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.permissions import (
    Actor,
    can_hold_api_token,
    can_revoke_api_token,
    require,
)
from undersigned.core.errors import ActionError

PREFIX = "us_"
MAX_TOKENS = 10  # live tokens per person


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the person; returns it with its secret, which is never shown again."""
    require(can_hold_api_token(user))
    name = name.strip()
    if not name:
        raise ActionError(_("Give the token a name, e.g. the tool that will use it."))
    with transaction.atomic():
        if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_TOKENS:
            raise ActionError(
                _("You have %(n)d tokens already; revoke one you no longer use.")
                % {"n": MAX_TOKENS}
            )
        raw = PREFIX + secrets.token_urlsafe(30)
        token = ApiToken.objects.create(
            user=user, name=name[:100], token_hash=_hash(raw), prefix=raw[: len(PREFIX) + 6]
        )
        record_event(
            kind=Event.Kind.API_TOKEN_CREATED,
            actor=user,
            details={"token": token.pk, "name": token.name},
        )
    return token, raw


def revoke_api_token(*, user: Actor, token: ApiToken) -> None:
    """Revoke one of one's own tokens; at once, for every request that follows."""
    require(can_revoke_api_token(user, token))
    with transaction.atomic():
        revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if revoked:
            record_event(
                kind=Event.Kind.API_TOKEN_REVOKED,
                actor=user,
                details={"token": token.pk, "name": token.name},
            )


def token_for_secret(raw: str) -> ApiToken | None:
    """The live token with this secret, its owner loaded; None for anything else."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is not None:
        # At most once a minute: a busy tool should not turn every read into a write.
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token
