"""The public signatory list. It is derived from the signatures every time, never stored."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q

from undersigned.coalitions.models import DomainProof, Organization, shown_proofs
from undersigned.core.regions import region_name
from undersigned.signing.given import (
    DELEGATE_DOMAIN_VERIFIED,
    LEGEND,
    ORDER,
    PROOFS_LEGEND,
    Given,
    how_given,
)
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement

BY_REGION = "region"
IN_SIGNING_ORDER = "signed"
ORDERS = (BY_REGION, IN_SIGNING_ORDER)


@dataclass
class Entry:
    number: int
    signature: Signature
    proofs: list[DomainProof] = field(default_factory=list)  # the organization's domain proofs
    log_index: int | None = None  # its entry in the transparency log, where a reader asks

    @property
    def organization(self):
        return self.signature.organization

    @property
    def given(self) -> Given:
        return how_given(self.signature, self.proofs)

    @property
    def other_proofs(self) -> list[DomainProof]:
        """The proofs the list shows beside how the signature was given: not the one that
        "signed by a delegate of …, domain verified" names already."""
        given = self.given
        if given.how != DELEGATE_DOMAIN_VERIFIED:
            return self.proofs
        return [p for p in self.proofs if not (p.domain == given.domain and p.is_strong)]


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
    def legend(self) -> list[str]:
        """What the marks of this list mean: only those it shows, in a fixed order."""
        shown = {entry.given.how for entry in self.entries}
        legend = [LEGEND[how] for how in ORDER if how in shown]
        if any(entry.other_proofs for entry in self.entries):
            legend.append(PROOFS_LEGEND)
        return [str(line) for line in legend]

    @property
    def same_given(self) -> Given | None:
        """How every signature was given, when it is the same for all (an imported list): the
        PDF says it once instead of on every line."""
        found = {entry.given for entry in self.entries}
        return found.pop() if len(found) == 1 else None

    @property
    def usual_given(self) -> Given | None:
        """How most signatures of the list were given, when most were given one way that names
        no domain: the page says it once above the list, and only the lines given otherwise
        say how (the same words on each of 534 lines were 35 KB of a 265 KB page).
        A way that names a domain is each organization's own, so each line keeps it."""
        entries = self.entries
        counts = Counter(given for entry in entries if not (given := entry.given).domain)
        if not counts:
            return None
        given, count = counts.most_common(1)[0]
        return given if count >= 2 and count * 2 > len(entries) else None

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
        # The list shows which version each signed, not its words: each row would otherwise
        # carry its own copy of the text (5 MB for 500 signatures of a 10 KB statement, held at
        # once while the page renders, and left as heap the worker keeps).
        .defer("text__body", "text__change_note")
        .annotate(proven=Exists(_SHOWN_PROOFS.filter(organization=OuterRef("organization_id"))))
        .in_signing_order()
    )
    proofs = _proofs_of([s.organization_id for s in signatures if s.proven])
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
            group.entries.append(
                Entry(number, signature, proofs.get(signature.organization_id, []))
            )
        groups.append(group)
    return SignatoryList(
        groups=groups,
        withdrawn=[s for s in signatures if s.withdrawn_at is not None],
        as_of=max(changes, default=None),
    )


# Domain proofs a list shows: verified or lapsed, never pending.
_SHOWN_PROOFS = DomainProof.objects.exclude(state=DomainProof.State.PENDING)


def _proofs_of(organization_ids: list[int]) -> dict[int, list[DomainProof]]:
    """The proofs each organization shows, in one query, and in none when no signatory has any
    (the signatures' query says which have)."""
    if not organization_ids:
        return {}
    found: dict[int, list[DomainProof]] = {}
    for proof in _SHOWN_PROOFS.filter(organization_id__in=set(organization_ids)):
        found.setdefault(proof.organization_id, []).append(proof)
    return {pk: shown_proofs(proofs) for pk, proofs in found.items()}


def refresh_lists_of(organization: Organization) -> None:
    """A domain proof of the organization was verified or lapsed: the cached lists of the
    statements it signed are out of date."""
    for statement in Statement.objects.filter(signatures__organization=organization).distinct():
        statement.touch()


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
