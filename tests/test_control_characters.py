"""Control characters: refused wherever a title or body enters, and never in a feed (issue 19,
item 19). One in a title made every Atom feed answer 500."""

import json

import feedparser
import pytest

from undersigned.accounts.tokens import create_api_token
from undersigned.core.errors import ActionError
from undersigned.signing.actions import sign_statement
from undersigned.statements.actions import change_state, create_statement, edit_text
from undersigned.statements.models import State, Statement, Text
from undersigned.statements.translations import save_translation

WORDS = {
    "kind": "statement",
    "issuer": "",
    "title": "Solidarity\x0bwith the dockers",
    "subtitle": "",
    "body": "Words.",
    "action": "save",
}


def test_the_forms_refuse_them_at_the_field(client, carol, icor, draft):
    client.force_login(carol)
    page = client.post("/new/", {**WORDS, "coalition": icor.pk, "language": "en"})
    assert "control character (U+000B)" in page.content.decode()
    assert Statement.objects.count() == 1  # the fixture's draft
    edited = client.post(f"/s/{draft.slug}/edit/", {**WORDS, "title": "T", "body": "A\x1bB"})
    assert "control character (U+001B)" in edited.content.decode()
    translated = client.post(
        f"/s/{draft.slug}/translate/de/", {"title": "Solidarität\x07", "body": "Wörter."}
    )
    assert "control character (U+0007)" in translated.content.decode()
    assert not Text.objects.filter(language="de").exists()


def test_the_actions_refuse_them(carol, icor, open_statement):
    with pytest.raises(ActionError, match="control character"):
        create_statement(
            user=carol,
            coalition=icor,
            kind="statement",
            issuer="",
            language="en",
            title="Dockers\x1f",
            subtitle="",
            body="Words.",
        )
    with pytest.raises(ActionError, match="control character"):
        edit_text(statement=open_statement, user=carol, title="T", subtitle="", body="\x0c")
    with pytest.raises(ActionError, match="control character"):
        save_translation(
            statement=open_statement,
            user=carol,
            language="de",
            title="T\x85",
            subtitle="",
            body="Wörter.",
        )
    with pytest.raises(ActionError, match="control character"):
        change_state(statement=open_statement, user=carol, state=State.WITHDRAWN, reason="\x08")
    assert list(Text.objects.values_list("title", flat=True)) == ["Solidarity with the dockers"]


def test_the_api_refuses_them_in_every_field(client, carol, icor):
    token = create_api_token(user=carol, name="tool")[1]
    response = client.post(
        "/api/v1/statements",
        {"coalition": icor.slug, "issuer": "The\x0bCommittee", "title": "T", "body": "Words."},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert "control character (U+000B)" in response.json()["detail"]
    assert not Statement.objects.exists()


def test_an_import_of_a_json_export_refuses_them(client, alice, icor):
    # The plain-text format turns control characters into spaces; a JSON export is read field
    # for field.
    client.force_login(alice)
    text = json.dumps({"kind": "statement", "title": "Dockers", "body": ["We call\x07 for it."]})
    page = client.post(
        "/import/", {"text": text, "language": "en", "coalition": icor.pk, "action": "import"}
    )
    assert "control character (U+0007)" in page.content.decode()
    assert not Statement.objects.exists()


def test_every_feed_drops_them_from_rows_written_before(client, carol, open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    # As a row written before they were refused holds them.
    Text.objects.filter(statement=open_statement).update(
        # No NUL among them: PostgreSQL stores none in text.
        title="Solidarity\x0bwith\x1b the dockers",
        body="Words\x01 and\x0c more.",
    )
    for address in (
        "/feeds/statements.atom",
        f"/c/{open_statement.coalition.slug}/feed.atom",
        f"/o/{mlpd.slug}/feed.atom",
        f"/s/{open_statement.slug}/feed.atom",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (address, feed.bozo_exception)
    entries = feedparser.parse(client.get("/feeds/statements.atom").content).entries
    assert entries[0].title == "Solidaritywith the dockers"
