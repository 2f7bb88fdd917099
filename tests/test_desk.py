"""The coordinators' desk: its counts match the database, and it shows what waits."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from undersigned.coalitions.actions import INVITATION_MAX_AGE
from undersigned.coalitions.models import Invitation
from undersigned.collection.models import InboundMessage, SignOnRequest
from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Signature
from undersigned.statements.actions import create_statement, edit_text, update_details
from undersigned.statements.models import State, Statement


@pytest.fixture
def busy_coalition(icor, carol, open_statement, dave, mlpd, rode_morgen):
    """An open statement signed by the MLPD before its text changed; Rode Morgen has not
    signed; a second draft; sign-on requests in two states; invitations sent, accepted and
    expired."""
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    edit_text(statement=open_statement, user=carol, title="New", subtitle="", body="New words.")
    update_details(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer="",
        deadline=None,
        accepts_sign_ons=True,
    )
    create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="",
        language="en",
        title="Next draft",
        subtitle="",
        body="Words.",
    )
    text = open_statement.current_text()
    for n, state in enumerate(["confirmed", "confirmed", "requested", "rejected"]):
        SignOnRequest.objects.create(
            statement=open_statement,
            text=text,
            org_name=f"Neue Organisation {n}",
            org_country="AT",
            person_name=f"Person {n}",
            person_role="Sekretärin",
            email=f"p{n}@example.org",
            email_key=f"p{n}@example.org",
            language="de",
            listed=True,
            state=state,
        )
    for n, email in enumerate(["sent@example.org", "accepted@example.org", "old@example.org"]):
        invitation = Invitation.objects.create(
            coalition=icor, organization=rode_morgen, email=email, token_hash=f"h{n}"
        )
        if n == 1:
            Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        if n == 2:
            Invitation.objects.filter(pk=invitation.pk).update(
                created_at=timezone.now() - INVITATION_MAX_AGE - timedelta(hours=1)
            )
    return icor


def shown_counts(page: str) -> dict[str, int]:
    return {name: int(value) for name, value in re.findall(r'data-count="(\w+)">([0-9]+)<', page)}


def test_the_desks_counts_match_the_database(client, busy_coalition, carol):
    icor = busy_coalition
    client.force_login(carol)
    page = client.get(reverse("desk", args=[icor.slug])).content.decode()
    statements = Statement.objects.filter(coalition=icor)
    open_ = statements.filter(state=State.OPEN)
    signed = Signature.objects.active().filter(statement__in=open_)
    members = icor.members.count()
    expected = {
        "requests": SignOnRequest.objects.filter(
            statement__coalition=icor, state="confirmed"
        ).count(),
        # Messages received at the statements' addresses (test_inbound_mail counts one).
        "inbound": InboundMessage.objects.filter(
            statement__coalition=icor, state="pending"
        ).count(),
        "open": open_.count(),
        "drafts": statements.filter(state=State.DRAFT).count(),
        "missing": sum(
            members - signed.filter(statement=s, organization__coalitions=icor).count()
            for s in open_
        ),
        "not_reconfirmed": sum(
            1 for signature in signed if signature.text != signature.statement.current_text()
        ),
        "invitations_sent": Invitation.objects.filter(
            coalition=icor,
            accepted_at__isnull=True,
            created_at__gt=timezone.now() - INVITATION_MAX_AGE,
        ).count(),
        "invitations_expired": Invitation.objects.filter(
            coalition=icor,
            accepted_at__isnull=True,
            created_at__lte=timezone.now() - INVITATION_MAX_AGE,
        ).count(),
    }
    assert shown_counts(page) == expected
    # The fixture's own numbers, so that a query that counts nothing cannot pass.
    assert expected == {
        "requests": 2,
        "inbound": 0,
        "open": 1,
        "drafts": 1,
        "missing": 1,
        "not_reconfirmed": 1,
        "invitations_sent": 1,
        "invitations_expired": 1,
    }


def test_it_shows_what_the_requester_gave_and_filters_by_state(client, busy_coalition, carol):
    client.force_login(carol)
    url = reverse("desk", args=[busy_coalition.slug])
    page = client.get(url).content.decode()
    assert "Person 0" in page and "p0@example.org" in page and "Sekretärin" in page
    assert "Person 2" not in page  # not confirmed yet: not on the default view
    assert 'name="decision" value="approve"' in page
    page = client.get(url, {"state": "requested"}).content.decode()
    assert "Person 2" in page and "Person 0" not in page
    assert "MLPD" in page  # signed version 1, not re-confirmed
    assert "old@example.org" in page and "Send again" in page


def test_my_account_and_the_header_link_the_desk(client, busy_coalition, carol, dave):
    client.force_login(carol)
    desk = reverse("desk", args=[busy_coalition.slug])
    assert client.get(reverse("dashboard")).content.decode().count(f'href="{desk}"') == 2
    client.force_login(dave)
    assert f'href="{desk}"' not in client.get(reverse("dashboard")).content.decode()
    assert client.get(desk).status_code == 404


def test_the_demo_desk_shows_a_pending_request(db, client, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    call_command("demo")
    call_command("demo")  # a second run asks nothing more
    resolution = Statement.objects.get(coalition__abbreviation="ICOR")
    assert resolution.accepts_sign_ons
    (pending,) = SignOnRequest.objects.all()
    assert pending.state == "confirmed" and pending.statement == resolution
    client.force_login(get_user_model().objects.get(username="coordinator"))
    page = client.get(reverse("desk", args=["icor"])).content.decode()
    assert shown_counts(page)["requests"] == 1 and "Eva Huber" in page
    assert 'id="sign-on"' in client.get(resolution.get_absolute_url()).content.decode()


def test_the_desk_reads_as_many_queries_for_many_open_statements(
    client, busy_coalition, carol, dave, mlpd
):
    """Its rows are read for all open statements at once: 500 members and 50 statements make
    a desk of as many queries as one (bench/desk.py measures that shape)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from undersigned.statements.actions import change_state

    client.force_login(carol)
    url = reverse("desk", args=[busy_coalition.slug])
    with CaptureQueriesContext(connection) as one:
        first = client.get(url)
    for n in range(3):
        more = create_statement(user=carol, coalition=busy_coalition, kind="statement",
                                issuer="", language="en", title=f"More {n}", subtitle="",
                                body="Words.", accepts_sign_ons=True)  # fmt: skip
        change_state(statement=more, user=carol, state=State.OPEN)
        sign_statement(statement=more, organization=mlpd, user=dave, version=1)
    from undersigned.coalitions.models import Membership, Organization

    for n in range(3):  # more members too, none of which signed: each row names them
        joined = Organization.objects.create(abbreviation=f"M{n}", name=f"Member {n}",
                                             slug=f"member-{n}", country="DE")  # fmt: skip
        Membership.objects.create(coalition=busy_coalition, organization=joined)
    with CaptureQueriesContext(connection) as four:
        page = client.get(url)
    assert first.status_code == page.status_code == 200
    assert len(four.captured_queries) == len(one.captured_queries)
    assert shown_counts(page.content.decode())["open"] == 4


