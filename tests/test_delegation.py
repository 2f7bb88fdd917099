"""Nobody becomes an organization's delegate without the organization: once it has a delegate or
a verified domain, a newcomer waits for a delegate's approval, unless the address the newcomer
confirmed is on the verified domain."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from undersigned.audit.models import Event
from undersigned.coalitions import actions, delegation
from undersigned.coalitions.models import (
    CoalitionRole,
    Delegate,
    DelegationRequest,
    DomainProof,
    Membership,
)
from undersigned.coalitions.permissions import can_sign_for, can_withdraw_for
from undersigned.core.errors import ActionError
from undersigned.signing.actions import sign_statement, withdraw_signature
from undersigned.statements.actions import change_state, create_statement
from undersigned.statements.models import State


def invitation_link(smtp_server, run_tasks, to: str) -> str:
    run_tasks()
    mail = [m for m in smtp_server.messages if m["To"] == to][-1]
    body = mail.get_body(("plain",)).get_content()
    return re.search(r"/accounts/invitation/(\S+)/", body).group(1)


@pytest.fixture
def cipoml_open(cipoml, mlpd):
    """A CIPOML statement open for signatures; the MLPD belongs to CIPOML too."""
    Membership.objects.create(coalition=cipoml, organization=mlpd)
    frank = get_user_model().objects.create_user("frank", "frank@example.org", "x" * 12)
    CoalitionRole.objects.create(user=frank, coalition=cipoml, kind=CoalitionRole.Kind.COORDINATOR)
    statement = create_statement(
        user=frank,
        coalition=cipoml,
        kind="statement",
        issuer="CIPOML",
        language="en",
        title="Peace",
        subtitle="",
        body="Words.",
    )
    return change_state(statement=statement, user=frank, state=State.OPEN)


def test_a_coordinator_cannot_make_herself_delegate_of_a_member_organization(
    client, carol, icor, mlpd, dave, cipoml_open, smtp_server, run_tasks
):
    """The probe: carol (ICOR's coordinator) invites her own address for the MLPD, which has a
    delegate, and accepts the link. She does not become its delegate; dave is asked."""
    client.force_login(carol)
    response = client.post(
        f"/c/{icor.slug}/invite/", {"organization": mlpd.pk, "email": "carol@example.org"}
    )
    assert response.status_code == 302
    link = invitation_link(smtp_server, run_tasks, "carol@example.org")
    response = client.post(f"/accounts/invitation/{link}/", follow=True)
    assert "once one of them approves" in response.content.decode()

    assert not Delegate.objects.filter(user=carol, organization=mlpd).exists()
    pending = DelegationRequest.objects.get()
    assert (pending.user, pending.organization, pending.state) == (carol, mlpd, "pending")
    assert (pending.via, pending.requested_by, pending.coalition) == ("invitation", carol, icor)
    event = Event.objects.get(kind=Event.Kind.DELEGATION_REQUESTED)
    assert event.organization_id == mlpd.pk and event.details["via"] == "invitation"
    run_tasks()
    [asked] = [m for m in smtp_server.messages if m["To"] == "dave@example.org"]
    assert (
        asked["Subject"] == "carol would sign for MLPD Marxistisch-Leninistische Partei "
        "Deutschlands: approve or refuse"
    )
    assert f"/o/{mlpd.slug}/delegates/" in asked.get_body(("plain",)).get_content()

    # So she can neither sign nor withdraw for the MLPD in another coalition.
    assert not can_sign_for(carol, cipoml_open, mlpd)
    with pytest.raises(PermissionDenied):
        sign_statement(statement=cipoml_open, organization=mlpd, user=carol, version=1)
    sign_statement(statement=cipoml_open, organization=mlpd, user=dave, version=1)
    assert not can_withdraw_for(carol, cipoml_open, mlpd)
    with pytest.raises(PermissionDenied):
        withdraw_signature(statement=cipoml_open, organization=mlpd, user=carol, reason="x")
    response = client.post(
        f"/s/{cipoml_open.slug}/withdraw/", {"organization": mlpd.pk, "reason": "x"}
    )
    assert response.status_code == 403
    # Nor decide her own request.
    assert client.get(f"/o/{mlpd.slug}/delegates/").status_code == 403
    with pytest.raises(PermissionDenied):
        delegation.decide_delegation(request=pending, user=carol, approve=True)


def test_a_delegate_approves_or_refuses(client, carol, icor, mlpd, dave, smtp_server, run_tasks):
    newcomers = [
        get_user_model().objects.create_user(name, f"{name}@example.org", "x" * 12)
        for name in ("nora", "otto")
    ]
    for person in newcomers:
        actions.invite_organization(
            coalition=icor, organization=mlpd, email=person.email, user=carol
        )
        link = invitation_link(smtp_server, run_tasks, person.email)
        actions.accept_invitation(link_token=link, user=person)
    nora, otto = (DelegationRequest.objects.get(user=person) for person in newcomers)
    client.force_login(dave)
    page = client.get(f"/o/{mlpd.slug}/delegates/").content.decode()
    assert "nora" in page and "otto" in page and "Invited by carol (ICOR)" in page
    client.post(f"/o/{mlpd.slug}/delegates/", {"request": nora.pk, "decision": "approve"})
    client.post(f"/o/{mlpd.slug}/delegates/", {"request": otto.pk, "decision": "refuse"})
    assert Delegate.objects.filter(user=newcomers[0], organization=mlpd).exists()
    assert not Delegate.objects.filter(user=newcomers[1], organization=mlpd).exists()
    kinds = list(
        Event.objects.filter(kind__startswith="delegation.").values_list("kind", flat=True)
    )
    assert kinds == [
        "delegation.requested",
        "delegation.requested",
        "delegation.approved",
        "delegation.refused",
    ]
    run_tasks()
    subjects = {m["To"]: m["Subject"] for m in smtp_server.messages[-2:]}
    assert subjects["nora@example.org"].startswith("You may now sign for MLPD")
    assert subjects["otto@example.org"].startswith("Your request to sign for MLPD Marxist")
    with pytest.raises(ActionError):  # answered once
        delegation.decide_delegation(request=otto, user=dave, approve=True)


def test_an_organization_without_delegates_takes_its_first_from_an_invitation(
    carol, icor, mlpd, smtp_server, run_tasks
):
    first = get_user_model().objects.create_user("first", "first@example.org", "x" * 12)
    actions.invite_organization(coalition=icor, organization=mlpd, email=first.email, user=carol)
    actions.accept_invitation(
        link_token=invitation_link(smtp_server, run_tasks, first.email), user=first
    )
    assert Delegate.objects.filter(user=first, organization=mlpd).exists()
    assert not DelegationRequest.objects.exists()


def test_an_address_on_the_verified_domain_needs_no_approval(
    carol, icor, mlpd, dave, smtp_server, run_tasks
):
    DomainProof.objects.create(
        organization=mlpd,
        domain="mlpd.de",
        method="dns",
        token="t",
        state="verified",
        verified_at="2026-01-01T00:00Z",
    )
    people = {
        name: get_user_model().objects.create_user(name.split("@")[0], name, "x" * 12)
        for name in ("anna@mlpd.de", "bert@berlin.mlpd.de", "carl@mlpd.de.example.org")
    }
    for address, person in people.items():
        actions.invite_organization(coalition=icor, organization=mlpd, email=address, user=carol)
        actions.accept_invitation(
            link_token=invitation_link(smtp_server, run_tasks, address), user=person
        )
    delegates = set(
        Delegate.objects.filter(organization=mlpd).values_list("user__email", flat=True)
    )
    assert delegates == {"dave@example.org", "anna@mlpd.de", "bert@berlin.mlpd.de"}
    assert DelegationRequest.objects.get().user.email == "carl@mlpd.de.example.org"


def test_a_lapsed_or_lighter_proof_admits_nobody_but_still_guards(
    alice, mlpd, smtp_server, run_tasks
):
    """A domain once verified guards the organization even without delegates; only a proof that
    holds now, by DNS or the file, lets an address in."""
    DomainProof.objects.create(
        organization=mlpd,
        domain="mlpd.de",
        method="dns",
        token="t",
        state="lapsed",
        verified_at="2026-01-01T00:00Z",
    )
    DomainProof.objects.create(
        organization=mlpd,
        domain="mlpd.org",
        method="mail",
        token="u",
        state="verified",
        verified_at="2026-01-01T00:00Z",
    )
    person = get_user_model().objects.create_user("anna", "anna@mlpd.de", "x" * 12)
    result = actions.add_delegate(organization=mlpd, target=person, user=alice)
    assert isinstance(result, DelegationRequest) and result.via == "staff"
    assert not Delegate.objects.exists()


def test_staff_propose_a_delegate_of_an_organization_that_has_one(
    client, admin_user, mlpd, dave, smtp_server, run_tasks
):
    newcomer = get_user_model().objects.create_user("nora", "nora@example.org", "x" * 12)
    client.force_login(admin_user)
    response = client.post(
        "/admin/coalitions/delegate/add/", {"user": newcomer.pk, "organization": mlpd.pk}
    )
    assert response["Location"] == "/admin/coalitions/delegate/"
    assert not Delegate.objects.filter(user=newcomer).exists()
    assert DelegationRequest.objects.get().user == newcomer
    page = client.get(response["Location"]).content.decode()
    assert "has delegates: they will approve or refuse nora." in page
    # Staff cannot approve what the organization's delegate decides.
    assert client.get(f"/o/{mlpd.slug}/delegates/").status_code == 403
    run_tasks()
    [asked] = smtp_server.messages
    assert asked["To"] == "dave@example.org" and "nora would sign for MLPD" in asked["Subject"]
