"""Delegates sign, withdraw and confirm again; coordinators record; wrong people are refused."""

import pytest
from django.core.exceptions import PermissionDenied

from undersigned.audit.models import Event
from undersigned.core.errors import ActionError
from undersigned.signing.actions import (
    reconfirm_signature,
    record_signature,
    sign_statement,
    withdraw_signature,
)
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import change_state, edit_text
from undersigned.statements.models import State


def sign_url(statement) -> str:
    return f"/s/{statement.slug}/sign/"


def test_dave_signs_for_the_mlpd_on_the_statement_page(client, open_statement, dave, mlpd):
    client.force_login(dave)
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "Sign version 1 of this text for" in html
    response = client.post(sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on"})
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.organization, signature.signed_by, signature.method) == (
        mlpd,
        dave,
        Method.DELEGATE,
    )
    assert signature.text.version == 1
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert 'value="1"' in page and "MLPD" in page and "has signed version 1" in page
    assert Event.objects.filter(kind=Event.Kind.SIGNATURE_GIVEN, organization_id=mlpd.pk).exists()


def test_signing_needs_the_confirmation_box(client, open_statement, dave, mlpd):
    client.force_login(dave)
    client.post(sign_url(open_statement), {"organization": mlpd.pk})
    assert not Signature.objects.exists()


def test_a_delegate_of_one_organization_cannot_sign_for_another(
    client, open_statement, dave, rode_morgen
):
    client.force_login(dave)
    response = client.post(
        sign_url(open_statement), {"organization": rode_morgen.pk, "confirm": "on"}
    )
    assert response.status_code == 403
    assert not Signature.objects.exists()
    with pytest.raises(PermissionDenied):
        sign_statement(statement=open_statement, organization=rode_morgen, user=dave)


def test_anonymous_people_cannot_sign(client, open_statement, mlpd):
    response = client.post(sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Signature.objects.exists()


def test_signing_needs_a_csrf_token(open_statement, dave, mlpd):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(dave)
    response = client.post(sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on"})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_nobody_signs_a_draft_or_a_closed_statement(draft, carol, dave, mlpd):
    with pytest.raises(ActionError, match="not open"):
        sign_statement(statement=draft, organization=mlpd, user=dave)
    change_state(statement=draft, user=carol, state=State.OPEN)
    change_state(statement=draft, user=carol, state=State.CLOSED)
    with pytest.raises(ActionError, match="not open"):
        sign_statement(statement=draft, organization=mlpd, user=dave)
    assert not Signature.objects.exists()


def test_signing_twice_gives_one_signature(open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave)
    with pytest.raises(ActionError, match="signed already"):
        sign_statement(statement=open_statement, organization=mlpd, user=dave)
    assert Signature.objects.count() == 1


def test_dave_withdraws_with_a_public_reason(client, open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave)
    client.force_login(dave)
    client.post(
        f"/s/{open_statement.slug}/withdraw/",
        {"organization": mlpd.pk, "reason": "Our congress decided otherwise."},
    )
    signature = Signature.objects.get()
    assert (
        signature.is_withdrawn and signature.withdrawal_reason == "Our congress decided otherwise."
    )
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "1 signature withdrawn" in html and "Our congress decided otherwise." in html
    assert Event.objects.filter(kind=Event.Kind.SIGNATURE_WITHDRAWN).count() == 1


def test_erin_cannot_withdraw_daves_signature(client, open_statement, dave, erin, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave)
    client.force_login(erin)
    response = client.post(f"/s/{open_statement.slug}/withdraw/", {"organization": mlpd.pk})
    assert response.status_code == 403
    assert not Signature.objects.get().is_withdrawn


def test_carol_records_a_signature_received_by_mail(client, open_statement, carol, rode_morgen):
    client.force_login(carol)
    response = client.post(
        f"/s/{open_statement.slug}/record/", {"organization": rode_morgen.pk, "evidence": ""}
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    client.post(
        f"/s/{open_statement.slug}/record/",
        {"organization": rode_morgen.pk, "evidence": "E-mail from the secretary, 3 May"},
    )
    signature = Signature.objects.get()
    assert signature.method == Method.RECORDED and signature.evidence.startswith("E-mail")
    event = Event.objects.get(kind=Event.Kind.SIGNATURE_RECORDED)
    assert event.actor_id == carol.pk


def test_a_delegate_cannot_record_signatures(client, open_statement, dave, rode_morgen):
    client.force_login(dave)
    assert client.get(f"/s/{open_statement.slug}/record/").status_code == 403
    with pytest.raises(PermissionDenied):
        record_signature(
            statement=open_statement, organization=rode_morgen, user=dave, evidence="x"
        )


def test_a_new_version_asks_signers_to_confirm_again(
    client, open_statement, carol, dave, mlpd, smtp_server, run_tasks
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave)
    text = edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The dockers' strike deserves all our support.\n\nWe call for solidarity.",
    )
    assert text.version == 2
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "dave@example.org"
    assert "Please confirm version 2" in mail["Subject"]
    plain = mail.get_body(("plain",)).get_content()
    assert "+The dockers' strike deserves all our support." in plain
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "(signed version 1)" in html
    reconfirm_signature(statement=open_statement, organization=mlpd, user=dave)
    assert Signature.objects.get().text.version == 2
    assert (
        "(signed version 1)" not in client.get(open_statement.get_absolute_url()).content.decode()
    )


def test_a_draft_is_edited_in_place(draft, carol):
    text = edit_text(
        statement=draft,
        user=carol,
        title="Solidarity with all dockers",
        subtitle="",
        body="New words.",
    )
    assert text.version == 1 and draft.texts.count() == 1


def test_the_diff_page_marks_the_changes(client, open_statement, carol):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The dockers' strike deserves all our support.\n\nWe call for solidarity.",
    )
    html = client.get(f"/s/{open_statement.slug}/changes/?from=1&to=2").content.decode()
    assert "<ins>all </ins>" in html or "<ins>all</ins>" in html
    assert client.get(f"/s/{open_statement.slug}/changes/?from=9").status_code == 404


def test_withdrawing_a_signature_twice_is_refused(open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave)
    withdraw_signature(statement=open_statement, organization=mlpd, user=dave)
    with pytest.raises(ActionError):
        withdraw_signature(statement=open_statement, organization=mlpd, user=dave)
