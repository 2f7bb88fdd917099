"""A coordinator's tool invites organizations in bulk and sends reminders through the API, as the
pages do (issue 20, item 7): a preview names the broken rows, sending is all or nothing and
refuses a list that reads differently now; a reminder round goes only with the number counted."""

import pytest
from django.contrib.auth import get_user_model

from undersigned.accounts.tokens import create_api_token
from undersigned.coalitions.models import CoalitionRole, Invitation, Organization
from undersigned.signing.models import Reminder

API = "/api/v1"

LIST = """organization;email;language;name
MLPD;delegate-mlpd@example.org;DE;Person One
New Workers' Union;union@example.org;fa;
Broken Party;not-an-address;de;
Red Dawn;rm@example.org;en;Person Three
"""


class Caller:
    def __init__(self, client, user) -> None:
        secret = create_api_token(user=user, name="tool")[1]
        self.client, self.headers = client, {"Authorization": f"Bearer {secret}"}

    def get(self, path: str, params=None):
        return self.client.get(API + path, params or {}, headers=self.headers)

    def post(self, path: str, body):
        return self.client.post(
            API + path, body, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def carol_api(client, carol):
    return Caller(client, carol)


def test_a_coordinator_previews_a_list_and_sends_exactly_its_good_rows(
    carol_api, icor, mlpd, rode_morgen, smtp_server, run_tasks
):
    preview = carol_api.post("/coalitions/icor/invitations/preview", {"text": LIST})
    assert preview.status_code == 200, preview.content
    answer = preview.json()
    assert [(r["line"], r["member"]) for r in answer["known"]] == [
        (2, mlpd.slug),
        (5, rode_morgen.slug),
    ]
    assert [(r["line"], r["organization"]) for r in answer["new"]] == [(3, "New Workers' Union")]
    assert [r["line"] for r in answer["broken"]] == [4]
    assert "not-an-address" in answer["broken"][0]["problem"]
    assert not Invitation.objects.exists()  # a preview sends nothing

    sent = carol_api.post(
        "/coalitions/icor/invitations", {"text": LIST, "fingerprint": answer["fingerprint"]}
    )
    assert sent.status_code == 201, sent.content
    assert sent.json()["sent"] == 3
    assert sorted(Invitation.objects.values_list("email", "language")) == [
        ("delegate-mlpd@example.org", "de"),
        ("rm@example.org", "en"),
        ("union@example.org", "fa"),
    ]
    assert Organization.objects.filter(coalitions=icor, name="New Workers' Union").exists()
    run_tasks()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "delegate-mlpd@example.org",
        "rm@example.org",
        "union@example.org",
    ]


def test_a_list_changed_since_its_preview_is_refused_and_nothing_sent(carol_api, mlpd):
    preview = carol_api.post("/coalitions/icor/invitations/preview", {"text": LIST}).json()
    changed = LIST + "Another Party;another@example.org;en;\n"
    answer = carol_api.post(
        "/coalitions/icor/invitations", {"text": changed, "fingerprint": preview["fingerprint"]}
    )
    assert answer.status_code == 409, answer.content
    assert "preview" in answer.json()["detail"].lower()
    assert not Invitation.objects.exists()


def test_a_list_that_is_no_csv_list_is_refused_as_a_whole(carol_api, icor):
    answer = carol_api.post("/coalitions/icor/invitations/preview", {"text": "just words\n"})
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["text"]
    sent = carol_api.post(
        "/coalitions/icor/invitations", {"text": "just words\n", "fingerprint": "0" * 16}
    )
    assert sent.status_code == 422, sent.content
    assert not Invitation.objects.exists()


def test_a_delegate_may_not_invite_in_bulk(client, dave, icor):
    dave_api = Caller(client, dave)
    preview = dave_api.post("/coalitions/icor/invitations/preview", {"text": LIST})
    assert preview.status_code == 403, preview.content
    sent = dave_api.post("/coalitions/icor/invitations", {"text": LIST, "fingerprint": "x"})
    assert sent.status_code == 403, sent.content
    assert not Invitation.objects.exists()


def test_another_coalitions_coordinator_may_not_invite_in_bulk(client, icor, cipoml, mlpd):
    frank = get_user_model().objects.create_user("frank", "frank@example.org", "x")
    CoalitionRole.objects.create(user=frank, coalition=cipoml, kind=CoalitionRole.Kind.COORDINATOR)
    frank_api = Caller(client, frank)
    preview = frank_api.post("/coalitions/icor/invitations/preview", {"text": LIST})
    assert preview.status_code == 403, preview.content
    assert frank_api.post("/coalitions/cipoml/invitations/preview", {"text": LIST}).status_code == (
        200
    )
    assert not Invitation.objects.exists()


def test_without_a_token_nothing_is_previewed(client, icor):
    answer = client.post(
        API + "/coalitions/icor/invitations/preview",
        {"text": LIST},
        content_type="application/json",
    )
    assert answer.status_code == 401


def test_a_reminder_round_goes_only_with_the_number_counted(
    carol_api, open_statement, dave, erin, smtp_server, run_tasks
):
    path = f"/statements/{open_statement.slug}/reminders"
    count = carol_api.get(path, {"kind": "sign"})
    assert count.status_code == 200, count.content
    assert count.json() == {
        "kind": "sign",
        "organizations": 2,
        "mails": 2,
        "recent": 0,
        "unreachable": 0,
    }
    wrong = carol_api.post(path, {"kind": "sign", "expected": 3})
    assert wrong.status_code == 409, wrong.content
    assert not Reminder.objects.exists()
    run_tasks()
    assert smtp_server.messages == []

    sent = carol_api.post(path, {"kind": "sign", "expected": 2})
    assert sent.status_code == 201, sent.content
    assert sent.json() == {"kind": "sign", "organizations": 2, "mails": 2}
    assert Reminder.objects.count() == 2
    run_tasks()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "dave@example.org",
        "erin@example.org",
    ]
    again = carol_api.get(path, {"kind": "sign"}).json()  # not twice within the interval
    assert (again["mails"], again["recent"]) == (0, 2)


def test_a_delegate_may_neither_count_nor_send_reminders(client, open_statement, dave, erin):
    dave_api = Caller(client, dave)
    path = f"/statements/{open_statement.slug}/reminders"
    assert dave_api.get(path, {"kind": "sign"}).status_code == 403
    assert dave_api.post(path, {"kind": "sign", "expected": 2}).status_code == 403
    assert not Reminder.objects.exists()


def test_an_unknown_kind_of_reminder_is_a_field_error(carol_api, open_statement):
    answer = carol_api.get(f"/statements/{open_statement.slug}/reminders", {"kind": "everyone"})
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == ["kind"]
