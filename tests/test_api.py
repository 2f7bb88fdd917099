"""The JSON API: public reading, and writing with personal tokens through the same actions."""

from pathlib import Path

import pytest
from django.core.management import call_command

from undersigned.accounts.tokens import create_api_token, revoke_api_token
from undersigned.audit.models import Event
from undersigned.signing.models import Signature
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement

PERSIAN = Path(__file__).resolve().parents[1] / "src/undersigned/demo/icor-afghanistan-2021.fa.txt"
API = "/api/v1"


def bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def carol_token(carol) -> str:
    return create_api_token(user=carol, name="coalition tool")[1]


@pytest.fixture
def dave_token(dave) -> str:
    return create_api_token(user=dave, name="party website")[1]


def test_statements_list_like_the_archive(client, resolution, cipoml_statement, draft):
    data = client.get(f"{API}/statements").json()
    assert data["count"] == 2  # the draft is not public
    first = data["items"][1]
    assert first["slug"] == resolution.slug
    assert first["title"] == "No to any imperialist or expansionist intervention!"
    assert first["signatory_count"] == 34
    assert first["url"] == f"http://testserver/s/{resolution.slug}/"
    only_icor = client.get(f"{API}/statements", {"coalition": resolution.coalition.slug}).json()
    assert [s["slug"] for s in only_icor["items"]] == [resolution.slug]
    signed_by_mlpd = client.get(f"{API}/statements", {"organization": "mlpd-de"}).json()
    assert signed_by_mlpd["count"] == 1
    paged = client.get(f"{API}/statements", {"page_size": 1, "page": 2}).json()
    assert paged["count"] == 2 and [s["slug"] for s in paged["items"]] == [resolution.slug]


def test_a_statement_with_its_texts_per_language_and_version(client, resolution):
    call_command("import", str(PERSIAN), translation_of=resolution.slug, language="fa")
    data = client.get(f"{API}/statements/{resolution.slug}").json()
    assert data["languages"] == ["en", "fa"]
    persian = next(t for t in data["texts"] if t["language"] == "fa")
    assert persian["version"] == 1 and persian["translates_version"] == 1
    assert data["pdf_url"] == f"http://testserver/s/{resolution.slug}/export.pdf"


def test_the_signatory_list_as_on_the_page(client, resolution):
    data = client.get(f"{API}/statements/{resolution.slug}/signatories").json()
    assert data["count"] == 34
    numbers = [e["number"] for g in data["groups"] for e in g["entries"]]
    assert numbers == list(range(1, 35))
    assert data["groups"][0]["name"] == "Africa"
    assert data["groups"][0]["entries"][0]["organization"]["abbreviation"] == "PCPCI"
    in_order = client.get(f"{API}/statements/{resolution.slug}/signatories?order=signed").json()
    assert [g["name"] for g in in_order["groups"]] == [None]


def test_organizations_coalitions_and_endorsement_counts(client, resolution):
    orgs = client.get(f"{API}/organizations", {"country": "DE"}).json()
    assert [o["abbreviation"] for o in orgs["items"]] == ["MLPD"]
    icor = client.get(f"{API}/coalitions/{resolution.coalition.slug}").json()
    assert icor["abbreviation"] == "ICOR"
    counts = client.get(f"{API}/statements/{resolution.slug}/endorsements").json()
    assert counts["confirmed"] == 0


def test_errors_are_json_sentences(client, resolution):
    missing = client.get(f"{API}/statements/nothing-here")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    invalid = client.get(f"{API}/statements", {"page": "zero"})
    assert invalid.status_code == 422
    assert invalid.json()["detail"].startswith("Some of what you sent is not valid: page")
    anonymous = client.post(f"{API}/statements", {}, content_type="application/json")
    assert anonymous.status_code == 401
    assert "personal API token" in anonymous.json()["detail"]


def test_a_coordinator_drafts_and_revises_through_the_api(client, carol, carol_token, icor):
    response = client.post(
        f"{API}/statements",
        {"coalition": icor.slug, "title": "Free the dockers", "body": "We call for it."},
        content_type="application/json",
        headers=bearer(carol_token),
    )
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert response.json()["state"] == "draft"
    event = Event.objects.get(kind=Event.Kind.STATEMENT_CREATED, statement_slug=slug)
    assert event.actor_id == carol.pk
    assert client.get(f"{API}/statements/{slug}").status_code == 404  # a draft, to the public
    assert client.get(f"{API}/statements/{slug}", headers=bearer(carol_token)).status_code == 200
    change_state(statement=Statement.objects.get(slug=slug), user=carol, state=State.OPEN)
    version = client.post(
        f"{API}/statements/{slug}/versions",
        {"title": "Free the dockers!", "body": "We call for it, loudly."},
        content_type="application/json",
        headers=bearer(carol_token),
    )
    assert version.status_code == 201 and version.json()["version"] == 2


