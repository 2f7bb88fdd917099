"""A statement whose deadline passed is closed everywhere it is read, and nobody sets a deadline in
the past (issue 19, item 3)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from undersigned.audit.models import Event
from undersigned.core.errors import ActionError
from undersigned.statements.actions import change_state, update_details
from undersigned.statements.models import State, Statement

API = "/api/v1"


@pytest.fixture
def expired(open_statement) -> Statement:
    """Open in the database, its deadline a minute ago: nobody has acted on it since."""
    Statement.objects.filter(pk=open_statement.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    open_statement.refresh_from_db()
    return open_statement


def _cards(html: str, heading: str) -> str:
    """The part of the home page under one heading."""
    start = html.index(f'id="{heading}"')
    return html[start : html.index("</section>", start)]


def test_the_home_page_lists_a_passed_deadline_as_closed(client, expired):
    html = client.get("/").content.decode()
    assert "Solidarity with the dockers" not in _cards(html, "open-heading")
    recent = _cards(html, "recent-heading")
    assert "Solidarity with the dockers" in recent and "badge--closed" in recent


def test_the_archive_filters_by_the_state_now(client, expired):
    def titles(query: str) -> int:
        return client.get(f"/archive/?{query}").content.decode().count('class="card"')

    assert titles("state=open") == 0
    assert titles("state=closed") == 1
    assert "badge--closed" in client.get("/archive/").content.decode()


def test_the_api_lists_and_filters_by_the_state_now(client, expired):
    assert client.get(f"{API}/statements", {"state": "open"}).json()["count"] == 0
    closed = client.get(f"{API}/statements", {"state": "closed"}).json()
    assert [item["slug"] for item in closed["items"]] == [expired.slug]
    assert closed["items"][0]["state"] == "closed"
    assert client.get(f"{API}/statements/{expired.slug}").json()["state"] == "closed"


def test_the_queryset_and_the_statement_agree_on_the_state_now(expired, resolution):
    for state in State:
        listed = set(Statement.objects.in_state(state))
        assert listed == {s for s in Statement.objects.all() if s.state_now == state}
    assert expired.state_now == State.CLOSED and resolution.state_now == State.OPEN


def test_reading_a_passed_deadline_writes_nothing(client, expired):
    events = Event.objects.count()
    for address in ("/", "/archive/?state=closed", expired.get_absolute_url()):
        assert client.get(address).status_code == 200
    assert client.get(f"{API}/statements", {"state": "closed"}).status_code == 200
    expired.refresh_from_db()
    assert expired.state == State.OPEN and Event.objects.count() == events


def test_a_delegates_dashboard_offers_no_statement_past_its_deadline(client, expired, dave):
    client.force_login(dave)
    assert "Solidarity with the dockers" not in client.get("/accounts/").content.decode()


def test_a_deadline_in_the_past_is_refused_by_the_form(client, carol, icor, draft):
    client.force_login(carol)
    form = {
        "kind": "statement",
        "issuer": "",
        "title": "Solidarity with the dockers",
        "subtitle": "",
        "body": "Words.",
        "deadline": "2020-01-01T00:00",
        "accepts_endorsements": "on",
        "action": "save",
    }
    page = client.post(f"/s/{draft.slug}/edit/", form)
    assert page.status_code == 200
    assert "The deadline has passed already" in page.content.decode()
    draft.refresh_from_db()
    assert draft.deadline is None
    created = client.post("/new/", {**form, "coalition": icor.pk, "language": "en"})
    assert "The deadline has passed already" in created.content.decode()
    assert Statement.objects.count() == 1


def test_a_deadline_in_the_past_is_refused_by_the_action(carol, draft):
    with pytest.raises(ActionError, match="The deadline has passed already"):
        update_details(
            statement=draft,
            user=carol,
            kind="statement",
            issuer="",
            deadline=timezone.now() - timedelta(days=1),
        )
    draft.refresh_from_db()
    assert draft.deadline is None


def test_opening_past_the_deadline_is_refused_and_keeps_the_deadline(client, carol, draft):
    passed = timezone.now() - timedelta(days=1)
    Statement.objects.filter(pk=draft.pk).update(deadline=passed)
    with pytest.raises(ActionError, match="deadline"):
        change_state(statement=draft, user=carol, state=State.OPEN)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.deadline == passed
    client.force_login(carol)
    page = client.post(f"/s/{draft.slug}/state/", {"state": "open"}, follow=True)
    assert "The deadline has passed" in page.content.decode()


def test_reopening_a_statement_closed_by_its_deadline_asks_for_a_new_one(carol, expired):
    with pytest.raises(ActionError, match="deadline"):
        change_state(statement=expired, user=carol, state=State.OPEN)
    expired.refresh_from_db()
    assert expired.deadline is not None


def test_the_deadline_is_shown_with_its_time_zone(client, carol, open_statement, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    later = timezone.now() + timedelta(days=30)
    update_details(
        statement=open_statement, user=carol, kind="statement", issuer="", deadline=later
    )
    client.force_login(carol)
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "Closes by itself on" in html and "Europe/Berlin" in html
    form = client.get(f"/s/{open_statement.slug}/edit/").content.decode()
    assert "Europe/Berlin" in form


def test_a_confirmation_link_no_longer_counts_after_the_deadline(open_statement):
    from undersigned.endorsements.actions import confirm_endorsement, endorse
    from undersigned.endorsements.models import Endorsement
    from undersigned.endorsements.tokens import confirm_token

    endorse(
        statement=open_statement,
        name="Ana Lima",
        email="ana@example.org",
        country="PT",
        affiliation="",
        listed=True,
        client="127.0.0.1",
    )
    pending = Endorsement.objects.get()
    Statement.objects.filter(pk=open_statement.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(ActionError, match="no longer open for signatures"):
        confirm_endorsement(confirm_token(pending.pk, pending.secret))
    pending.refresh_from_db()
    assert pending.confirmed_at is None
