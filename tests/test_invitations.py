"""Coordinators invite organizations; delegates accept once; organizations ask to join."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied

from undersigned.coalitions import actions
from undersigned.coalitions.models import (
    Delegate,
    Invitation,
    JoinRequest,
    Membership,
    Organization,
)


def invite_new_organization(client, carol, icor, smtp_server, run_tasks) -> str:
    client.force_login(carol)
    response = client.post(
        f"/c/{icor.slug}/invite/",
        {
            "abbreviation": "KOL",
            "name": "Kommunistische Organisation Luxemburg",
            "name_en": "Communist Organization of Luxembourg",
            "country": "LU",
            "email": "kol@example.org",
        },
    )
    assert response.status_code == 302
    client.logout()
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "kol@example.org"
    return re.search(
        r"https?://\S+/accounts/invitation/(\S+)/", mail.get_body(("plain",)).get_content()
    ).group(1)


def test_a_new_delegate_accepts_an_invitation_once(client, carol, icor, smtp_server, run_tasks):
    token = invite_new_organization(client, carol, icor, smtp_server, run_tasks)
    url = f"/accounts/invitation/{token}/"
    html = client.get(url).content.decode()  # looking does not use it up
    assert "invites <strong>KOL Kommunistische Organisation Luxemburg</strong>" in html
    assert Invitation.objects.get().accepted_at is None
    response = client.post(
        url, {"username": "kol", "password1": "correct horse battery", "password2": "wrong"}
    )
    assert response.status_code == 200 and "The two passwords differ." in response.content.decode()
    account = {
        "username": "kol",
        "password1": "correct horse battery",
        "password2": "correct horse battery",
    }
    response = client.post(url, {**account, "username": "kol@example.org"})
    assert "not an e-mail address" in response.content.decode()
    response = client.post(url, account)
    assert response.status_code == 302
    kol = Organization.objects.get(abbreviation="KOL")
    delegate = Delegate.objects.get(organization=kol)
    assert delegate.user.email == "kol@example.org" and delegate.user.username == "kol"
    assert Membership.objects.filter(coalition=icor, organization=kol).exists()
    client.logout()
    replay = client.post(url, {**account, "username": "kol2"})
    assert replay.status_code == 410 and "used already" in replay.content.decode()
    assert Delegate.objects.count() == 1


def test_an_expired_or_altered_link_is_refused(client, carol, icor, mlpd):
    actions.invite_organization(
        coalition=icor, organization=mlpd, email="x@example.org", user=carol
    )

    class Past(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 15 * 24 * 3600)

    old = Past(salt="undersigned.invitation").sign("whatever-token")
    response = client.get(f"/accounts/invitation/{old}/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    response = client.post("/accounts/invitation/not-a-real-token:abc:def/")
    assert response.status_code == 410 and "not valid" in response.content.decode()
    assert Delegate.objects.count() == 0


def test_only_coordinators_invite(client, dave, icor):
    client.force_login(dave)
    response = client.post(
        f"/c/{icor.slug}/invite/", {"name": "X", "country": "DE", "email": "x@example.org"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_an_organization_asks_to_join_and_carol_approves(client, icor, carol, dave, mlpd):
    from undersigned.coalitions.models import Coalition

    other = Coalition.objects.create(abbreviation="NET", name="Another network")
    client.force_login(dave)
    client.post(f"/c/{other.slug}/join/", {"organization": mlpd.pk, "message": "We agree."})
    join_request = JoinRequest.objects.get()
    assert join_request.state == JoinRequest.State.PENDING
    client.force_login(carol)  # carol coordinates ICOR, not NET
    response = client.post(f"/c/{other.slug}/requests/{join_request.pk}/", {"decision": "approve"})
    assert response.status_code == 403
    from undersigned.coalitions.models import CoalitionRole

    CoalitionRole.objects.create(user=carol, coalition=other, kind=CoalitionRole.Kind.COORDINATOR)
    html = client.get(other.get_absolute_url()).content.decode()
    assert "We agree." in html
    client.post(f"/c/{other.slug}/requests/{join_request.pk}/", {"decision": "approve"})
    assert Membership.objects.filter(coalition=other, organization=mlpd).exists()
    again = client.post(f"/c/{other.slug}/requests/{join_request.pk}/", {"decision": "decline"})
    assert again.status_code == 302
    join_request.refresh_from_db()
    assert join_request.state == JoinRequest.State.APPROVED


def test_a_delegate_cannot_ask_for_someone_elses_organization(client, icor, dave, rode_morgen):
    from undersigned.coalitions.models import Coalition

    other = Coalition.objects.create(abbreviation="NET", name="Another network")
    client.force_login(dave)
    response = client.post(f"/c/{other.slug}/join/", {"organization": rode_morgen.pk})
    assert response.status_code == 403
    assert not JoinRequest.objects.exists()


def test_a_coordinator_cannot_invite_for_another_coalitions_organization(
    client, carol, icor, cipoml
):
    """The takeover the probe found: carol (ICOR) invites herself as a CIPOML party's delegate."""
    pce = Organization.objects.create(abbreviation="PCE", name="Partido Comunista", country="ES")
    Membership.objects.create(coalition=cipoml, organization=pce)
    client.force_login(carol)
    form = client.get(f"/c/{icor.slug}/invite/").content.decode()
    assert "Partido Comunista" not in form
    response = client.post(
        f"/c/{icor.slug}/invite/", {"organization": pce.pk, "email": "carol@example.org"}
    )
    assert response.status_code == 200 and not Invitation.objects.exists()
    with pytest.raises(PermissionDenied):
        actions.invite_organization(
            coalition=icor, organization=pce, email="carol@example.org", user=carol
        )
    assert not Membership.objects.filter(coalition=icor, organization=pce).exists()