def test_the_desk_names_the_first_missing_members_and_links_their_whole_list(
    client, busy_coalition, carol, dave, open_statement
):
    from undersigned.collection import desk as desk_module
    from undersigned.collection import views

    def open_section(page) -> str:
        return page.content.decode().split('id="open"')[1].split('id="drafts"')[0]

    client.force_login(carol)
    page = open_section(client.get(reverse("desk", args=[busy_coalition.slug])))
    assert "Rode Morgen" in page  # the one member missing, named on the desk
    whole = reverse("desk-statement", args=[busy_coalition.slug, open_statement.slug])
    assert whole not in page  # every missing name is shown already: no link needed
    # Fewer shown than missing: the desk links the whole list, which pages.
    desk_module.FIRST_SHOWN, views.MEMBERS_PER_PAGE = 0, 1
    try:
        page = open_section(client.get(reverse("desk", args=[busy_coalition.slug])))
        assert "Rode Morgen" not in page and f'href="{whole}"' in page
        listed = client.get(whole).content.decode()
        assert "Rode Morgen" in listed
        stale = client.get(whole, {"list": "not-reconfirmed"}).content.decode()
        assert "MLPD" in stale and "Rode Morgen" not in stale
    finally:
        desk_module.FIRST_SHOWN, views.MEMBERS_PER_PAGE = 5, 100
    client.force_login(dave)  # not a coordinator of ICOR: the lists are as hidden as the desk
    assert client.get(whole).status_code == 404


def test_the_requests_to_decide_are_paged_each_page_one_click_away(
    client, busy_coalition, carol, open_statement
):
    from undersigned.collection import desk as desk_module

    client.force_login(carol)
    url = reverse("desk", args=[busy_coalition.slug])
    desk_module.REQUESTS_PER_PAGE = 1
    try:
        first = client.get(url).content.decode()
        second = client.get(url, {"page": 2}).content.decode()
    finally:
        desk_module.REQUESTS_PER_PAGE = 10
    assert "Person 0" in first and "Person 1" not in first
    assert "Person 1" in second and "Person 0" not in second
    assert 'page=2#requests"' in first and 'aria-current="page"' in first
    assert shown_counts(first)["requests"] == 2  # the count says them all
