"""What the signatures tell the audit trail's verification: each one is what the newest event
about its organization and statement says (signed, which version, or withdrawn), so a signature
added, deleted, moved to another version or un-withdrawn in the database shows."""

from undersigned.audit.models import Event
from undersigned.signing.models import Method, Signature
from undersigned.statements.models import Statement

_SIGNED = (
    Event.Kind.SIGNATURE_GIVEN,
    Event.Kind.SIGNATURE_RECORDED,
    Event.Kind.SIGNATURE_IMPORTED,
    Event.Kind.SIGNATURE_RECONFIRMED,
)
_KINDS = (*_SIGNED, Event.Kind.SIGNATURE_WITHDRAWN)


def signatures_agree_with_the_trail(newest: Event | None) -> str | None:
    said: dict[tuple[int, int], tuple[str, dict]] = {}
    events = Event.objects.filter(kind__in=_KINDS).order_by("id")
    rows = events.values_list("statement_id", "organization_id", "kind", "details")
    for statement_id, organization_id, kind, details in rows:
        said[(statement_id, organization_id)] = (kind, details or {})
    # Statements whose imported signatures were counted in one event, before each had its own.
    imported_in_bulk = set(
        Event.objects.filter(kind=Event.Kind.STATEMENT_IMPORTED).values_list(
            "statement_id", flat=True
        )
    ) - {statement for statement, _org in said}
    signatures = Signature.objects.values_list(
        "statement_id",
        "statement__slug",
        "organization_id",
        "organization__abbreviation",
        "method",
        "withdrawn_at",
        "text__version",
        "text__statement_id",
    )
    seen = set()
    for statement, slug, org, abbreviation, method, withdrawn_at, version, of in signatures:
        seen.add((statement, org))
        where = f"the signature of {abbreviation or f'organization #{org}'} on {slug}"
        if of != statement:
            return f"{where} points at another statement's text: changed outside the application"
        if (statement, org) not in said:
            if method == Method.IMPORTED and statement in imported_in_bulk:
                continue
            return f"{where} has no event: it was added outside the application"
        kind, details = said[(statement, org)]
        if (kind == Event.Kind.SIGNATURE_WITHDRAWN) != (withdrawn_at is not None):
            return (
                f"{where} is {'withdrawn' if withdrawn_at else 'active'}, but its newest event "
                f"is {kind}: it was changed outside the application"
            )
        if withdrawn_at is None and details.get("version") not in (None, version):
            return (
                f"{where} is for version {version}, but its newest event says version "
                f"{details['version']}: it was changed outside the application"
            )
    statements = set(Statement.objects.values_list("pk", flat=True))  # some may be deleted
    for (statement, org), (kind, _details) in said.items():
        if kind in _SIGNED and statement in statements and (statement, org) not in seen:
            return (
                f"a signature of organization #{org} on statement #{statement} is missing, "
                f"though its newest event is {kind}: it was deleted outside the application"
            )
    return None