def test_an_invitation_is_accepted_only_by_the_address_it_was_sent_to(
    client, carol, icor, mlpd, dave, erin, smtp_server, run_tasks
):
    link = None
    actions.invite_organization(
        coalition=icor, organization=mlpd, email="new@example.org", user=carol
    )
    run_tasks()
    link = re.search(
        r"/accounts/invitation/(\S+)/", smtp_server.messages[-1].get_body(("plain",)).get_content()
    ).group(1)
    client.force_login(erin)  # someone else, logged in, opens the link
    response = client.post(f"/accounts/invitation/{link}/")
    assert response.status_code == 410 and "another e-mail address" in response.content.decode()
    assert not Delegate.objects.filter(user=erin, organization=mlpd).exists()
    assert Invitation.objects.get().accepted_at is None
    # The invited person accepts; dave, the MLPD's delegate until now, is told.
    newcomer = get_user_model().objects.create_user("newcomer", "New@Example.org", "x" * 12)
    client.force_login(newcomer)
    assert client.post(f"/accounts/invitation/{link}/").status_code == 302
    assert Delegate.objects.filter(user=newcomer, organization=mlpd).exists()
    run_tasks()
    told = [m for m in smtp_server.messages if m["To"] == "dave@example.org"]
    assert len(told) == 1 and "newcomer may now sign for MLPD" in told[0]["Subject"]


def test_an_invitation_to_sign_a_statement_names_it_and_leads_there(
    client, carol, icor, open_statement, smtp_server, run_tasks
):
    client.force_login(carol)
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert f"?statement={open_statement.slug}&amp;next=/s/{open_statement.slug}/" in page
    form = client.get(
        f"/c/{icor.slug}/invite/?statement={open_statement.slug}&next=/s/{open_statement.slug}/"
    ).content.decode()
    assert f'<option value="{open_statement.slug}" selected>' in form
    response = client.post(
        f"/c/{icor.slug}/invite/",
        {
            "name": "Kommunistische Organisation Luxemburg",
            "abbreviation": "KOL",
            "country": "LU",
            "email": "kol@example.org",
            "statement": open_statement.slug,
            "next": f"/s/{open_statement.slug}/",
        },
    )
    assert response["Location"] == f"/s/{open_statement.slug}/"  # back where carol was
    run_tasks()
    body = smtp_server.messages[-1].get_body(("plain",)).get_content()
    assert "They ask it to sign: “Solidarity with the dockers”" in body
    link = re.search(r"/accounts/invitation/(\S+)/", body).group(1)
    client.logout()
    accepted = client.post(
        f"/accounts/invitation/{link}/",
        {"username": "kol", "password1": "kol horse battery", "password2": "kol horse battery"},
    )
    assert accepted["Location"] == f"/s/{open_statement.slug}/"


def test_an_invitation_does_not_send_a_coordinator_off_site(client, carol, icor):
    client.force_login(carol)
    response = client.post(
        f"/c/{icor.slug}/invite/",
        {"name": "X", "country": "LU", "email": "x@example.org", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/c/{icor.slug}/"


def test_delegates_are_told_when_staff_add_one(alice, mlpd, dave, smtp_server, run_tasks):
    newcomer = get_user_model().objects.create_user("nora", "nora@example.org", "x" * 12)
    actions.add_delegate(organization=mlpd, target=newcomer, user=alice)
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "dave@example.org" and "nora may now sign for MLPD" in mail["Subject"]
    with pytest.raises(PermissionDenied):
        actions.add_delegate(organization=mlpd, target=newcomer, user=dave)