def test_drafting_for_a_coalition_one_does_not_coordinate_is_forbidden(client, carol_token, cipoml):
    response = client.post(
        f"{API}/statements",
        {"coalition": cipoml.slug, "title": "Not ours", "body": "No."},
        content_type="application/json",
        headers=bearer(carol_token),
    )
    assert response.status_code == 403 and response.json() == {"detail": "You may not do this."}
    assert not Statement.objects.filter(coalition=cipoml).exists()


def test_a_delegate_signs_and_withdraws_for_their_organization_only(
    client, open_statement, dave_token, mlpd, rode_morgen
):
    url = f"{API}/statements/{open_statement.slug}"
    signed = client.post(
        f"{url}/sign",
        {"organization": mlpd.slug, "version": 1},
        content_type="application/json",
        headers=bearer(dave_token),
    )
    assert signed.status_code == 201, signed.content
    assert signed.json()["organization"]["abbreviation"] == "MLPD"
    again = client.post(
        f"{url}/sign",
        {"organization": mlpd.slug, "version": 1},
        content_type="application/json",
        headers=bearer(dave_token),
    )
    assert again.status_code == 409 and "signed already" in again.json()["detail"]
    other = client.post(
        f"{url}/sign",
        {"organization": rode_morgen.slug, "version": 1},
        content_type="application/json",
        headers=bearer(dave_token),
    )
    assert other.status_code == 403
    withdrawn = client.post(
        f"{url}/withdraw",
        {"organization": mlpd.slug, "reason": "Our congress decided otherwise."},
        content_type="application/json",
        headers=bearer(dave_token),
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"]
    kinds = list(
        Event.objects.filter(statement_slug=open_statement.slug).values_list("kind", flat=True)
    )
    assert kinds[-2:] == [Event.Kind.SIGNATURE_GIVEN, Event.Kind.SIGNATURE_WITHDRAWN]


def test_a_coordinator_records_a_signature_with_evidence(
    client, open_statement, carol_token, rode_morgen
):
    url = f"{API}/statements/{open_statement.slug}/signatures"
    body = {"organization": rode_morgen.slug, "version": 1, "evidence": " "}
    refused = client.post(url, body, content_type="application/json", headers=bearer(carol_token))
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["evidence"]
    body["evidence"] = "Letter of 3 May"
    recorded = client.post(url, body, content_type="application/json", headers=bearer(carol_token))
    assert recorded.status_code == 201
    assert Signature.objects.get(organization=rode_morgen).evidence == "Letter of 3 May"


def test_import_previews_then_saves_as_the_page_does(client, alice, carol_token, icor):
    from tests.conftest import seed_text

    text = seed_text("icor-afghanistan-2021")
    staff = bearer(create_api_token(user=alice, name="import")[1])
    body = {"text": text, "coalition": icor.slug, "language": "en"}
    preview = client.post(f"{API}/imports", body, content_type="application/json", headers=staff)
    assert preview.status_code == 200, preview.content
    assert preview.json()["saved"] is False and preview.json()["new_signatures"] == 34
    assert not Statement.objects.exists()
    saved = client.post(
        f"{API}/imports", {**body, "save": True}, content_type="application/json", headers=staff
    )
    assert saved.status_code == 201 and saved.json()["statement"]
    assert Statement.objects.get(slug=saved.json()["statement"]).signatures.count() == 34
    coordinator = client.post(
        f"{API}/imports", body, content_type="application/json", headers=bearer(carol_token)
    )
    assert coordinator.status_code == 403  # importing is for staff, as on the page


def test_unreadable_import_text_gets_a_message(client, alice):
    staff = bearer(create_api_token(user=alice, name="import")[1])
    response = client.post(
        f"{API}/imports", {"text": ""}, content_type="application/json", headers=staff
    )
    assert response.status_code == 422
    assert response.json()["errors"]["text"]


def test_a_revoked_token_stops_working_at_once(client, carol, icor):
    token, raw = create_api_token(user=carol, name="old")
    assert client.get(f"{API}/me", headers=bearer(raw)).json()["coordinates"] == [icor.slug]
    revoke_api_token(user=carol, token=token)
    assert client.get(f"{API}/me", headers=bearer(raw)).status_code == 401
    assert client.get(f"{API}/me", headers=bearer("us_made-up")).status_code == 401


def test_rate_limits_apply_to_tokens(client, settings, carol_token):
    settings.API_LIMIT_PER_TOKEN = 2
    assert client.get(f"{API}/me", headers=bearer(carol_token)).status_code == 200
    assert client.get(f"{API}/me", headers=bearer(carol_token)).status_code == 200
    limited = client.get(f"{API}/me", headers=bearer(carol_token))
    assert limited.status_code == 429 and "Too many requests" in limited.json()["detail"]


def test_rate_limits_apply_to_the_public(client, settings, resolution):
    settings.API_LIMIT_PER_IP = 1
    assert client.get(f"{API}/statements").status_code == 200
    assert client.get(f"{API}/statements").status_code == 429


def test_the_openapi_document_describes_the_api(client):
    document = client.get(f"{API}/openapi.json").json()
    assert document["info"]["version"] == "1"
    assert "/api/v1/statements/{slug}/signatories" in document["paths"]
