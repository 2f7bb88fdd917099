"""The API asks to sign for an organization (no token, rate-limited as the page's form) and lets
the coordinators list, approve, reject and merge the requests, through collection's actions:
each refusal, for each kind of person."""

import pytest
from django.contrib.auth import get_user_model

from undersigned.accounts.tokens import create_api_token
from undersigned.audit.models import Event
from undersigned.coalitions.models import CoalitionRole, Delegate, Organization
from undersigned.collection import actions
from undersigned.collection.models import SignOnRequest
from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import create_statement, update_details

API = "/api/v1"
State = SignOnRequest.State


class Caller:
    """A client that sends JSON, with one person's token or none."""

    def __init__(self, client, token: str | None = None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, params=None):
        return self.client.get(API + path, params or {}, headers=self.headers)

    def post(self, path: str, body=None):
        return self.client.post(
            API + path, body or {}, content_type="application/json", headers=self.headers
        )


def caller(client, user) -> Caller:
    return Caller(client, create_api_token(user=user, name="tool")[1])


@pytest.fixture
def accepting(open_statement, carol):
    update_details(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer=open_statement.issuer,
        deadline=None,
        accepts_sign_ons=True,
    )
    open_statement.refresh_from_db()
    return open_statement


@pytest.fixture
def frank(cipoml):
    """Frank coordinates another coalition."""
    user = get_user_model().objects.create_user("frank", "frank@example.org", "x")
    CoalitionRole.objects.create(user=user, coalition=cipoml, kind=CoalitionRole.Kind.COORDINATOR)
    return user


def asking(**fields) -> dict:
    return {
        "new_organization": {
            "name": "Partido Comunista Revolucionario",
            "abbreviation": "PCR",
            "name_en": "Revolutionary Communist Party",
            "country": "AR",
            "website": "pcr.example.org",
        },
        "person_name": "Ana Díaz",
        "person_role": "International secretary",
        "email": "ana@pcr.example.org",
        "language": "es",
        "listed": True,
        "version": 1,
        **fields,
    }


def ask(client, statement, **fields):
    return Caller(client).post(f"/statements/{statement.slug}/sign-on-requests", asking(**fields))


def confirmed(client, statement, **fields) -> SignOnRequest:
    assert ask(client, statement, **fields).status_code == 202
    sign_on = SignOnRequest.objects.order_by("-pk").first()
    return actions.confirm_sign_on(token=actions.confirm_token(sign_on), user=None)


# Asking.


def test_anyone_asks_without_a_token_and_the_mail_goes_in_their_language(
    client, accepting, smtp_server, run_tasks
):
    answer = ask(client, accepting)
    assert answer.status_code == 202, answer.content
    assert "confirm the request" in answer.json()["detail"]
    sign_on = SignOnRequest.objects.get()
    assert (sign_on.state, sign_on.org_abbreviation, sign_on.org_country.code) == (
        State.REQUESTED,
        "PCR",
        "AR",
    )
    assert sign_on.org_website == "https://pcr.example.org"  # as the form reads it
    assert sign_on.text.version == 1 and sign_on.language == "es"
    assert Event.objects.filter(kind=Event.Kind.SIGN_ON_REQUESTED).count() == 1
    run_tasks()
    (message,) = smtp_server.messages
    assert message["To"] == "ana@pcr.example.org"
    assert "/es/sign-on/confirm/" in message.get_body(("plain",)).get_content()
    assert not Signature.objects.exists()


def test_a_known_organization_is_named_by_its_slug(client, accepting, mlpd):
    answer = ask(client, accepting, new_organization=None, organization=mlpd.slug)
    assert answer.status_code == 202, answer.content
    assert SignOnRequest.objects.get().organization == mlpd


def test_asking_twice_answers_alike_and_makes_one_request(client, accepting):
    first = ask(client, accepting)
    second = ask(client, accepting, person_name="Ana D.")
    assert (first.status_code, first.json()) == (second.status_code, second.json())
    assert SignOnRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"listed": False}, "listed"),
        ({"email": "not an address"}, "email"),
        ({"language": "xx"}, "language"),
        ({"person_name": ""}, "person_name"),
        ({"organization": "mlpd-de"}, "organization"),  # both a known one and a new one
        ({"new_organization": None}, "organization"),  # neither
        ({"new_organization": {"name": ""}}, "new_organization.name"),
        ({"new_organization": {"name": "X", "country": "ZZ"}}, "new_organization.country"),
        ({"new_organization": {"name": "X", "website": "not a site"}}, "new_organization.website"),
        ({"version": 0}, "version"),
        ({"logo": "x"}, "logo"),  # a field nobody defined
    ],
)
def test_invalid_input_is_422_under_the_fields_name(client, accepting, mlpd, fields, key):
    answer = ask(client, accepting, **fields)
    assert answer.status_code == 422, answer.content
    assert key in answer.json()["errors"]
    assert not SignOnRequest.objects.exists()


