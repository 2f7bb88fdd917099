"""A draft's address can change before it opens, and the old one leads to the new (issue 19,
item 11): a slug no longer keeps the first title forever."""

import pytest

from undersigned.audit.models import Event
from undersigned.core.errors import ActionError
from undersigned.statements.actions import change_state, create_statement, update_details
from undersigned.statements.models import SlugRedirect, State, Statement

OLD = "icor-solidarity-with-the-dockers"
NEW = "icor-dockers-strike"


def _form(draft, **changes) -> dict:
    text = draft.current_text()
    return {
        "slug": draft.slug,
        "kind": draft.kind,
        "issuer": draft.issuer,
        "title": text.title,
        "subtitle": text.subtitle,
        "body": text.body,
        "accepts_endorsements": "on",
        "action": "save",
        **changes,
    }


def test_a_coordinator_changes_a_drafts_address(client, carol, draft):
    assert draft.slug == OLD
    client.force_login(carol)
    assert f'value="{OLD}"' in client.get(f"/s/{OLD}/edit/").content.decode()
    response = client.post(f"/s/{OLD}/edit/", _form(draft, slug=NEW))
    assert response.status_code == 302 and response["Location"] == f"/s/{NEW}/"
    draft.refresh_from_db()
    assert draft.slug == NEW
    assert list(draft.old_slugs.values_list("slug", flat=True)) == [OLD]
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_DETAILS_CHANGED).get()
    assert event.details == {"slug": NEW, "old_slug": OLD} and event.actor_id == carol.pk


def test_the_old_address_and_its_sub_pages_lead_to_the_new_one(client, carol, draft):
    update_details(
        statement=draft, user=carol, kind="statement", issuer="", deadline=None, slug=NEW
    )
    change_state(statement=Statement.objects.get(pk=draft.pk), user=carol, state=State.OPEN)
    for old, new in (
        (f"/s/{OLD}/", f"/s/{NEW}/"),
        (f"/s/{OLD}/?order=signed", f"/s/{NEW}/?order=signed"),
        (f"/de/s/{OLD}/", f"/de/s/{NEW}/"),
        (f"/s/{OLD}/changes/", f"/s/{NEW}/changes/"),
        (f"/s/{OLD}/feed.atom", f"/s/{NEW}/feed.atom"),
        (f"/s/{OLD}/export.txt", f"/s/{NEW}/export.txt"),
        (f"/s/{OLD}/embed/", f"/s/{NEW}/embed/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get(f"/s/{NEW}/").status_code == 200


def test_a_drafts_old_address_is_a_404_to_others(client, carol, draft):
    update_details(
        statement=draft, user=carol, kind="statement", issuer="", deadline=None, slug=NEW
    )
    assert client.get(f"/s/{OLD}/").status_code == 404


def test_the_address_is_checked_at_the_field(client, carol, draft, resolution):
    client.force_login(carol)
    bad = client.post(f"/s/{OLD}/edit/", _form(draft, slug="Not a slug!")).content.decode()
    assert "Use lower-case letters, digits and hyphens" in bad
    taken = client.post(f"/s/{OLD}/edit/", _form(draft, slug=resolution.slug)).content.decode()
    assert "Another statement has or had this address." in taken
    draft.refresh_from_db()
    assert draft.slug == OLD and not SlugRedirect.objects.exists()


def test_an_old_address_of_another_statement_is_taken(carol, icor, draft):
    update_details(
        statement=draft, user=carol, kind="statement", issuer="", deadline=None, slug=NEW
    )
    other = create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="",
        language="en",
        title="Another",
        subtitle="",
        body="Words.",
    )
    with pytest.raises(ActionError, match="has or had this address"):
        update_details(
            statement=other, user=carol, kind="statement", issuer="", deadline=None, slug=OLD
        )


def test_once_open_the_address_stays(client, carol, open_statement):
    client.force_login(carol)
    assert 'name="slug"' not in client.get(f"/s/{OLD}/edit/").content.decode()
    with pytest.raises(ActionError, match="only before the statement opens"):
        update_details(
            statement=open_statement,
            user=carol,
            kind="statement",
            issuer="",
            deadline=None,
            slug=NEW,
        )
    open_statement.refresh_from_db()
    assert open_statement.slug == OLD


def test_going_back_to_an_earlier_address(carol, draft):
    update_details(
        statement=draft, user=carol, kind="statement", issuer="", deadline=None, slug=NEW
    )
    update_details(
        statement=draft, user=carol, kind="statement", issuer="", deadline=None, slug=OLD
    )
    draft.refresh_from_db()
    assert draft.slug == OLD
    assert list(SlugRedirect.objects.values_list("slug", flat=True)) == [NEW]
