"""Delegates sign, withdraw and confirm again; coordinators record; wrong people are refused."""

import pytest
from django.core.exceptions import PermissionDenied

from undersigned.audit.models import Event
from undersigned.coalitions.models import Membership, Organization
from undersigned.core.errors import ActionError
from undersigned.signing.actions import (
    StaleVersion,
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
    response = client.post(
        sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on", "version": 1}
    )
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.organization, signature.signed_by, signature.method) == (
        mlpd,
        dave,
        Method.DELEGATE,
    )
    assert signature.text.version == 1
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert '<ol class="signatory-list" start="1">' in page
    assert "MLPD" in page and "has signed version 1" in page
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
        sign_url(open_statement), {"organization": rode_morgen.pk, "confirm": "on", "version": 1}
    )
    assert response.status_code == 403
    assert not Signature.objects.exists()
    with pytest.raises(PermissionDenied):
        sign_statement(statement=open_statement, organization=rode_morgen, user=dave, version=1)


def test_anonymous_people_cannot_sign(client, open_statement, mlpd):
    response = client.post(
        sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on", "version": 1}
    )
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Signature.objects.exists()


def test_signing_needs_a_csrf_token(open_statement, dave, mlpd):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(dave)
    response = client.post(
        sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on", "version": 1}
    )
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_nobody_signs_a_draft_or_a_closed_statement(draft, carol, dave, mlpd):
    with pytest.raises(ActionError, match="not open"):
        sign_statement(statement=draft, organization=mlpd, user=dave, version=1)
    change_state(statement=draft, user=carol, state=State.OPEN)
    change_state(statement=draft, user=carol, state=State.CLOSED)
    with pytest.raises(ActionError, match="not open"):
        sign_statement(statement=draft, organization=mlpd, user=dave, version=1)
    assert not Signature.objects.exists()


