"""A wrong parameter on a file or on oEmbed is a 400 that says what is allowed, not the 404
page: the asker can fix it."""

import json

from django.core.management import call_command

from tests.test_feeds import PERSIAN


def test_a_pdf_in_a_size_we_do_not_make_names_the_sizes(client, resolution):
    response = client.get(f"/s/{resolution.slug}/export.pdf?size=a3")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "a3" in response.content.decode()
    assert "a4, letter" in response.content.decode()


def test_a_pdf_in_a_language_without_a_text_names_the_languages(client, resolution):
    call_command("import", str(PERSIAN), translation_of=resolution.slug, language="fa")
    response = client.get(f"/s/{resolution.slug}/export.pdf?language=xx")
    assert response.status_code == 400
    assert "en, fa" in response.content.decode()


def test_an_export_in_a_language_without_a_text_names_the_languages(client, resolution):
    response = client.get(f"/s/{resolution.slug}/export.md?language=xx")
    assert response.status_code == 400
    assert "Languages: en." in response.content.decode()


def test_the_refusal_speaks_the_readers_language(client, resolution):
    response = client.get(f"/de/s/{resolution.slug}/export.pdf?size=a3")
    assert response.status_code == 400
    assert "Seitengröße" in response.content.decode()


def test_oembed_without_an_address_says_what_it_needs_in_json(client, resolution):
    response = client.get("/oembed/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "url" in json.loads(response.content)["error"]


def test_oembed_for_an_address_that_is_no_statement_answers_json(client, resolution):
    response = client.get("/oembed/", {"url": "http://testserver/s/nope/"})
    assert response.status_code == 404
    assert "error" in json.loads(response.content)
