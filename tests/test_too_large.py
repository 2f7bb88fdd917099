"""A body over DATA_UPLOAD_MAX_MEMORY_SIZE (an 11 MB text pasted into the import page) gets a
page in the site's layout that names the limit and what to do, and under /api/ the same sentence
as JSON with 413; other bad requests stay Django's bare 400."""

import pytest
from django.test import Client

from undersigned.accounts.tokens import create_api_token

MB = 1024 * 1024
ADVICE = (
    "What you sent is too large: one request can carry at most 1 MB. Upload the text as a "
    "file instead, or split it into parts and send them one after the other."
)


@pytest.fixture
def small_limit(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = MB  # the real limit is 11 MB; the test sends less
    return settings


def _text() -> str:
    return "Statement\n\nSignatories:\n" + "- A Party of Workers\n" * (MB // 20 + 1000)


def test_it_tells_a_person_who_pasted_too_much_what_to_do(small_limit, alice):
    client = Client(enforce_csrf_checks=True)  # the CSRF check reads the body first, as live
    client.force_login(alice)
    client.get("/import/")  # the form's CSRF cookie
    response = client.post("/import/", {"text": _text(), "language": "en", "action": "preview"})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Too large" in html
    assert ADVICE in html
    assert 'class="site-header"' in html  # the site's layout, not Django's bare page


def test_the_page_speaks_the_persons_language(small_limit, alice, client):
    client.force_login(alice)
    response = client.post("/de/import/", {"text": _text(), "language": "en"})
    assert response.status_code == 413
    assert "Zu groß" in response.content.decode()


def test_the_api_answers_the_same_sentence_as_json(small_limit, client, alice):
    token = create_api_token(user=alice, name="import")[1]
    response = client.post(
        "/api/v1/imports",
        {"text": _text(), "language": "en"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": ADVICE}


def test_other_bad_requests_stay_bare(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "site-header" not in response.content.decode()
