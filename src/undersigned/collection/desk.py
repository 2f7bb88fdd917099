"""What the coordinators' desk shows of one coalition, read in a few queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from undersigned.audit.models import Event
from undersigned.coalitions.actions import INVITATION_MAX_AGE
from undersigned.coalitions.models import Coalition, Invitation, Organization
from undersigned.collection.models import SignOnRequest
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement

INVITATION_STATES = ("sent", "accepted", "expired")
RECENT_EVENTS = 30


@dataclass
class OpenStatement:
    statement: Statement
    signatures: int
    waiting: int  # sign-on requests confirmed, to decide
    missing: list[Organization] = field(default_factory=list)  # members that have not signed
    not_reconfirmed: list[Signature] = field(default_factory=list)


@dataclass
class Desk:
    coalition: Coalition
    drafts: list[Statement]
    open: list[OpenStatement]
    requests: list[SignOnRequest]
    invitations: list[Invitation]
    events: list[Event]
    counts: dict[str, int]


def invitation_state(invitation: Invitation, now=None) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.created_at <= (now or timezone.now()) - INVITATION_MAX_AGE:
        return "expired"
    return "sent"


def invitations_in(coalition: Coalition, state: str = "") -> QuerySet[Invitation]:
    rows = Invitation.objects.filter(coalition=coalition)
    cutoff = timezone.now() - INVITATION_MAX_AGE
    if state == "accepted":
        rows = rows.filter(accepted_at__isnull=False)
    elif state == "expired":
        rows = rows.filter(accepted_at__isnull=True, created_at__lte=cutoff)
    elif state == "sent":
        rows = rows.filter(accepted_at__isnull=True, created_at__gt=cutoff)
    return rows


def coalition_desk(
    coalition: Coalition, *, statement_slug: str = "", request_state: str = "", invitation=""
) -> Desk:
    statements = Statement.objects.filter(coalition=coalition).with_current_text(bodies=False)
    drafts = [s for s in statements if s.state == State.DRAFT]
    opened = statements.filter(state=State.OPEN).annotate(
        active=Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True), distinct=True),
        waiting=Count(
            "sign_on_requests",
            filter=Q(sign_on_requests__state=SignOnRequest.State.CONFIRMED),
            distinct=True,
        ),
    )
    members = list(coalition.members.all())
    open_rows = []
    for statement in opened:
        signed = Signature.objects.active().filter(statement=statement)
        signed_ids = set(signed.values_list("organization_id", flat=True))
        current = statement.current_text()
        open_rows.append(
            OpenStatement(
                statement=statement,
                signatures=statement.active,
                waiting=statement.waiting,
                missing=[o for o in members if o.pk not in signed_ids],
                not_reconfirmed=list(
                    signed.exclude(text=current).select_related("organization", "text")
                ),
            )
        )
    requests = SignOnRequest.objects.filter(statement__coalition=coalition).select_related(
        "statement", "organization", "text"
    )
    if statement_slug:
        requests = requests.filter(statement__slug=statement_slug)
    requests = requests.filter(state=request_state or SignOnRequest.State.CONFIRMED)
    invitations = invitations_in(coalition, invitation).select_related("organization")
    events = Event.objects.filter(
        Q(statement_id__in=statements.values("pk")) | Q(details__coalition=coalition.abbreviation)
    ).order_by("-id")[:RECENT_EVENTS]
    return Desk(
        coalition=coalition,
        drafts=drafts,
        open=open_rows,
        requests=list(requests.order_by("created_at")[:200]),
        invitations=list(invitations.order_by("-created_at")[:200]),
        events=list(events),
        counts=desk_counts(coalition),
    )


def desk_counts(coalition: Coalition) -> dict[str, int]:
    """The numbers at the top of the desk."""
    statements = Statement.objects.filter(coalition=coalition)
    requests = SignOnRequest.objects.filter(statement__coalition=coalition)
    open_statements = statements.filter(state=State.OPEN)
    members = coalition.members.count()
    signed = Signature.objects.active().filter(statement__in=open_statements)
    missing = (
        open_statements.count() * members
        - signed.filter(organization__coalitions=coalition).count()
    )
    stale = sum(
        signed.filter(statement=statement).exclude(text=statement.current_text()).count()
        for statement in open_statements.with_current_text(bodies=False)
    )
    return {
        "drafts": statements.filter(state=State.DRAFT).count(),
        "open": open_statements.count(),
        "requests": requests.filter(state=SignOnRequest.State.CONFIRMED).count(),
        "unconfirmed": requests.filter(state=SignOnRequest.State.REQUESTED).count(),
        "invitations_sent": invitations_in(coalition, "sent").count(),
        "invitations_accepted": invitations_in(coalition, "accepted").count(),
        "invitations_expired": invitations_in(coalition, "expired").count(),
        "missing": missing,
        "not_reconfirmed": stale,
    }
