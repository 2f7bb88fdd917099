"""Feeds, sitemap and robots.txt, read as a feed reader and a search engine would."""

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
from django.core.management import call_command

from undersigned.coalitions.models import Organization
from undersigned.signing.actions import sign_statement, withdraw_signature
from undersigned.statements.actions import edit_text

PERSIAN = Path(__file__).resolve().parents[1] / "src/undersigned/demo/icor-afghanistan-2021.fa.txt"


def _feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_new_statements_lists_the_public_ones_newest_first(
    client, resolution, cipoml_statement, draft
):
    feed = _feed(client, "/feeds/statements.atom")
    titles = [entry.title for entry in feed.entries]
    assert titles == [str(cipoml_statement), str(resolution)]  # the draft is not there
    entry = feed.entries[1]
    assert entry.link == f"http://testserver{resolution.get_absolute_url()}"
    assert (
        entry.summary
        == "The workers and women, the people of Afghanistan can only liberate themselves!"
    )
    assert entry.tags[0].term == "Resolution"


def test_a_coalitions_feed_has_only_its_statements(client, resolution, cipoml_statement):
    feed = _feed(client, f"/c/{resolution.coalition.slug}/feed.atom")
    assert feed.feed.title == "Statements of ICOR"
    assert [entry.title for entry in feed.entries] == [str(resolution)]
    assert (
        f'href="/c/{resolution.coalition.slug}/feed.atom"'
        in client.get(f"/c/{resolution.coalition.slug}/").content.decode()
    )


def test_an_organizations_feed_has_its_signatures(client, resolution):
    mlpd = Organization.objects.get(abbreviation="MLPD")
    feed = _feed(client, f"/o/{mlpd.slug}/feed.atom")
    assert [entry.title for entry in feed.entries] == [str(resolution)]
    assert feed.entries[0].summary.startswith("MLPD")
    assert f'href="/o/{mlpd.slug}/feed.atom"' in client.get(f"/o/{mlpd.slug}/").content.decode()


def test_a_statements_feed_tells_new_signatures_withdrawals_and_versions(
    client, open_statement, carol, dave, mlpd
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    edit_text(statement=open_statement, user=carol, title="Solidarity!", subtitle="", body="New.")
    withdraw_signature(
        statement=open_statement,
        organization=mlpd,
        user=dave,
        reason="Our congress decided otherwise.",
    )
    feed = _feed(client, f"/s/{open_statement.slug}/feed.atom")
    assert [entry.title for entry in feed.entries] == [
        "MLPD withdrew its signature.",
        "Version 2 of the English text was published.",
        "MLPD signed version 1.",
    ]
    assert len({entry.id for entry in feed.entries}) == 3
    page = client.get(f"/s/{open_statement.slug}/").content.decode()
    assert (
        f'type="application/atom+xml" title="Solidarity!" href="/s/{open_statement.slug}/feed.atom"'
        in page
    )


def test_feeds_speak_the_language_of_their_address(client, resolution):
    feed = _feed(client, "/de/feeds/statements.atom")
    assert feed.feed.language == "de"
    assert feed.feed.title == "Neue Erklärungen"


def test_a_drafts_feed_is_not_found(client, draft):
    assert client.get(f"/s/{draft.slug}/feed.atom").status_code == 404


def test_the_sitemap_has_every_public_statement_in_every_language(client, resolution, draft):
    call_command("import", str(PERSIAN), translation_of=resolution.slug, language="fa")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    slug = resolution.slug
    assert f"http://testserver/s/{slug}/" in locations
    assert f"http://testserver/fa/s/{slug}/" in locations
    assert not any(draft.slug in loc for loc in locations)
    alternates = {
        link.get("hreflang"): link.get("href") for link in root.findall("s:url/x:link", ns)
    }
    assert alternates["fa"] == f"http://testserver/fa/s/{slug}/"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
