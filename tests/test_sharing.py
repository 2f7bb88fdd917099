"""Share cards and the tags that messengers and social networks read from a statement page."""

import io
import re

from PIL import Image

from undersigned.signing.actions import withdraw_signature
from undersigned.signing.selectors import signatory_list


def _meta(html: str, attribute: str, name: str) -> list[str]:
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)


def test_a_statement_page_has_open_graph_and_twitter_tags(client, resolution, settings):
    settings.SITE_URL = "https://statements.example.org"
    html = client.get(f"/s/{resolution.slug}/").content.decode()
    url = f"https://statements.example.org/s/{resolution.slug}/"
    assert _meta(html, "property", "og:title") == [
        "No to any imperialist or expansionist intervention!"
    ]
    assert _meta(html, "property", "og:description") == [
        "The workers and women, the people of Afghanistan can only liberate themselves!"
    ]
    assert _meta(html, "property", "og:url") == [url]
    assert _meta(html, "property", "og:image") == [f"{url}card.png"]
    assert _meta(html, "name", "twitter:card") == ["summary_large_image"]
    assert _meta(html, "name", "twitter:image") == [f"{url}card.png"]
    assert f'<link rel="canonical" href="{url}">' in html


def test_without_a_subtitle_the_description_is_the_first_paragraph(client, cipoml_statement):
    html = client.get(f"/s/{cipoml_statement.slug}/").content.decode()
    (description,) = _meta(html, "property", "og:description")
    assert description.startswith("The Taliban have militarily occupied the country")


def test_share_links_need_no_third_party_script(client, resolution, settings):
    settings.SITE_URL = "https://statements.example.org"
    html = client.get(f"/s/{resolution.slug}/").content.decode()
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)
    link = f"https://statements.example.org/s/{resolution.slug}/"
    assert f'value="{link}"' in html  # the link to copy
    assert "https://t.me/share/url?url=https%3A%2F%2Fstatements.example.org%2Fs%2F" in html
    assert 'href="mailto:?subject=No%20to%20any%20imperialist' in html


def _card(client, url: str) -> Image.Image:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


def test_the_card_is_a_png_per_language_that_follows_the_signatures(client, resolution, alice):
    english = _card(client, f"/s/{resolution.slug}/card.png")
    assert english.size == (1200, 630)
    german = _card(client, f"/de/s/{resolution.slug}/card.png")
    assert german.tobytes() != english.tobytes()  # "34 Organisationen", "Resolution"
    first = signatory_list(resolution).entries[0].organization
    withdraw_signature(
        statement=resolution,
        organization=first,
        user=alice,
        reason="Our congress decided otherwise.",
    )
    resolution.refresh_from_db()
    assert _card(client, f"/s/{resolution.slug}/card.png").tobytes() != english.tobytes()


def test_a_drafts_card_is_not_found(client, draft):
    assert client.get(f"/s/{draft.slug}/card.png").status_code == 404


def test_a_forged_host_never_reaches_the_tags(client, settings, resolution):
    settings.ALLOWED_HOSTS = ["*"]
    html = client.get(f"/s/{resolution.slug}/", HTTP_HOST="evil.example").content.decode()
    assert "evil.example" not in html
    assert f'<meta property="og:url" content="http://testserver/s/{resolution.slug}/">' in html


def test_oembed_answers_with_the_public_address(client, settings, resolution):
    settings.ALLOWED_HOSTS = ["*"]
    url = f"http://evil.example/s/{resolution.slug}/"
    assert client.get("/oembed/", {"url": url}, HTTP_HOST="evil.example").status_code == 404
