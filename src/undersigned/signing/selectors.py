"""The public signatory list. It is derived from the signatures every time, never stored."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from undersigned.core.regions import region_name
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement

BY_REGION = "region"
IN_SIGNING_ORDER = "signed"
ORDERS = (BY_REGION, IN_SIGNING_ORDER)


@dataclass
class Entry:
    number: int
    signature: Signature

    @property
    def organization(self):
        return self.signature.organization


@dataclass
class Group:
    name: str | None
    entries: list[Entry] = field(default_factory=list)


@dataclass
class SignatoryList:
    groups: list[Group]
    withdrawn: list[Signature]
    as_of: dt.datetime | None  # the last signature or withdrawal

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)

    @property
    def entries(self) -> list[Entry]:
        return [entry for group in self.groups for entry in group.entries]


def signatory_list(statement: Statement, *, order: str = BY_REGION) -> SignatoryList:
    """Active signatures numbered 1…n, grouped by region or in signing order.

    Regions come in the order of their first signature and keep signing order inside, so a list
    that was published region by region (as ICOR does) keeps its published numbers.
    """
    signatures = list(
        Signature.objects.filter(statement=statement)
        .select_related("organization", "text")
        .in_signing_order()
    )
    active = [s for s in signatures if s.withdrawn_at is None]
    changes = [s.signed_at for s in signatures] + [
        s.withdrawn_at for s in signatures if s.withdrawn_at
    ]
    if order == BY_REGION:
        by_region: dict[str | None, list[Signature]] = {}
        for signature in active:
            by_region.setdefault(signature.organization.region, []).append(signature)
        buckets = [(region_name(region), members) for region, members in by_region.items()]
    else:
        buckets = [(None, active)]
    groups, number = [], 0
    for name, members in buckets:
        group = Group(name)
        for signature in members:
            number += 1
            group.entries.append(Entry(number, signature))
        groups.append(group)
    return SignatoryList(
        groups=groups,
        withdrawn=[s for s in signatures if s.withdrawn_at is not None],
        as_of=max(changes, default=None),
    )


def listed_statements(statements):
    """Statements as the lists show them (home, archive, search): with their current texts and
    the number of organizations signing, newest first. The count is an annotation over the
    statements, never a join to their texts (which would count each signature once per
    language)."""
    active = Q(signatures__withdrawn_at__isnull=True)
    return (
        statements.with_current_text()
        .annotate(signature_count=Count("signatures", filter=active))
        .order_by(F("issued_on").desc(nulls_last=True), "-created_at")
    )
