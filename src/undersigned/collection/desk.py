"""What the coordinators' desk shows of one coalition, read in a few queries: a fixed number
whatever the number of open statements (bench: 500 members, 50 statements)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from undersigned.audit.models import Event
from undersigned.coalitions.actions import INVITATION_MAX_AGE
from undersigned.coalitions.models import Coalition, Invitation, Organization
from undersigned.collection.models import SignOnRequest
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement, Text

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
    opened = [s for s in statements if s.state == State.OPEN]
    members = list(coalition.members.all())
    # Who signed each open statement, who signed an older version, and the requests waiting:
    # three queries for all of them (counted here, not by a GROUP BY over two joins).
    signed_ids: dict[int, set[int]] = defaultdict(set)
    active: Counter[int] = Counter()
    signatures = Signature.objects.active().filter(statement__in=[s.pk for s in opened])
    pairs = signatures.order_by().values_list("statement_id", "organization")
    for statement_id, organization_id in pairs:
        signed_ids[statement_id].add(organization_id)
        active[statement_id] += 1
    stale: dict[int, list[Signature]] = defaultdict(list)
    for signature in _not_reconfirmed(signatures).select_related("organization", "text"):
        stale[signature.statement_id].append(signature)
    waiting = dict(
        SignOnRequest.objects.filter(
            statement__in=[s.pk for s in opened], state=SignOnRequest.State.CONFIRMED
        )
        .order_by()
        .values("statement")
        .annotate(n=Count("pk"))
        .values_list("statement", "n")
    )
    open_rows = [
        OpenStatement(
            statement=statement,
            signatures=active[statement.pk],
            waiting=waiting.get(statement.pk, 0),
            missing=[o for o in members if o.pk not in signed_ids[statement.pk]],
            not_reconfirmed=stale[statement.pk],
        )
        for statement in opened
    ]
    requests = (
        SignOnRequest.objects.filter(statement__coalition=coalition)
        .select_related("statement", "organization", "text")
        # Each row shows its statement's title: its texts, read once for all rows.
        .prefetch_related(Prefetch("statement__texts", Text.objects.defer("body", "change_note")))
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


def _not_reconfirmed(signatures: QuerySet[Signature]) -> QuerySet[Signature]:
    """The signatures given to another version than the current one (the newest in the
    statement's original language), in one query."""
    current = (
        Text.objects.filter(
            statement=OuterRef("statement"), language=OuterRef("statement__original_language")
        )
        .order_by("-version")
        .values("pk")[:1]
    )
    return signatures.exclude(text=Subquery(current))


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
    stale = _not_reconfirmed(signed).count()
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
