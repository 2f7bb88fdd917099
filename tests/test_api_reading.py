"""Reading through the API: numbered pages of at most 100, and the people who added their name
as the page of names lists them."""

from django.utils import timezone

from undersigned.accounts.tokens import create_api_token
from undersigned.endorsements.models import Endorsement

API = "/api/v1"


def test_pages_hold_at_most_a_hundred(client, resolution):
    too_many = client.get(f"{API}/organizations", {"page_size": 101})
    assert too_many.status_code == 422
    assert list(too_many.json()["errors"]) == ["page_size"]
    page = client.get(f"{API}/organizations", {"page_size": 100, "page": 1}).json()
    assert (page["count"], page["page"], len(page["items"])) == (34, 1, 34)
    beyond = client.get(f"{API}/organizations", {"page": 2, "page_size": 30}).json()
    assert (beyond["page"], len(beyond["items"])) == (2, 4)


def test_people_listed_as_the_page_lists_them(client, carol, open_statement):
    now = timezone.now()
    Endorsement.objects.create(
        statement=open_statement,
        name="Ana Lima",
        email="ana@example.org",
        country="BR",
        listed=True,
        confirmed_at=now,
    )
    Endorsement.objects.create(
        statement=open_statement,
        name="Ben Quiet",
        email="ben@example.org",
        listed=False,
        confirmed_at=now,
    )
    url = f"{API}/statements/{open_statement.slug}/people"
    public = client.get(url).json()
    assert [p["name"] for p in public["items"]] == ["Ana Lima"]
    assert public["items"][0]["country"] == "BR" and "email" not in public["items"][0]
    token = create_api_token(user=carol, name="moderation")[1]
    coordinator = client.get(url, headers={"Authorization": f"Bearer {token}"}).json()
    assert [p["name"] for p in coordinator["items"]] == ["Ben Quiet", "Ana Lima"]
    assert client.get(url, {"q": "ana"}).json()["count"] == 1


def test_a_page_of_statements_costs_the_same_queries_whatever_its_length(
    client, resolution, cipoml_statement, django_assert_num_queries
):
    # Counted, the page, its texts: the schemas read what the query prefetched, nothing per row.
    with django_assert_num_queries(3):
        page = client.get(f"{API}/statements").json()
    assert [s["signatory_count"] for s in page["items"] if s["slug"] == resolution.slug] == [34]
    with django_assert_num_queries(2):  # counted, the page
        client.get(f"{API}/organizations")
