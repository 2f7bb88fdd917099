"""The JSON API does what the pages do, and answers alike whatever goes wrong (issue 19, 16 and
24): versions with a change note, states, translations, details, drafts for who may see them,
field errors as 422 under the field's own name, JSON for every answer under /api/."""

import pytest

from undersigned.accounts.tokens import create_api_token
from undersigned.audit.models import Event
from undersigned.signing.forms import WithdrawForm
from undersigned.signing.models import Signature
from undersigned.statements.actions import edit_text
from undersigned.statements.models import State, Statement, Text

API = "/api/v1"


@pytest.fixture
def carol_api(client, carol):
    return Caller(client, create_api_token(user=carol, name="coalition tool")[1])


@pytest.fixture
def dave_api(client, dave):
    return Caller(client, create_api_token(user=dave, name="party website")[1])


class Caller:
    """A client that sends one person's token with JSON."""

    def __init__(self, client, token: str) -> None:
        self.client, self.headers = client, {"Authorization": f"Bearer {token}"}

    def get(self, path: str, params=None):
        return self.client.get(API + path, params or {}, headers=self.headers)

    def send(self, method: str, path: str, body):
        call = getattr(self.client, method)
        return call(API + path, body, content_type="application/json", headers=self.headers)

    def post(self, path: str, body):
        return self.send("post", path, body)


def test_a_new_version_carries_its_change_note(carol_api, open_statement):
    answer = carol_api.post(
        f"/statements/{open_statement.slug}/versions",
        {"title": "Solidarity!", "body": "New words.", "change_note": "Shorter."},
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["change_note"] == "Shorter."
    assert Text.objects.get(statement=open_statement, version=2).change_note == "Shorter."


def test_what_a_new_version_omits_stays_as_it_was(carol_api, carol, open_statement):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity",
        subtitle="With the dockers of Hamburg",
        body="Old words.",
    )
    answer = carol_api.post(f"/statements/{open_statement.slug}/versions", {"body": "New words."})
    assert answer.status_code == 201, answer.content
    newest = open_statement.texts.order_by("-version").first()
    assert (newest.title, newest.subtitle, newest.body) == (
        "Solidarity",
        "With the dockers of Hamburg",
        "New words.",
    )


def test_the_same_words_again_answer_200_with_the_version_there_is(carol_api, open_statement):
    text = open_statement.current_text()
    answer = carol_api.post(
        f"/statements/{open_statement.slug}/versions", {"title": text.title, "body": text.body}
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["version"] == 1
    assert open_statement.texts.count() == 1


def test_unknown_fields_are_refused_by_name(carol_api, icor):
    answer = carol_api.post(
        "/statements",
        {"coalition": icor.slug, "title": "Open at once", "body": "Words.", "state": "open"},
    )
    assert answer.status_code == 422
    assert list(answer.json()["errors"]) == ["state"]
    assert not Statement.objects.exists()


def test_field_errors_are_keyed_by_the_field_alone(carol_api, icor):
    answer = carol_api.post(
        "/statements", {"coalition": icor.slug, "title": "x" * 301, "body": "Words."}
    )
    assert answer.status_code == 422
    assert list(answer.json()["errors"]) == ["title"]


def test_a_missing_coalition_is_a_field_error(carol_api, icor):
    answer = carol_api.post("/statements", {"title": "Whose?", "body": "Words."})
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["coalition"]


def test_an_unknown_coalition_is_a_field_error(carol_api, icor):
    answer = carol_api.post(
        "/statements", {"coalition": "nobody", "title": "Whose?", "body": "Words."}
    )
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["coalition"]


def test_a_coordinator_publishes_closes_and_withdraws_a_draft(carol_api, carol, draft):
    url = f"/statements/{draft.slug}/state"
    opened = carol_api.post(url, {"state": "open"})
    assert opened.status_code == 200, opened.content
    assert opened.json()["state"] == "open"
    assert Statement.objects.get(pk=draft.pk).state == State.OPEN
    closed = carol_api.post(url, {"state": "closed"})
    assert closed.json()["state"] == "closed"
    no_reason = carol_api.post(url, {"state": "withdrawn"})
    assert no_reason.status_code == 422
    assert list(no_reason.json()["errors"]) == ["reason"]
    withdrawn = carol_api.post(url, {"state": "withdrawn", "reason": "Superseded."})
    assert withdrawn.json()["withdrawn_reason"] == "Superseded."
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_STATE_CHANGED).last()
    assert event.actor_id == carol.pk and event.details["state"] == "withdrawn"
    again = carol_api.post(url, {"state": "open"})
    assert again.status_code == 409  # a withdrawn statement stays withdrawn


