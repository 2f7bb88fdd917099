"""Inviting an organization to sign a statement: only while it can be signed (a draft, or open
with its deadline ahead). A withdrawn or closed statement offers no invitation."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from undersigned.coalitions.actions import invite_organization
from undersigned.coalitions.permissions import can_invite_to_sign
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement

INVITE = "Invite an organization to sign"


def _page(client, user, statement) -> str:
    client.force_login(user)
    return client.get(statement.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_it_offers_an_invitation_on_an_open_statement(client, carol, open_statement):
    assert INVITE in _page(client, carol, open_statement)
    assert can_invite_to_sign(carol, open_statement)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [State.WITHDRAWN, State.CLOSED])
def test_it_offers_none_on_a_withdrawn_or_closed_statement(client, carol, open_statement, state):
    statement = change_state(statement=open_statement, user=carol, state=state, reason="Done.")
    assert not can_invite_to_sign(carol, statement)
    assert INVITE not in _page(client, carol, statement)
    invite = client.get(f"/c/{statement.coalition.slug}/invite/").content.decode()
    assert statement.slug not in invite


@pytest.mark.django_db
def test_it_offers_none_once_the_deadline_passed(client, carol, open_statement):
    Statement.objects.filter(pk=open_statement.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    statement = Statement.objects.get(pk=open_statement.pk)
    assert not can_invite_to_sign(carol, statement)
    assert INVITE not in _page(client, carol, statement)


@pytest.mark.django_db
def test_the_action_refuses_an_invitation_to_sign_a_withdrawn_statement(
    carol, open_statement, mlpd
):
    statement = change_state(
        statement=open_statement, user=carol, state=State.WITHDRAWN, reason="Done."
    )
    with pytest.raises(PermissionDenied):
        invite_organization(
            coalition=statement.coalition,
            organization=mlpd,
            email="new@example.org",
            user=carol,
            statement=statement,
        )
