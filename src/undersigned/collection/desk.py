"""What the coordinators' desk shows of one coalition, read in a few queries: a fixed number
whatever the number of open statements (bench: 500 members, 50 statements)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from undersigned.audit.models import Event
from undersigned.coalitions.actions import INVITATION_MAX_AGE
from undersigned.coalitions.models import Coalition, Invitation, Membership, Organization
from undersigned.collection.models import SignOnRequest
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement, Text

INVITATION_STATES = ("sent", "accepted", "expired")
RECENT_EVENTS = 30
FIRST_SHOWN = 5  # names shown per list on the desk; the rest one click away
REQUESTS_PER_PAGE = 10  # each card holds three forms: ten a page keep the desk light


@dataclass
class OpenStatement:
    """One open statement's row: numbers, and the first few names of each list (the whole
    list is on a page of its own, statement_members: at 500 members, fifty statements'
    lists made the desk a 400 KB page)."""

    statement: Statement
    signatures: int
    waiting: int  # sign-on requests confirmed, to decide
    missing: int = 0  # members that have not signed
    not_reconfirmed: int = 0  # signatures of an older version
    first_missing: list[Organization] = field(default_factory=list)
    first_not_reconfirmed: list[Signature] = field(default_factory=list)


@dataclass
class Desk:
    coalition: Coalition
    drafts: list[Statement]
    open: list[OpenStatement]
    requests: Page  # the page of requests asked for, REQUESTS_PER_PAGE at a time
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
    coalition: Coalition,
    *,
    statement_slug: str = "",
    request_state: str = "",
    invitation="",
    page: str | int | None = 1,
) -> Desk:
    statements = Statement.objects.filter(coalition=coalition).with_current_text(bodies=False)
    drafts = [s for s in statements if s.state == State.DRAFT]
    opened = [s for s in statements if s.state == State.OPEN]
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
    rows = open_rows(coalition, opened)
    return Desk(
        coalition=coalition,
        drafts=drafts,
        open=rows,
        requests=Paginator(requests.order_by("created_at", "pk"), REQUESTS_PER_PAGE).get_page(page),
        invitations=list(invitations.order_by("-created_at")[:200]),
        events=list(events),
        counts=desk_counts(coalition, drafts, rows),
    )


def open_rows(coalition: Coalition, opened: list[Statement]) -> list[OpenStatement]:
    """The open statements' rows in five queries whatever their number and the members':
    numbers counted by the database (GROUP BY on the signatures' own columns, no join), and
    the first FIRST_SHOWN names of each list."""
    ids = [s.pk for s in opened]
    members = Membership.objects.filter(coalition=coalition).values("organization")
    signatures = Signature.objects.active().filter(statement__in=ids).order_by()
    # All signatures and the members' among them, counted in one pass.
    counted = signatures.values("statement").annotate(
        n=Count("pk"), members=Count("pk", filter=Q(organization__in=members))
    )
    active = {row["statement"]: row["n"] for row in counted}
    signed_by_members = {row["statement"]: row["members"] for row in counted}
    waiting = _per_statement(
        SignOnRequest.objects.filter(statement__in=ids, state=SignOnRequest.State.CONFIRMED)
    )
    member_count = coalition.members.count()
    first_missing = _first_missing(coalition, ids)
    # Signatures of another text than the current one (the newest in the original
    # language): the current texts are known from the statements read, so this is a filter
    # on the signatures' own column, not a subquery per signature.
    current = [text.pk for s in opened if (text := s.current_text()) is not None]
    stale_count: Counter[int] = Counter()
    stale: dict[int, list[Signature]] = defaultdict(list)
    # Counted here, the names of the first FIRST_SHOWN kept: few unless a text changed after
    # many had signed, and one pass over the signatures instead of two.
    for signature in (
        signatures.exclude(text__in=current)
        .select_related("organization", "text")
        .order_by("statement_id", "signed_at", "pk")
    ):
        stale_count[signature.statement_id] += 1
        if len(stale[signature.statement_id]) < FIRST_SHOWN:
            stale[signature.statement_id].append(signature)
    return [
        OpenStatement(
            statement=statement,
            signatures=active.get(statement.pk, 0),
            waiting=waiting.get(statement.pk, 0),
            missing=member_count - signed_by_members.get(statement.pk, 0),
            not_reconfirmed=stale_count[statement.pk],
            first_missing=first_missing.get(statement.pk, []),
            first_not_reconfirmed=stale[statement.pk],
        )
        for statement in opened
    ]


def _per_statement(rows: QuerySet) -> dict[int, int]:
    counted = rows.order_by().values("statement").annotate(n=Count("pk"))
    return dict(counted.values_list("statement", "n"))


def _first_missing(coalition: Coalition, statement_ids: list[int]) -> dict[int, list[Organization]]:
    """The first FIRST_SHOWN members (in the list's order) that have not signed, per
    statement, in two queries: the database numbers each statement's missing members (a
    window function over members × statements, each pair probed in the signatures' unique
    index) and returns the first few; their organizations are then read at once. Raw SQL:
    the ORM has no cross join."""
    if not statement_ids:
        return {}
    signature, membership = Signature._meta, Membership._meta
    organization, statement = Organization._meta, Statement._meta
    q = connection.ops.quote_name
    listed = ", ".join(["%s"] * len(statement_ids))
    # The members are ranked once in the list's order (Organization.Meta.ordering); the
    # window then sorts each statement's missing members by that integer.
    sql = f"""
        WITH ranked AS (
            SELECT o.{q("id")} AS organization_id, ROW_NUMBER() OVER (
                ORDER BY LOWER(o.{q("abbreviation")}), LOWER(o.{q("name")}), o.{q("id")}
            ) AS member_rank
            FROM {q(membership.db_table)} m
            JOIN {q(organization.db_table)} o ON o.{q("id")} = m.{q("organization_id")}
            WHERE m.{q("coalition_id")} = %s
        )
        SELECT statement_id, organization_id FROM (
            SELECT s.{q("id")} AS statement_id, r.organization_id,
                ROW_NUMBER() OVER (PARTITION BY s.{q("id")} ORDER BY r.member_rank) AS n
            FROM {q(statement.db_table)} s CROSS JOIN ranked r
            WHERE s.{q("id")} IN ({listed})
            AND NOT EXISTS (
                SELECT 1 FROM {q(signature.db_table)} g
                WHERE g.{q("statement_id")} = s.{q("id")}
                AND g.{q("organization_id")} = r.organization_id
                AND g.{q("withdrawn_at")} IS NULL
            )
        ) numbered WHERE n <= %s ORDER BY statement_id, n
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [coalition.pk, *statement_ids, FIRST_SHOWN])
        pairs = cursor.fetchall()
    found = Organization.objects.in_bulk({o for __, o in pairs})
    first: dict[int, list[Organization]] = defaultdict(list)
    for statement_id, organization_id in pairs:
        first[statement_id].append(found[organization_id])
    return first


