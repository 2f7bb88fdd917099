"""What the person reading a statement page may do with signatures, computed once per page."""

from dataclasses import dataclass, field

from undersigned.coalitions.models import Organization
from undersigned.coalitions.permissions import can_edit_statement, signing_organizations
from undersigned.signing.models import Signature
from undersigned.signing.selectors import SignatoryList
from undersigned.statements.models import Statement


@dataclass
class SigningPanel:
    version: int
    is_open: bool
    can_record: bool
    unsigned: list[Organization] = field(default_factory=list)  # may sign now
    signed: list[Signature] = field(default_factory=list)  # may withdraw or confirm again

    @property
    def needs_reconfirmation(self) -> list[Signature]:
        return [s for s in self.signed if s.text.version != self.version]


def signing_panel(user, statement: Statement, listing: SignatoryList) -> SigningPanel | None:
    """None for people who can neither sign nor coordinate (the public)."""
    if not user.is_authenticated:
        return None
    organizations = list(signing_organizations(user, statement))
    can_record = can_edit_statement(user, statement)
    if not organizations and not can_record:
        return None
    text = statement.current_text()
    active = {entry.signature.organization_id: entry.signature for entry in listing.entries}
    return SigningPanel(
        version=text.version if text else 1,
        is_open=statement.state_enum.is_signable,
        can_record=can_record,
        unsigned=[o for o in organizations if o.pk not in active],
        signed=[active[o.pk] for o in organizations if o.pk in active],
    )