def test_an_unknown_organization_is_422(client, accepting):
    answer = ask(client, accepting, new_organization=None, organization="nobody")
    assert answer.status_code == 422
    assert list(answer.json()["errors"]) == ["organization"]


def test_refusals_are_409_404_and_401(client, open_statement, carol, icor):
    draft_statement = create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="",
        language="en",
        title="Not yet",
        subtitle="",
        body="Words.",
    )
    # Not accepting requests: 409, as the form says it.
    assert ask(client, open_statement).status_code == 409
    assert ask(client, draft_statement).status_code == 404  # a draft is not there for the public
    assert Caller(client).post("/statements/nothing/sign-on-requests", asking()).status_code == 404
    bad = Caller(client, "us_wrong").post(
        f"/statements/{open_statement.slug}/sign-on-requests", asking()
    )
    assert bad.status_code == 401
    assert not SignOnRequest.objects.exists()


def test_an_organization_that_signed_already_is_409(client, accepting, mlpd, dave):
    sign_statement(statement=accepting, organization=mlpd, user=dave, version=1)
    answer = ask(client, accepting, new_organization=None, organization=mlpd.slug)
    assert answer.status_code == 409
    assert "signed already" in answer.json()["detail"]


def test_one_network_is_limited_as_the_form_limits_it(client, accepting, settings):
    settings.SIGN_ON_LIMIT_PER_IP = 2
    assert ask(client, accepting).status_code == 202
    form = client.post(
        f"/s/{accepting.slug}/sign-on/",
        {
            "org_name": "Otra",
            "person_name": "Luis",
            "email": "luis@example.org",
            "language": "es",
            "listed": "on",
            "version": 1,
        },
    )
    assert form.status_code == 201  # the form and the API share the count
    answer = ask(client, accepting, email="eva@example.org")
    assert answer.status_code == 429
    assert SignOnRequest.objects.count() == 2


def test_one_address_is_mailed_as_often_as_an_hour_allows(client, accepting, settings):
    settings.SIGN_ON_LIMIT_PER_EMAIL = 1
    assert ask(client, accepting).status_code == 202
    answer = ask(client, accepting)
    assert answer.status_code == 429
    assert "as many mails" in answer.json()["detail"]


# Deciding.


def test_the_coordinators_and_staff_list_the_requests_with_all_the_requester_gave(
    client, accepting, carol, alice, dave, frank, bob
):
    sign_on = confirmed(client, accepting)
    ask(client, accepting, email="luis@example.org")  # not confirmed yet
    path = f"/coalitions/{accepting.coalition.slug}/sign-on-requests"
    answer = caller(client, carol).get(path, {"state": "confirmed"})
    assert answer.status_code == 200, answer.content
    page = answer.json()
    assert page["count"] == 1
    (item,) = page["items"]
    assert item["id"] == sign_on.pk and item["state"] == "confirmed"
    assert (
        item["email"] == "ana@pcr.example.org" and item["person_role"] == "International secretary"
    )
    assert item["new_organization"]["abbreviation"] == "PCR" and item["organization"] is None
    assert item["version"] == 1 and item["statement"] == accepting.slug
    assert caller(client, carol).get(path).json()["count"] == 2
    assert caller(client, carol).get(path, {"statement": "other"}).json()["count"] == 0
    assert caller(client, alice).get(path).json()["count"] == 2
    statement_path = f"/statements/{accepting.slug}/sign-on-requests"
    assert caller(client, carol).get(statement_path).json()["count"] == 2
    for person in (dave, frank):  # may see the coalition, not its requests
        assert caller(client, person).get(path).status_code == 403
        assert caller(client, person).get(statement_path).status_code == 403
        assert caller(client, person).get(f"/sign-on-requests/{sign_on.pk}").status_code == 404
    assert Caller(client).get(path).status_code == 401
    assert caller(client, carol).get("/coalitions/nobody/sign-on-requests").status_code == 404
    assert caller(client, carol).get(path, {"state": "lost"}).status_code == 422


def test_approving_lists_the_new_organization_and_makes_its_first_delegate(
    client, accepting, carol
):
    sign_on = confirmed(client, accepting)
    answer = caller(client, carol).post(f"/sign-on-requests/{sign_on.pk}/approve")
    assert answer.status_code == 200, answer.content
    assert answer.json()["state"] == "approved"
    assert answer.json()["organization"]["abbreviation"] == "PCR"
    organization = Organization.objects.get(abbreviation="PCR")
    signature = Signature.objects.get(statement=accepting, organization=organization)
    assert signature.method == Method.SIGN_ON
    assert Delegate.objects.filter(organization=organization, user__email="ana@pcr.example.org")
    assert Event.objects.filter(kind=Event.Kind.SIGN_ON_APPROVED).count() == 1
    again = caller(client, carol).post(f"/sign-on-requests/{sign_on.pk}/approve")
    assert again.status_code == 409
    assert "decided already" in again.json()["detail"]


