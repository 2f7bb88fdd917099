"""A long list previews in a bounded number of queries: organizations are looked up for all
entries at once, not one query per entry (a 2,000-line preview took 48 s)."""

import pytest

from undersigned.audit.actors import SYSTEM
from undersigned.coalitions.models import Organization
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

COUNTRIES = ["Germany", "France", "Peru", "Nepal"]


def long_list(n: int) -> str:
    lines = ["Joint Statement", "", "We demand the release of all prisoners.", "", "Signatories:"]
    for i in range(1, n + 1):
        lines.append(f"{i}. Workers Union of Somewhere {i} (WUS{i}), {COUNTRIES[i % 4]}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def known(db):
    """Some of the list's organizations are in the directory already, one in another case."""
    Organization.objects.bulk_create(
        Organization(
            abbreviation=f"WUS{i}",
            name=f"Workers Union of Somewhere {i}",
            country="DE",
            slug=f"wus{i}",
        )
        for i in (4, 8, 12, 16, 20, 24, 28, 32, 36, 40)
    )
    Organization.objects.create(abbreviation="wus5", name="Other", country="FR", slug="wus5")


@pytest.mark.parametrize("n", [3, 60])
def test_the_page_preview_queries_do_not_grow_with_the_list(
    n, client, alice, known, django_assert_max_num_queries
):
    client.force_login(alice)
    data = {"text": long_list(n), "language": "en", "action": "preview"}
    with django_assert_max_num_queries(12):
        html = client.post("/import/", data).content.decode()
    assert html.count('data-testid="entry-row"') == n + 2


@pytest.mark.parametrize("n", [3, 60])
def test_planning_queries_do_not_grow_with_the_list(n, known, django_assert_max_num_queries):
    document = parse(long_list(n))
    with django_assert_max_num_queries(6):
        plan = import_document(document, user=SYSTEM, dry_run=True)
    assert len(plan.entries) == n


def test_the_bulk_lookup_matches_as_one_by_one_did(known):
    """Abbreviation regardless of case and the same country (wus5 in France), or the same
    abbreviation and name; otherwise new."""
    plan = import_document(parse(long_list(40)), user=SYSTEM, dry_run=True)
    existing = {e.entry.number for e in plan.entries if e.status == "existing"}
    assert existing == {4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 5}
