"""Coordinators draft, edit and publish; other people cannot."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from undersigned.audit.models import Event
from undersigned.coalitions.models import Coalition, CoalitionRole
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement, Text

STATEMENT = {
    "kind": "resolution",
    "issuer": "Coordination Committee",
    "language": "en",
    "title": "Free the dockers",
    "subtitle": "A call",
    "body": "First paragraph.\n\nSecond.",
}


@pytest.fixture
def frank(db):
    """Frank coordinates another coalition."""
    other = Coalition.objects.create(abbreviation="OTHER", name="Another coalition")
    user = get_user_model().objects.create_user(
        "frank", "frank@example.org", "correct horse battery"
    )
    CoalitionRole.objects.create(user=user, coalition=other, kind=CoalitionRole.Kind.COORDINATOR)
    return user


def test_carol_drafts_previews_and_saves_a_statement(client, carol, icor):
    client.force_login(carol)
    data = {**STATEMENT, "coalition": icor.pk, "body": "Some **bold** words.\n\n<script>x</script>"}
    html = client.post("/new/", {**data, "action": "preview"}).content.decode()
    assert "<strong>bold</strong>" in html and "<script>x</script>" not in html
    assert not Statement.objects.exists()
    response = client.post("/new/", {**data, "action": "save"})
    statement = Statement.objects.get()
    assert response["Location"] == statement.get_absolute_url()
    assert statement.state == State.DRAFT and statement.coalition == icor
    assert statement.current_text().title == "Free the dockers"
    assert Event.objects.filter(kind=Event.Kind.STATEMENT_CREATED).count() == 1


def test_the_form_rejects_bad_input_field_by_field(client, carol, icor):
    client.force_login(carol)
    data = {
        **STATEMENT,
        "coalition": icor.pk,
        "title": "",
        "body": "  ",
        "kind": "nonsense",
        "action": "save",
    }
    html = client.post("/new/", data).content.decode()
    assert html.count("This field is required.") >= 2
    assert "Select a valid choice" in html
    html = client.post("/new/", {**data, "title": "x" * 301, "body": "ok"}).content.decode()
    assert "Ensure this value has at most 300 characters" in html
    assert not Statement.objects.exists()


def test_a_coordinator_cannot_draft_for_another_coalition(client, frank, icor):
    client.force_login(frank)
    client.post("/new/", {**STATEMENT, "coalition": icor.pk, "action": "save"})
    assert not Statement.objects.exists()


def test_people_without_a_coalition_cannot_draft(client, bob):
    client.force_login(bob)
    assert client.get("/new/").status_code == 403


def test_drafts_are_seen_only_by_the_coalitions_members(client, draft, bob, dave, frank):
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(frank)
    assert client.get(url).status_code == 404
    client.force_login(dave)
    assert client.get(url).status_code == 200


def test_another_coalitions_coordinator_cannot_edit_or_publish(client, draft, frank):
    client.force_login(frank)
    assert client.get(f"/s/{draft.slug}/edit/").status_code == 404  # cannot even see the draft
    change_state(statement=draft, user=draft.created_by, state=State.OPEN)
    response = client.post(f"/s/{draft.slug}/edit/", {**STATEMENT, "action": "save"})
    assert response.status_code == 403
    response = client.post(f"/s/{draft.slug}/state/", {"state": "closed"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.state == State.OPEN and draft.current_text().title == "Solidarity with the dockers"


def test_carol_opens_closes_and_withdraws(client, draft, carol):
    client.force_login(carol)
    client.post(f"/s/{draft.slug}/state/", {"state": "open"})
    draft.refresh_from_db()
    assert draft.state == State.OPEN and draft.opened_at
    client.post(f"/s/{draft.slug}/state/", {"state": "withdrawn", "reason": ""})
    draft.refresh_from_db()
    assert draft.state == State.OPEN  # a withdrawal needs its reason
    client.post(
        f"/s/{draft.slug}/state/", {"state": "withdrawn", "reason": "Superseded by a new text."}
    )
    draft.refresh_from_db()
    assert draft.state == State.WITHDRAWN
    client.logout()
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "This statement has been withdrawn." in html and "Superseded by a new text." in html
    kinds = list(
        Event.objects.filter(statement_id=draft.pk).values_list("details__state", flat=True)
    )
    assert kinds[-2:] == ["open", "withdrawn"]


def test_a_published_text_change_is_a_new_version(client, open_statement, carol):
    client.force_login(carol)
    client.post(f"/s/{open_statement.slug}/edit/", {**STATEMENT, "action": "save"})
    assert list(Text.objects.values_list("version", flat=True).order_by("version")) == [1, 2]
    assert open_statement.current_text().title == "Free the dockers"


def test_a_deadline_closes_the_statement_by_itself(client, open_statement, dave, mlpd):
    open_statement.deadline = timezone.now() - timedelta(minutes=1)
    open_statement.save()
    # Reading shows it closed and writes nothing.
    events_before = Event.objects.count()
    page = client.get(open_statement.get_absolute_url())
    assert b"Closed" in page.content
    open_statement.refresh_from_db()
    assert open_statement.state == State.OPEN and Event.objects.count() == events_before
    # The next action on it records the closing, and is refused.
    client.force_login(dave)
    client.post(
        f"/s/{open_statement.slug}/sign/",
        {"organization": mlpd.pk, "version": 1, "confirm": "on"},
    )
    open_statement.refresh_from_db()
    assert open_statement.state == State.CLOSED
    assert not open_statement.signatures.exists()
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_STATE_CHANGED).last()
    assert event.details["reason"] == "deadline" and event.actor_id is None


def test_one_save_of_the_editor_is_one_audited_action(client, open_statement, carol):
    client.force_login(carol)
    client.post(
        f"/s/{open_statement.slug}/edit/",
        {**STATEMENT, "issuer": "The Coordination", "action": "save"},
    )
    open_statement.refresh_from_db()
    assert open_statement.issuer == "The Coordination"
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_DETAILS_CHANGED).get()
    assert event.details["issuer"] == "The Coordination" and event.actor_id == carol.pk


def test_a_closed_statement_is_frozen_until_reopened(client, open_statement, carol):
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    client.force_login(carol)
    response = client.post(f"/s/{open_statement.slug}/edit/", {**STATEMENT, "action": "save"})
    assert "frozen" in response.content.decode()
    assert open_statement.texts.count() == 1
    open_statement.refresh_from_db()
    assert open_statement.kind == "statement"  # the details stayed too
    change_state(statement=open_statement, user=carol, state=State.OPEN)
    client.post(f"/s/{open_statement.slug}/edit/", {**STATEMENT, "action": "save"})
    assert open_statement.texts.count() == 2


def test_a_coordinator_of_one_coalition_finds_it_chosen(client, carol, icor):
    client.force_login(carol)
    form = client.get("/new/").content.decode()
    assert f'<option value="{icor.pk}" selected>' in form
    assert "None (an open letter)" not in form  # only staff write open letters
