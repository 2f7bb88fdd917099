"""The statement on another site: the embed page, its sign form, and oEmbed."""

import json

import pytest

from undersigned.endorsements.models import Endorsement
from undersigned.statements.actions import change_state
from undersigned.statements.models import State

PERSON = {
    "name": "Ana Lima",
    "email": "ana@example.org",
    "country": "PT",
    "affiliation": "",
    "listed": "on",
}
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}


def test_only_the_embed_page_may_be_framed_by_other_sites(client, open_statement):
    embed = client.get(f"/s/{open_statement.slug}/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert 'name="robots" content="noindex"' in embed.content.decode()
    page = client.get(f"/s/{open_statement.slug}/")
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_the_embed_has_title_count_form_and_a_link_to_the_statement(client, resolution):
    html = client.get(f"/s/{resolution.slug}/embed/").content.decode()
    assert "No to any imperialist or expansionist intervention!" in html
    assert "<strong>34</strong> organizations" in html
    assert f'action="/s/{resolution.slug}/embed/"' in html
    assert f'href="/s/{resolution.slug}/" target="_blank" rel="noopener"' in html


def test_signing_in_the_embed_goes_through_the_endorsement_action(client, open_statement):
    response = client.post(f"/s/{open_statement.slug}/embed/", PERSON, headers=SAME_ORIGIN)
    assert response.status_code == 200
    assert "check your mail" in response.content.decode()
    endorsement = Endorsement.objects.get(statement=open_statement)
    assert endorsement.confirmed_at is None  # counts once confirmed by mail, as on the page
    assert "X-Frame-Options" not in response


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
    ],
)
def test_another_site_cannot_post_the_form(client, open_statement, headers):
    response = client.post(f"/s/{open_statement.slug}/embed/", PERSON, headers=headers)
    assert response.status_code == 403
    assert not Endorsement.objects.exists()


def test_bad_input_gets_a_message_and_writes_nothing(client, open_statement):
    response = client.post(
        f"/s/{open_statement.slug}/embed/", {**PERSON, "email": "nope"}, headers=SAME_ORIGIN
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Endorsement.objects.exists()


def test_the_embed_keeps_the_rate_limit(client, open_statement, settings):
    settings.ENDORSE_LIMIT_PER_IP = 1
    url = f"/s/{open_statement.slug}/embed/"
    assert client.post(url, PERSON, headers=SAME_ORIGIN).status_code == 200
    second = client.post(url, {**PERSON, "email": "b@example.org"}, headers=SAME_ORIGIN)
    assert second.status_code == 429
    assert Endorsement.objects.count() == 1


def test_a_closed_statement_embeds_without_a_form(client, open_statement, carol):
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    html = client.get(f"/s/{open_statement.slug}/embed/").content.decode()
    assert "endorse-form" not in html


def test_the_statement_page_offers_the_snippet(client, resolution):
    html = client.get(f"/s/{resolution.slug}/").content.decode()
    assert f'&lt;iframe src="http://testserver/s/{resolution.slug}/embed/"' in html


def test_oembed_gives_the_frame_for_a_statements_address(client, resolution):
    from django.core.management import call_command

    from tests.test_feeds import PERSIAN

    call_command("import", str(PERSIAN), translation_of=resolution.slug, language="fa")
    url = f"http://testserver/fa/s/{resolution.slug}/"
    response = client.get("/oembed/", {"url": url, "maxwidth": "500"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["title"] == resolution.current_text("fa").title
    assert f'src="http://testserver/fa/s/{resolution.slug}/embed/"' in data["html"]
    assert data["width"] == 500
    assert data["thumbnail_url"] == f"http://testserver/fa/s/{resolution.slug}/card.png"
    page = client.get(f"/s/{resolution.slug}/").content.decode()
    assert 'type="application/json+oembed" href="http://testserver/oembed/?url=' in page


@pytest.mark.parametrize(
    "url",
    ["https://elsewhere.example/s/x/", "http://testserver/c/icor/", "http://testserver/s/nope/"],
)
def test_oembed_knows_only_our_statements(client, resolution, url):
    assert client.get("/oembed/", {"url": url}).status_code == 404


def test_oembed_offers_json_only(client, resolution):
    url = f"http://testserver/s/{resolution.slug}/"
    assert client.get("/oembed/", {"url": url, "format": "xml"}).status_code == 501


def test_a_drafts_oembed_and_embed_are_not_found(client, draft):
    assert client.get(f"/s/{draft.slug}/embed/").status_code == 404
    url = f"http://testserver/s/{draft.slug}/"
    assert client.get("/oembed/", {"url": url}).status_code == 404


def test_the_embed_does_not_tell_whether_an_address_signed(client, open_statement):
    url = f"/s/{open_statement.slug}/embed/"
    first = client.post(url, PERSON, headers=SAME_ORIGIN).content.decode()
    second = client.post(url, PERSON, headers=SAME_ORIGIN).content.decode()
    assert "Almost done: check your mail." in first and "Almost done: check your mail." in second
    assert "already" not in second


def _form_of(html: str) -> str:
    """The endorse form's fields and help, without its address (the embed posts to itself)."""
    start = html.index('<form class="form endorse-form"')
    form = html[start : html.index("</form>", start)]
    return " ".join(form[form.index(">") + 1 :].split())


def test_the_embed_shows_the_form_of_the_statement_page(client, open_statement):
    embed = client.get(f"/s/{open_statement.slug}/embed/").content.decode()
    page = client.get(f"/s/{open_statement.slug}/").content.decode()
    assert "To confirm your signature. Never shown publicly." in _form_of(embed)
    assert "For example your union, university or organization." in _form_of(embed)
    assert _form_of(embed) == _form_of(page)


def test_a_refused_post_in_the_embed_shows_the_help_beside_the_errors(client, open_statement):
    response = client.post(
        f"/s/{open_statement.slug}/embed/", {**PERSON, "email": "nope"}, headers=SAME_ORIGIN
    )
    html = response.content.decode()
    assert 'id="id_email_helptext"' in html  # the field's aria-describedby points at it
    assert "To confirm your signature. Never shown publicly." in html


def test_no_form_in_the_embed_of_a_statement_that_takes_no_names(client, open_statement):
    open_statement.accepts_endorsements = False
    open_statement.save()
    html = client.get(f"/s/{open_statement.slug}/embed/").content.decode()
    assert "endorse-form" not in html
