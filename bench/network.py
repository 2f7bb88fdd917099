"""The co-signature network at scale: 1,000 organizations, 2,000 statements of one coalition.

    python -m bench.network [--organizations 1000] [--statements 2000] [--per-statement 25]

Builds the rows in a scratch database (SQLite under a temporary directory unless DATABASE_URL
names one), then times the coalition's network and one organization's co-signers: the first
computation (SQL), and the cached answer that pages get until the next signature. Prints the
figures; the last run's are in BENCHMARKS.md.
"""

import argparse
import os
import random
import sys
import tempfile
import time


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--per-statement", type=int, default=25, help="signatures, on average")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        os.environ["UNDERSIGNED_VAR_DIR"] = tempfile.mkdtemp(prefix="us-network-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from undersigned.circulation.network import co_signers, coalition_network
    from undersigned.coalitions.models import Coalition, Membership, Organization
    from undersigned.signing.models import Method, Signature
    from undersigned.statements.models import State, Statement, Text

    call_command("migrate", verbosity=0)
    rng = random.Random(12)
    countries = ["DE", "FR", "TR", "IR", "AF", "IN", "BR", "PE", "US", "ZA", "NG", "AU", "RU"]
    t = time.monotonic()
    with transaction.atomic():
        coalition = Coalition.objects.create(abbreviation="BENCH", name="Benchmark coalition")
        Organization.objects.bulk_create(
            Organization(
                abbreviation=f"O{i}",
                name=f"Organization {i}",
                slug=f"bench-o{i}",
                country=rng.choice(countries),
            )
            for i in range(args.organizations)
        )
        organizations = list(Organization.objects.filter(slug__startswith="bench-o"))
        Membership.objects.bulk_create(
            Membership(coalition=coalition, organization=o) for o in organizations
        )
        now = timezone.now()
        Statement.objects.bulk_create(
            Statement(slug=f"bench-s{i}", coalition=coalition, state=State.OPEN, opened_at=now)
            for i in range(args.statements)
        )
        statements = list(Statement.objects.filter(slug__startswith="bench-s"))
        Text.objects.bulk_create(
            Text(statement=s, language="en", title=s.slug, body="Text.") for s in statements
        )
        texts = {t.statement_id: t for t in Text.objects.filter(statement__in=statements)}
        # A few organizations sign nearly everything, most sign now and then: as in life.
        weights = [1 / (i + 1) ** 0.8 for i in range(len(organizations))]
        rows = []
        for statement in statements:
            count = max(2, int(rng.gauss(args.per_statement, args.per_statement / 3)))
            chosen = {o.pk: o for o in rng.choices(organizations, weights, k=count)}
            rows += [
                Signature(
                    statement=statement,
                    organization=o,
                    text=texts[statement.pk],
                    signed_at=now,
                    method=Method.IMPORTED,
                )
                for o in chosen.values()
            ]
        Signature.objects.bulk_create(rows, batch_size=5000)
    print(
        f"rows: {len(organizations):,} organizations, {len(statements):,} statements, "
        f"{len(rows):,} signatures in {time.monotonic() - t:.1f} s",
        file=sys.stderr,
    )

    cache.clear()
    t = time.monotonic()
    network = coalition_network(coalition)
    cold = time.monotonic() - t
    t = time.monotonic()
    for _ in range(20):
        coalition_network(coalition)
    warm = (time.monotonic() - t) / 20
    busiest = organizations[0]
    t = time.monotonic()
    partners = co_signers(busiest)
    partners_cold = time.monotonic() - t
    t = time.monotonic()
    co_signers(busiest)
    partners_warm = time.monotonic() - t
    print(
        f"coalition network: {cold * 1000:.0f} ms computed ({network.organizations:,} "
        f"organizations, {len(network.nodes)} drawn, {len(network.edges):,} lines), "
        f"{warm * 1000:.1f} ms cached"
    )
    print(
        f"co-signers of the busiest organization: {partners_cold * 1000:.0f} ms computed "
        f"({len(partners)} partners), {partners_warm * 1000:.1f} ms cached"
    )


if __name__ == "__main__":
    main()
