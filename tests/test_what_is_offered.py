"""Pages offer only what works: no share links or embed code for a draft, and no withdrawn
statement among the new ones (issue 19, item 10)."""

import feedparser

from undersigned.statements.actions import change_state
from undersigned.statements.models import State


def test_a_draft_offers_no_share_links_nor_embed_code(client, carol, draft):
    client.force_login(carol)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Solidarity with the dockers" in html
    for offered in ('id="share-link"', 'id="embed-code"', "t.me/share", "og:url", "oembed"):
        assert offered not in html, offered


def test_a_public_statement_offers_them(client, open_statement):
    html = client.get(open_statement.get_absolute_url()).content.decode()
    for offered in ('id="share-link"', 'id="embed-code"', "t.me/share", "og:url", "oembed"):
        assert offered in html, offered


def test_the_new_statements_feed_leaves_out_withdrawn_ones(
    client, carol, open_statement, resolution
):
    change_state(statement=open_statement, user=carol, state=State.WITHDRAWN, reason="Mistaken.")
    feed = feedparser.parse(client.get("/feeds/statements.atom").content)
    assert [entry.title for entry in feed.entries] == [str(resolution)]


def test_the_coalition_feed_leaves_out_withdrawn_ones(client, carol, open_statement, resolution):
    change_state(statement=open_statement, user=carol, state=State.WITHDRAWN, reason="Mistaken.")
    feed = feedparser.parse(client.get(f"/c/{open_statement.coalition.slug}/feed.atom").content)
    assert [entry.title for entry in feed.entries] == [str(resolution)]
