"""The audit trail: append-only, hash-chained events.

Each event's hash covers its content and the previous event's hash, so editing, deleting or
reordering rows shows up in `verify_chain()`. The hashes are HMAC-SHA-256 under a key the
database does not hold (audit/keys.py), so that nobody who can only write to the database can
recompute them. Writes go through `services.record_event()`.
"""

import hashlib
import json
from datetime import UTC
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from undersigned.audit import keys

GENESIS_HASH = "0" * 64


class EventKind(models.TextChoices):
    """What happened. The `details` each kind carries (keep them small, and no personal data
    beyond an actor's name: an event can never be erased):

    statement.state_changed {"state" (the new one), "reason"};
    text.version_created {"version", "language"}; signature.* {"version"}; role.* {"role"};
    signature.imported {"version", "evidence" (the file or page and the line it came from)};
    statement.imported {"signatories", "state", "source"}; endorsements.hidden {"count"};
    endorsements.imported {"count", "source"} (people of a published list, never their names).
    audit.rekeyed {"events", "unkeyed_last_hash"} (a chain from before the key, keyed).
    domain.* {"domain", "method", "reason" (why it lapsed)}; delegation.* {"user_id", "user",
    "via"}.
    """

    STATEMENT_CREATED = "statement.created", _("Statement created")
    STATEMENT_STATE_CHANGED = "statement.state_changed", _("Statement state changed")
    STATEMENT_DETAILS_CHANGED = "statement.details_changed", _("Statement details changed")
    TEXT_VERSION_CREATED = "text.version_created", _("Text version created")
    SIGNATURE_GIVEN = "signature.given", _("Signature given")
    SIGNATURE_RECORDED = "signature.recorded", _("Signature recorded")
    SIGNATURE_WITHDRAWN = "signature.withdrawn", _("Signature withdrawn")
    SIGNATURE_RECONFIRMED = "signature.reconfirmed", _("Signature reconfirmed")
    SIGNATURE_IMPORTED = "signature.imported", _("Signature imported")
    ROLE_GRANTED = "role.granted", _("Role granted")
    ROLE_REVOKED = "role.revoked", _("Role revoked")
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    MEMBERSHIP_REQUESTED = "membership.requested", _("Membership requested")
    MEMBERSHIP_APPROVED = "membership.approved", _("Membership approved")
    MEMBERSHIP_DECLINED = "membership.declined", _("Membership declined")
    STATEMENT_IMPORTED = "statement.imported", _("Statement imported")
    AUDIT_REKEYED = "audit.rekeyed", _("Audit trail keyed")
    ENDORSEMENTS_HIDDEN = "endorsements.hidden", _("Endorsements hidden")
    ENDORSEMENTS_IMPORTED = "endorsements.imported", _("Endorsements imported")
    PERSON_FORGOTTEN = "person.forgotten", _("Person forgotten")
    COALITION_SAVED = "coalition.saved", _("Coalition saved")
    ORGANIZATION_SAVED = "organization.saved", _("Organization saved")
    API_TOKEN_CREATED = "api_token.created", _("API token created")
    API_TOKEN_REVOKED = "api_token.revoked", _("API token revoked")
    USER_STAFF_GRANTED = "user.staff_granted", _("Made staff")
    USER_STAFF_REVOKED = "user.staff_revoked", _("Staff status taken back")
    USER_SUPERUSER_GRANTED = "user.superuser_granted", _("Made superuser")
    USER_SUPERUSER_REVOKED = "user.superuser_revoked", _("Superuser status taken back")
    USER_ACTIVATED = "user.activated", _("Account activated")
    USER_DEACTIVATED = "user.deactivated", _("Account deactivated")
    SIGN_ON_REQUESTED = "sign_on.requested", _("Asked to sign on")
    SIGN_ON_CONFIRMED = "sign_on.confirmed", _("Sign-on request confirmed")
    SIGN_ON_APPROVED = "sign_on.approved", _("Sign-on request approved")
    SIGN_ON_REJECTED = "sign_on.rejected", _("Sign-on request rejected")
    SIGN_ON_MERGED = "sign_on.merged", _("Sign-on request merged into a known organization")
    DOMAIN_PROOF_STARTED = "domain.proof_started", _("Domain proof started")
    DOMAIN_VERIFIED = "domain.verified", _("Domain verified")
    DOMAIN_LAPSED = "domain.lapsed", _("Domain proof lapsed")
    DELEGATION_REQUESTED = "delegation.requested", _("Delegation requested")
    DELEGATION_APPROVED = "delegation.approved", _("Delegation approved")
    DELEGATION_REFUSED = "delegation.refused", _("Delegation refused")
    INBOUND_RECEIVED = "inbound.received", _("Message received at a statement's address")
    INBOUND_RECORDED = "inbound.recorded", _("Message recorded as a signature")
    INBOUND_DISMISSED = "inbound.dismissed", _("Message dismissed")
    REMINDER_SENT = "reminder.sent", _("Reminder sent")
    PREFERENCES_CHANGED = "preferences.changed", _("Preferences changed")