def test_signing_twice_gives_one_signature(open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    with pytest.raises(ActionError, match="signed already"):
        sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    assert Signature.objects.count() == 1


def test_dave_withdraws_with_a_public_reason(client, open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    client.force_login(dave)
    client.post(
        f"/s/{open_statement.slug}/withdraw/",
        {"organization": mlpd.pk, "reason": "Our congress decided otherwise.", "confirm": "on"},
    )
    signature = Signature.objects.get()
    assert (
        signature.is_withdrawn and signature.withdrawal_reason == "Our congress decided otherwise."
    )
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "1 signature withdrawn" in html and "Our congress decided otherwise." in html
    assert Event.objects.filter(kind=Event.Kind.SIGNATURE_WITHDRAWN).count() == 1


def test_erin_cannot_withdraw_daves_signature(client, open_statement, dave, erin, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
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
        {
            "organization": rode_morgen.pk,
            "evidence": "E-mail from the secretary, 3 May",
            "version": 1,
        },
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
            statement=open_statement, organization=rode_morgen, user=dave, evidence="x", version=1
        )


def test_a_new_version_asks_signers_to_confirm_again(
    client, open_statement, carol, dave, mlpd, smtp_server, run_tasks
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    run_tasks()
    smtp_server.messages.clear()  # Dave's receipt
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
    assert "Paragraph 1, changed:" in plain
    assert "Now: The dockers' strike deserves all our support." in plain
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "(signed version 1)" in html
    reconfirm_signature(statement=open_statement, organization=mlpd, user=dave, version=2)
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
    assert "<ins>all </ins>" in html
    assert client.get(f"/s/{open_statement.slug}/changes/?from=9").status_code == 404


def test_withdrawing_a_signature_twice_is_refused(open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    withdraw_signature(statement=open_statement, organization=mlpd, user=dave, reason="Congress.")
    with pytest.raises(ActionError):
        withdraw_signature(statement=open_statement, organization=mlpd, user=dave, reason="Again.")


def _new_version(statement, carol) -> None:
    edit_text(
        statement=statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The dockers' strike deserves all our support.",
    )


def test_a_signature_for_a_version_that_is_no_longer_current_is_refused(
    client, open_statement, carol, dave, mlpd
):
    """Dave read version 1; Carol published version 2 before his POST arrived."""
    client.force_login(dave)
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert 'name="version" value="1"' in page
    _new_version(open_statement, carol)
    response = client.post(
        sign_url(open_statement), {"organization": mlpd.pk, "confirm": "on", "version": 1}
    )
    assert not Signature.objects.exists()
    assert response["Location"].endswith(f"/s/{open_statement.slug}/changes/?from=1&to=2")
    follow = client.get(response["Location"]).content.decode()
    assert "it is now version 2" in follow and "<ins>" in follow
    with pytest.raises(StaleVersion):
        sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=2)
    assert Signature.objects.get().text.version == 2


def test_confirming_again_binds_to_the_version_read(open_statement, carol, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    _new_version(open_statement, carol)
    _new_version_3 = edit_text(
        statement=open_statement, user=carol, title="Solidarity", subtitle="", body="Three."
    )
    assert _new_version_3.version == 3
    with pytest.raises(StaleVersion):
        reconfirm_signature(statement=open_statement, organization=mlpd, user=dave, version=2)
    assert Signature.objects.get().text.version == 1


def test_a_withdrawal_asks_for_confirmation_and_a_public_reason(client, open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    client.force_login(dave)
    url = f"/s/{open_statement.slug}/withdraw/"
    client.post(url, {"organization": mlpd.pk, "reason": "Congress decided."})
    client.post(url, {"organization": mlpd.pk, "confirm": "on", "reason": ""})
    assert not Signature.objects.get().is_withdrawn
    client.post(url, {"organization": mlpd.pk, "confirm": "on", "reason": "Congress decided."})
    assert Signature.objects.get().is_withdrawn


def test_a_coordinator_removes_a_delegates_signature_only_with_a_public_reason(
    client, open_statement, carol, dave, mlpd
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    with pytest.raises(ActionError, match="Say publicly why"):
        withdraw_signature(statement=open_statement, organization=mlpd, user=carol, reason=" ")
    assert not Signature.objects.get().is_withdrawn
    withdraw_signature(
        statement=open_statement, organization=mlpd, user=carol, reason="Signed by mistake."
    )
    signature = Signature.objects.get()
    assert signature.removed_by_coordination and signature.withdrawn_by == carol
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "removed by the coordination" in html and "withdrew its signature" not in html
    event = Event.objects.get(kind=Event.Kind.SIGNATURE_WITHDRAWN)
    assert event.actor_id == carol.pk and event.details["by_coordination"] is True


def test_a_delegates_own_withdrawal_says_the_organization_withdrew(
    client, open_statement, dave, mlpd
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    withdraw_signature(statement=open_statement, organization=mlpd, user=dave, reason="Congress.")
    signature = Signature.objects.get()
    assert not signature.removed_by_coordination and signature.withdrawn_by == dave
    assert (
        "withdrew its signature" in client.get(open_statement.get_absolute_url()).content.decode()
    )


def test_a_coordinator_removes_a_signature_they_recorded(open_statement, carol, rode_morgen):
    record_signature(
        statement=open_statement, organization=rode_morgen, user=carol, evidence="Fax", version=1
    )
    withdraw_signature(
        statement=open_statement, organization=rode_morgen, user=carol, reason="Not confirmed."
    )
    assert Signature.objects.get().is_withdrawn


def test_a_coordinator_cannot_record_for_an_organization_outside_the_coalition(
    client, open_statement, carol, cipoml
):
    outsider = Organization.objects.create(
        abbreviation="PCE", name="Partido Comunista", country="ES"
    )
    Membership.objects.create(coalition=cipoml, organization=outsider)
    with pytest.raises(PermissionDenied):
        record_signature(
            statement=open_statement, organization=outsider, user=carol, evidence="x", version=1
        )
    client.force_login(carol)
    response = client.post(
        f"/s/{open_statement.slug}/record/",
        {"organization": outsider.pk, "evidence": "Letter", "version": 1},
    )
    assert response.status_code == 200 and not Signature.objects.exists()


def test_a_recorded_signature_keeps_the_day_it_was_given(client, open_statement, carol, mlpd):
    client.force_login(carol)
    response = client.post(
        f"/s/{open_statement.slug}/record/",
        {"organization": mlpd.pk, "evidence": "Letter", "version": 1, "signed_on": "2999-01-01"},
    )
    assert "cannot be in the future" in response.content.decode()
    assert not Signature.objects.exists()
    client.post(
        f"/s/{open_statement.slug}/record/",
        {"organization": mlpd.pk, "evidence": "Letter", "version": 1, "signed_on": "2021-09-15"},
    )
    assert Signature.objects.get().signed_at.date().isoformat() == "2021-09-15"


def test_a_coordinator_records_the_signature_of_a_new_organization(client, open_statement, carol):
    client.force_login(carol)
    response = client.post(
        f"/s/{open_statement.slug}/record/",
        {
            "abbreviation": "KOL",
            "name": "Kommunistische Organisation Luxemburg",
            "country": "LU",
            "evidence": "Letter of 3 May",
            "version": 1,
            "signed_on": "2021-05-03",
        },
    )
    assert response.status_code == 302
    kol = Organization.objects.get(abbreviation="KOL")
    signature = Signature.objects.get(organization=kol)
    assert signature.method == Method.RECORDED and signature.evidence == "Letter of 3 May"
    assert Membership.objects.filter(coalition=open_statement.coalition, organization=kol).exists()
    kinds = list(Event.objects.order_by("id").values_list("kind", flat=True))[-3:]
    assert kinds == ["organization.saved", "membership.approved", "signature.recorded"]


def test_a_new_organization_is_not_left_behind_when_recording_fails(client, open_statement, carol):
    client.force_login(carol)
    client.post(
        f"/s/{open_statement.slug}/record/",
        {"name": "Ghost Party", "country": "LU", "evidence": "x", "version": 7},
    )
    assert not Organization.objects.filter(name="Ghost Party").exists()


def test_my_account_lists_what_waits_for_the_delegate(client, open_statement, carol, dave, mlpd):
    client.force_login(dave)
    page = client.get("/accounts/").content.decode()
    assert "Waiting for you" in page and "Not signed yet" in page
    assert "Solidarity with the dockers" in page and "No organization matches" not in page
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    assert "Not signed yet" not in client.get("/accounts/").content.decode()
    _new_version(open_statement, carol)
    page = client.get("/accounts/").content.decode()
    assert "The text changed: please confirm version 2" in page


def test_my_account_of_a_coordinator_without_organizations_has_no_empty_panel(client, carol):
    client.force_login(carol)
    page = client.get("/accounts/").content.decode()
    assert "Organizations I sign for" not in page and "No organization matches" not in page


def test_a_signed_in_delegate_sees_the_organization_panel_before_the_form_for_people(
    client, open_statement, dave
):
    client.force_login(dave)
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert page.index('id="panel-heading"') < page.index('id="endorse-heading"')