def test_a_delegate_may_not_change_the_state(dave_api, open_statement):
    answer = dave_api.post(f"/statements/{open_statement.slug}/state", {"state": "closed"})
    assert answer.status_code == 403


def test_a_coordinator_translates_a_statement(carol_api, carol, open_statement):
    url = f"/statements/{open_statement.slug}/translations/de"
    answer = carol_api.post(url, {"title": "Solidarität", "body": "Unsere Worte."})
    assert answer.status_code == 201, answer.content
    assert answer.json()["language"] == "de" and answer.json()["translates_version"] == 1
    same = carol_api.post(url, {"title": "Solidarität", "body": "Unsere Worte."})
    assert same.status_code == 200 and same.json()["version"] == 1
    better = carol_api.post(url, {"body": "Unsere besseren Worte."})
    assert better.status_code == 201 and better.json()["version"] == 2
    assert better.json()["title"] == "Solidarität"
    detail = carol_api.get(f"/statements/{open_statement.slug}").json()
    assert detail["languages"] == ["de", "en"]
    original = carol_api.post(f"/statements/{open_statement.slug}/translations/en", {"body": "x"})
    assert original.status_code == 422
    assert list(original.json()["errors"]) == ["language"]


def test_a_delegate_may_not_translate(dave_api, open_statement):
    answer = dave_api.post(
        f"/statements/{open_statement.slug}/translations/de", {"title": "T", "body": "Worte."}
    )
    assert answer.status_code == 403