class ImmutableEventError(Exception):
    """Raised on any attempt to change or delete an event through the ORM."""


class EventQuerySet(models.QuerySet):
    # Bulk writes would bypass Event.save() and the chain lock. Raw SQL can still tamper with
    # the table; that is exactly what verify_chain() detects.
    def update(self, **kwargs: Any) -> int:
        raise ImmutableEventError("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableEventError("Audit events cannot be deleted.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise ImmutableEventError("Audit events cannot be changed.")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list:
        raise ImmutableEventError("Audit events are appended one by one with record_event().")


def _loose_fk(model: str, **kwargs: Any) -> models.ForeignKey:
    """A foreign key whose target may disappear while the event stays untouched.

    The referenced id is part of the hashed content, so it must never change: SET_NULL would
    rewrite it (and break the chain) when a user, statement or organization is deleted, and
    PROTECT would forbid deleting them at all. DO_NOTHING without a database constraint leaves
    the id as it was, and the *_name/_slug/_label copies keep the history readable after the
    deletion. So display the copies: a dangling `event.statement` raises DoesNotExist, and a
    select_related() join filtered on the key silently drops the row.
    """
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        **kwargs,
    )


class Event(models.Model):
    Kind = EventKind  # so callers need one import: Event.Kind.SIGNATURE_GIVEN

    created_at = models.DateTimeField(_("time"), db_index=True)
    kind = models.CharField(_("kind"), max_length=40, choices=EventKind)
    actor = _loose_fk(settings.AUTH_USER_MODEL, verbose_name=_("actor"))
    actor_name = models.CharField(_("actor name"), max_length=300, blank=True)
    statement = _loose_fk("statements.Statement", verbose_name=_("statement"))
    statement_slug = models.CharField(_("statement slug"), max_length=80, blank=True)
    organization = _loose_fk("coalitions.Organization", verbose_name=_("organization"))
    organization_label = models.CharField(_("organization name"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableEventError("Audit events cannot be changed.")
        if not self.hash or self.hash != self.compute_hash():
            raise ImmutableEventError("Append events with record_event(), which chains them.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableEventError("Audit events cannot be deleted.")

    def get_kind_display(self) -> str:
        # The label from the enum: Django's own builds and hashes a dict of all 47 kinds'
        # lazy labels at each call (0.2 ms; the desk shows 30 events, the audit page more).
        try:
            return str(EventKind(self.kind).label)  # translated now, as Django's is
        except ValueError:
            return self.kind

    def compute_hash(self, key: bytes | None = None, *, keyed: bool = True) -> str:
        """HMAC-SHA-256 under the audit key of the canonical JSON of everything but the id (ids
        are checked by order); plain SHA-256 with keyed=False, as chains were before the key."""
        content = {
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "kind": self.kind,
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "statement_id": self.statement_id,
            "statement_slug": self.statement_slug,
            "organization_id": self.organization_id,
            "organization_label": self.organization_label,
            "details": self.details,
            "prev_hash": self.prev_hash,
        }
        canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if not keyed:
            return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return keys.mac(canonical, key)

    @property
    def short_hash(self) -> str:
        return self.hash[:12]

    @property
    def sentence(self) -> str:
        """What happened, as one translated sentence for the public history."""
        from undersigned.audit.history import describe

        return describe(self)


class ChainHead(models.Model):
    """The one row that appends lock (select_for_update) and that records the newest event.

    Keeping the last id and hash here also lets verify_chain() notice events cut off the end.
    """

    last_event_id = models.BigIntegerField(null=True)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    # The head's own HMAC: cutting the newest events and moving the head back to the event
    # before them needs the key, as appending does. Empty: a chain from before the key.
    mac = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("chain head")

    def __str__(self) -> str:
        return f"chain head at event #{self.last_event_id}"

    @staticmethod
    def compute_mac(last_event_id: int | None, last_hash: str, key: bytes | None = None) -> str:
        return keys.mac(f"head:{last_event_id or 0}:{last_hash}", key)
