"""What waits for a delegate: statements to sign, and signatures to confirm again."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from undersigned.coalitions.models import Organization
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement


@dataclass(frozen=True)
class ToSign:
    organization: Organization
    statement: Statement


def statements_to_sign(organizations: QuerySet[Organization]) -> list[ToSign]:
    """Open statements of the organizations' coalitions (and open letters) that they have not
    signed, or whose signature they withdrew, newest first."""
    waiting = []
    for organization in organizations.prefetch_related("coalitions"):
        statements = (
            Statement.objects.in_state(State.OPEN)
            .filter(Q(coalition__in=organization.coalitions.all()) | Q(coalition__isnull=True))
            .exclude(signatures__organization=organization, signatures__withdrawn_at__isnull=True)
            .with_current_text()
            .order_by("-opened_at", "-id")
        )
        waiting += [ToSign(organization, statement) for statement in statements]
    return waiting


def signatures_to_confirm(signatures: list[Signature]) -> list[Signature]:
    """Active signatures given to an earlier version of the original text."""
    return [
        signature
        for signature in signatures
        if signature.withdrawn_at is None
        and signature.statement.state_now == State.OPEN
        and signature.text_id != signature.statement.current_text().pk
    ]