def test_only_those_who_decide_may_approve(client, accepting, dave, frank, bob, alice):
    sign_on = confirmed(client, accepting)
    for person in (dave, frank):
        answer = caller(client, person).post(f"/sign-on-requests/{sign_on.pk}/approve")
        assert answer.status_code == 404
    assert Caller(client).post(f"/sign-on-requests/{sign_on.pk}/approve").status_code == 401
    assert SignOnRequest.objects.get().state == State.CONFIRMED
    answer = caller(client, alice).post(f"/sign-on-requests/{sign_on.pk}/approve")
    assert answer.status_code == 200
    assert caller(client, alice).post("/sign-on-requests/999999/approve").status_code == 404


def test_an_unconfirmed_request_cannot_be_decided(client, accepting, carol):
    ask(client, accepting)
    sign_on = SignOnRequest.objects.get()
    answer = caller(client, carol).post(f"/sign-on-requests/{sign_on.pk}/approve")
    assert answer.status_code == 409
    assert "not confirmed" in answer.json()["detail"]


def test_rejecting_needs_a_reason_mailed_to_the_requester(
    client, accepting, carol, smtp_server, run_tasks
):
    sign_on = confirmed(client, accepting, language="fr")
    api = caller(client, carol)
    empty = api.post(f"/sign-on-requests/{sign_on.pk}/reject", {"reason": "   "})
    assert empty.status_code == 422
    assert list(empty.json()["errors"]) == ["reason"]
    missing = api.post(f"/sign-on-requests/{sign_on.pk}/reject", {})
    assert missing.status_code == 422
    answer = api.post(f"/sign-on-requests/{sign_on.pk}/reject", {"reason": "Pas membre."})
    assert answer.status_code == 200, answer.content
    assert (answer.json()["state"], answer.json()["reason"]) == ("rejected", "Pas membre.")
    run_tasks()
    rejected = smtp_server.messages[-1]
    assert rejected["Subject"].strip().startswith("Votre demande")
    assert not Signature.objects.exists()


def test_merging_signs_for_the_known_organization(client, accepting, carol, rode_morgen, mlpd):
    sign_on = confirmed(client, accepting)
    api = caller(client, carol)
    unknown = api.post(f"/sign-on-requests/{sign_on.pk}/merge", {"organization": "nobody"})
    assert unknown.status_code == 422
    assert list(unknown.json()["errors"]) == ["organization"]
    answer = api.post(f"/sign-on-requests/{sign_on.pk}/merge", {"organization": rode_morgen.slug})
    assert answer.status_code == 200, answer.content
    assert answer.json()["state"] == "merged"
    assert answer.json()["organization"]["slug"] == rode_morgen.slug
    assert Signature.objects.filter(statement=accepting, organization=rode_morgen).exists()
    assert not Organization.objects.filter(abbreviation="PCR").exists()
    assert not Delegate.objects.filter(organization=rode_morgen).exists()

    known = confirmed(
        client, accepting, email="x@mlpd.example", new_organization=None, organization=mlpd.slug
    )
    refused = api.post(f"/sign-on-requests/{known.pk}/merge", {"organization": rode_morgen.slug})
    assert refused.status_code == 409
    assert "new organization" in refused.json()["detail"]


def test_the_openapi_document_describes_each_operation(client):
    paths = client.get(API + "/openapi.json").json()["paths"]
    operations = {
        (path.removeprefix(API), method): operation["operationId"]
        for path, methods in paths.items()
        for method, operation in methods.items()
    }
    assert {
        ("/statements/{slug}/sign-on-requests", "post"): "request_sign_on",
        ("/statements/{slug}/sign-on-requests", "get"): "list_statement_sign_on_requests",
        ("/coalitions/{slug}/sign-on-requests", "get"): "list_coalition_sign_on_requests",
        ("/sign-on-requests/{pk}", "get"): "get_sign_on_request",
        ("/sign-on-requests/{pk}/approve", "post"): "approve_sign_on_request",
        ("/sign-on-requests/{pk}/reject", "post"): "reject_sign_on_request",
        ("/sign-on-requests/{pk}/merge", "post"): "merge_sign_on_request",
    }.items() <= operations.items()
    asking = paths[API + "/statements/{slug}/sign-on-requests"]["post"]
    assert {"202", "409", "422", "429"} <= set(asking["responses"])
    assert "No token needed" in asking["description"]
