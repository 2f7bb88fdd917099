"""Who signs with whom: co-signatures counted in SQL, drawn as SVG on the server.

An organization's page lists the organizations it signed most often with; a coalition's page
draws its co-signature network (organizations as circles sized by their signatures, a line for
every pair that signed together, thicker the more often, coloured by region) with a table beside
it for screen readers. Both count active signatures on public statements, and are cached per
last change of the statements concerned (every signature and withdrawal touches its statement).
"""

import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Max

from undersigned.coalitions.models import Coalition, Organization
from undersigned.core.regions import REGION_NAMES
from undersigned.signing.models import Signature
from undersigned.statements.models import State, Statement

MAX_NODES = 60  # beyond that a drawing is a hairball; the table lists the strongest pairs
MAX_PAIRS = 20
STATEMENTS_PER_PARTNER = 5
_CACHE_SECONDS = 24 * 3600
REGION_COLOURS = {
    "africa": "#c0392b",
    "asia": "#d68910",
    "europe": "#2471a3",
    "latin-america": "#229954",
    "north-america": "#7d3c98",
    "oceania": "#148f77",
    None: "#7f8c8d",
}


@dataclass
class Partner:
    organization: Organization
    together: int
    statements: list[Statement] = field(default_factory=list)


def _tables() -> dict[str, str]:
    return {
        "sig": Signature._meta.db_table,
        "st": Statement._meta.db_table,
    }


def co_signers(organization: Organization, limit: int = 10) -> list[Partner]:
    """The organizations that signed most often together with this one, with the statements."""
    changed = Statement.objects.filter(signatures__organization=organization).aggregate(
        last=Max("updated_at")
    )["last"]
    key = f"cosigners:2:{organization.pk}:{changed.timestamp() if changed else 0}:{limit}"
    if (cached := cache.get(key)) is not None:
        return cached
    sql = """
        SELECT b.organization_id, COUNT(*) AS together
        FROM {sig} a
        JOIN {sig} b ON b.statement_id = a.statement_id AND b.organization_id <> a.organization_id
        JOIN {st} s ON s.id = a.statement_id
        WHERE a.organization_id = %s AND a.withdrawn_at IS NULL AND b.withdrawn_at IS NULL
          AND s.state <> %s
        GROUP BY b.organization_id
        ORDER BY together DESC, b.organization_id
        LIMIT %s
    """.format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, [organization.pk, State.DRAFT, limit])
        rows = cursor.fetchall()
    organizations = Organization.objects.in_bulk([pk for pk, _n in rows])
    partners = {pk: Partner(organizations[pk], n) for pk, n in rows}
    signed = Signature.objects.active().filter(organization=organization).values("statement")
    for pk, partner in partners.items():
        # The newest few they signed together; the count says how many there are in all.
        partner.statements = list(
            Statement.objects.public()
            .filter(pk__in=signed)
            .filter(signatures__organization_id=pk, signatures__withdrawn_at__isnull=True)
            .prefetch_related("texts")
            .order_by("-created_at")[:STATEMENTS_PER_PARTNER]
        )
    result = list(partners.values())
    cache.set(key, result, _CACHE_SECONDS)
    return result


@dataclass
class Node:
    organization: Organization
    signatures: int
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0

    angle: float = 0.0

    @property
    def label_x(self) -> float:
        return round(self.x + (self.r + 4) * math.cos(self.angle), 1)

    @property
    def label_y(self) -> float:
        return round(self.y + (self.r + 4) * math.sin(self.angle), 1)

    @property
    def label_anchor(self) -> str:
        """Labels point away from the ring's centre, so they never sit on the lines."""
        return "start" if math.cos(self.angle) >= 0 else "end"

    @property
    def colour(self) -> str:
        return REGION_COLOURS.get(self.organization.region, REGION_COLOURS[None])

    @property
    def region_name(self) -> str:
        return str(REGION_NAMES.get(self.organization.region, ""))


@dataclass
class Edge:
    a: Node
    b: Node
    together: int
    width: float = 1.0


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    size: int
    organizations: int  # all that signed, drawn or not
    legend: list[tuple[str, str]]

    @property
    def strongest(self) -> list[Edge]:
        return sorted(self.edges, key=lambda e: -e.together)[:MAX_PAIRS]


def coalition_network(coalition: Coalition) -> Network:
    changed = coalition.statements.aggregate(last=Max("updated_at"))["last"]
    key = f"network:2:{coalition.pk}:{changed.timestamp() if changed else 0}"
    if (cached := cache.get(key)) is not None:
        return cached
    network = _compute(coalition)
    cache.set(key, network, _CACHE_SECONDS)
    return network


def _compute(coalition: Coalition) -> Network:
    tables = _tables()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.organization_id, COUNT(*)
            FROM {sig} a JOIN {st} s ON s.id = a.statement_id
            WHERE s.coalition_id = %s AND s.state <> %s AND a.withdrawn_at IS NULL
            GROUP BY a.organization_id
            ORDER BY COUNT(*) DESC, a.organization_id
            """.format(**tables),
            [coalition.pk, State.DRAFT],
        )
        counts = cursor.fetchall()
        drawn = [pk for pk, _n in counts[:MAX_NODES]]
        pairs = []
        if drawn:
            marks = ", ".join(["%s"] * len(drawn))
            cursor.execute(
                f"""
                SELECT a.organization_id, b.organization_id, COUNT(*)
                FROM {tables["sig"]} a
                JOIN {tables["sig"]} b
                  ON b.statement_id = a.statement_id AND a.organization_id < b.organization_id
                JOIN {tables["st"]} s ON s.id = a.statement_id
                WHERE s.coalition_id = %s AND s.state <> %s
                  AND a.withdrawn_at IS NULL AND b.withdrawn_at IS NULL
                  AND a.organization_id IN ({marks}) AND b.organization_id IN ({marks})
                GROUP BY a.organization_id, b.organization_id
                """,
                [coalition.pk, State.DRAFT, *drawn, *drawn],
            )
            pairs = cursor.fetchall()
    organizations = Organization.objects.in_bulk(drawn)
    nodes = {pk: Node(organizations[pk], n) for pk, n in counts[:MAX_NODES]}
    edges = [Edge(nodes[a], nodes[b], n) for a, b, n in pairs]
    return _layout(Network(list(nodes.values()), edges, 640, len(counts), []))


def _layout(network: Network) -> Network:
    """Organizations on a circle, region by region (so colours come in arcs), each sized by the
    square root of its signatures; lines as wide as the statements signed together allow."""
    centre = network.size / 2
    order = list(REGION_COLOURS)
    nodes = sorted(
        network.nodes,
        key=lambda n: (
            order.index(n.organization.region) if n.organization.region in order else len(order),
            n.organization.abbreviation or n.organization.name,
        ),
    )
    most = max((n.signatures for n in nodes), default=1)
    ring = centre - 110  # room for the labels outside the ring
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        node.angle = angle
        node.x = round(centre + ring * math.cos(angle), 1)
        node.y = round(centre + ring * math.sin(angle), 1)
        node.r = round(4 + 14 * math.sqrt(node.signatures / most), 1)
    strongest = max((e.together for e in network.edges), default=1)
    for edge in network.edges:
        edge.width = round(0.5 + 5.5 * edge.together / strongest, 2)
    network.nodes = nodes
    regions = {n.organization.region for n in nodes}
    network.legend = [
        (str(REGION_NAMES[r]), REGION_COLOURS[r]) for r in REGION_NAMES if r in regions
    ]
    return network