def test_a_coordinator_changes_the_details(carol_api, open_statement):
    answer = carol_api.send(
        "patch",
        f"/statements/{open_statement.slug}",
        {"issuer": "The Coordination", "accepts_endorsements": False},
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["issuer"] == "The Coordination"
    statement = Statement.objects.get(pk=open_statement.pk)
    assert statement.issuer == "The Coordination" and statement.accepts_endorsements is False
    assert statement.kind == "statement"  # omitted: unchanged


def test_drafts_are_listed_for_those_who_may_see_them(client, carol_api, dave_api, draft):
    mine = carol_api.get("/statements", {"state": "draft"})
    assert mine.status_code == 200, mine.content
    assert [s["slug"] for s in mine.json()["items"]] == [draft.slug]
    assert [s["slug"] for s in dave_api.get("/statements", {"state": "draft"}).json()["items"]] == [
        draft.slug
    ]  # a delegate of a member reads the coalition's drafts, as on the pages
    public = client.get(f"{API}/statements", {"state": "draft"})
    assert public.status_code == 200 and public.json()["count"] == 0
    assert carol_api.get("/statements").json()["count"] == 0  # the list is of public ones


def test_missing_evidence_is_a_field_error(carol_api, open_statement, rode_morgen):
    answer = carol_api.post(
        f"/statements/{open_statement.slug}/signatures",
        {"organization": rode_morgen.slug, "version": 1, "evidence": "  "},
    )
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["evidence"]
    assert not Signature.objects.exists()


def test_a_missing_reason_for_a_withdrawal_is_a_field_error(dave_api, open_statement, mlpd):
    url = f"/statements/{open_statement.slug}"
    assert (
        dave_api.post(f"{url}/sign", {"organization": mlpd.slug, "version": 1}).status_code == 201
    )
    answer = dave_api.post(f"{url}/withdraw", {"organization": mlpd.slug})
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["reason"]


def test_a_withdrawal_reason_has_the_pages_limit(dave_api, client, open_statement, mlpd):
    limit = WithdrawForm.base_fields["reason"].max_length
    url = f"/statements/{open_statement.slug}"
    dave_api.post(f"{url}/sign", {"organization": mlpd.slug, "version": 1})
    too_long = dave_api.post(
        f"{url}/withdraw", {"organization": mlpd.slug, "reason": "x" * (limit + 1)}
    )
    assert too_long.status_code == 422 and list(too_long.json()["errors"]) == ["reason"]
    document = client.get(f"{API}/openapi.json").json()
    assert (
        document["components"]["schemas"]["WithdrawIn"]["properties"]["reason"]["maxLength"]
        == limit
    )


def test_an_unknown_organization_is_a_field_error(dave_api, open_statement):
    answer = dave_api.post(
        f"/statements/{open_statement.slug}/sign", {"organization": "nobody", "version": 1}
    )
    assert answer.status_code == 422 and list(answer.json()["errors"]) == ["organization"]


def test_a_delegate_confirms_a_new_version(dave_api, carol_api, open_statement, mlpd):
    url = f"/statements/{open_statement.slug}"
    dave_api.post(f"{url}/sign", {"organization": mlpd.slug, "version": 1})
    carol_api.post(f"{url}/versions", {"body": "Changed words."})
    answer = dave_api.post(f"{url}/reconfirm", {"organization": mlpd.slug, "version": 2})
    assert answer.status_code == 200, answer.content
    assert answer.json()["signed_version"] == 2


def test_the_api_index_links_to_its_documents(client):
    answer = client.get(f"{API}/")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/json")
    assert answer.json()["docs"] == "http://testserver/api/v1/docs"
    assert answer.json()["openapi"] == "http://testserver/api/v1/openapi.json"


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/api/v1/nothing", "/api/", "/api/v2/x"])
def test_unknown_api_addresses_answer_json(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer["Content-Type"].startswith("application/json")
    assert "/api/v1/docs" in answer.json()["detail"]


def test_an_oversized_body_answers_json(carol_api, settings, icor):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    answer = carol_api.post(
        "/statements", {"coalition": icor.slug, "title": "Big", "body": "x" * 2000}
    )
    assert answer.status_code == 413
    assert answer["Content-Type"].startswith("application/json")
    assert answer.json()["detail"]


def test_a_body_that_is_not_json_gets_a_sentence(carol_api, settings):
    settings.LANGUAGE_CODE = "de"
    answer = carol_api.client.post(
        f"{API}/statements",
        "not json",
        content_type="application/json",
        headers={**carol_api.headers, "Accept-Language": "de"},
    )
    assert answer.status_code == 400
    assert answer.json() == {"detail": "Senden Sie den Inhalt der Anfrage als JSON-Objekt."}


def test_another_coalitions_coordinator_does_not_see_the_draft(client, cipoml, draft):
    from django.contrib.auth import get_user_model

    from undersigned.coalitions.models import CoalitionRole

    frank = get_user_model().objects.create_user("frank", "frank@example.org", "pw")
    CoalitionRole.objects.create(user=frank, coalition=cipoml, kind=CoalitionRole.Kind.COORDINATOR)
    frank_api = Caller(client, create_api_token(user=frank, name="cipoml tool")[1])
    assert frank_api.get("/statements", {"state": "draft"}).json()["count"] == 0
    assert frank_api.get(f"/statements/{draft.slug}").status_code == 404


def test_a_method_an_address_does_not_answer_gets_json(carol_api):
    answer = carol_api.send("put", "/statements", {})
    assert answer.status_code == 405
    assert answer.json()["detail"].startswith("This address does not answer PUT; it answers ")
    assert set(answer["Allow"].split(", ")) == {"GET", "POST"}