def missing_members(coalition: Coalition, statement: Statement) -> QuerySet[Organization]:
    """Every member that has not signed the statement (active signatures), for its own
    paginated page."""
    signed = Signature.objects.active().filter(statement=statement).values("organization")
    return coalition.members.exclude(pk__in=signed)


def not_reconfirmed(statement: Statement) -> QuerySet[Signature]:
    """The statement's signatures of an older version than the current one."""
    signatures = Signature.objects.active().filter(statement=statement)
    stale = _not_reconfirmed(signatures).select_related("organization", "text")
    return stale.order_by("signed_at", "pk")


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


def desk_counts(
    coalition: Coalition, drafts: list[Statement], rows: list[OpenStatement]
) -> dict[str, int]:
    """The numbers at the top of the desk: the statements' from their rows, counted already."""
    states = SignOnRequest.State
    requests = SignOnRequest.objects.filter(statement__coalition=coalition).aggregate(
        confirmed=Count("pk", filter=Q(state=states.CONFIRMED)),
        requested=Count("pk", filter=Q(state=states.REQUESTED)),
    )
    # The three states of invitations_in(), counted in one query.
    cutoff = timezone.now() - INVITATION_MAX_AGE
    unanswered = Q(accepted_at__isnull=True)
    invitations = Invitation.objects.filter(coalition=coalition).aggregate(
        sent=Count("pk", filter=unanswered & Q(created_at__gt=cutoff)),
        accepted=Count("pk", filter=Q(accepted_at__isnull=False)),
        expired=Count("pk", filter=unanswered & Q(created_at__lte=cutoff)),
    )
    return {
        "drafts": len(drafts),
        "open": len(rows),
        "requests": requests["confirmed"],
        "unconfirmed": requests["requested"],
        "invitations_sent": invitations["sent"],
        "invitations_accepted": invitations["accepted"],
        "invitations_expired": invitations["expired"],
        "missing": sum(row.missing for row in rows),
        "not_reconfirmed": sum(row.not_reconfirmed for row in rows),
    }
