"""People make and revoke their API tokens on "My account"; only a hash is kept."""

import pytest
from django.core.exceptions import PermissionDenied

from undersigned.accounts.models import ApiToken
from undersigned.accounts.tokens import create_api_token
from undersigned.audit.models import Event


def test_a_token_is_stored_hashed_and_shown_once(client, carol):
    client.force_login(carol)
    response = client.post("/accounts/tokens/", {"name": "press script"})
    html = response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=carol)
    secret = html.split('id="new-token" type="text" readonly value="')[1].split('"')[0]
    assert secret.startswith("us_") and len(secret) > 40
    assert secret not in str(ApiToken.objects.values_list())  # only the hash is stored
    assert token.prefix == secret[:9]
    assert secret not in client.get("/accounts/tokens/").content.decode()
    event = Event.objects.get(kind=Event.Kind.API_TOKEN_CREATED)
    assert event.actor_id == carol.pk and secret not in str(event.details)


def test_revoking_records_an_event(client, carol):
    token, _raw = create_api_token(user=carol, name="old")
    client.force_login(carol)
    client.post("/accounts/tokens/", {"revoke": token.pk})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Event.objects.filter(kind=Event.Kind.API_TOKEN_REVOKED, actor=carol).exists()


def test_one_cannot_revoke_someone_elses_token(client, carol, dave):
    token, _raw = create_api_token(user=carol, name="mine")
    client.force_login(dave)
    assert client.post("/accounts/tokens/", {"revoke": token.pk}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_tokens_are_for_coordinators_and_delegates(client, bob):
    with pytest.raises(PermissionDenied):
        create_api_token(user=bob, name="mine")
    client.force_login(bob)
    response = client.post("/accounts/tokens/", {"name": "mine"})
    assert "for coordinators and delegates" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_token_needs_a_name(client, dave):
    client.force_login(dave)
    response = client.post("/accounts/tokens/", {"name": ""})
    assert (
        'role="alert"' in response.content.decode() or "field--error" in response.content.decode()
    )
    assert not ApiToken.objects.exists()
