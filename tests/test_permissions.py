"""Every role against every action, for a coalition's statement and for an open letter.

Each cell calls the domain action itself (not only the rule), so an action that forgot its check
fails here whatever its views do.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from undersigned.coalitions.actions import invite_organization
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    Membership,
    Organization,
)
from undersigned.coalitions.permissions import can_view_statement
from undersigned.core.errors import ActionError
from undersigned.endorsements.actions import hide_endorsements
from undersigned.signing.actions import record_signature, sign_statement
from undersigned.statements.actions import change_state, create_statement, edit_text
from undersigned.statements.models import State
from undersigned.statements.translations import save_translation

ROLES = [
    "anonymous",
    "reader",
    "member_delegate",
    "other_delegate",
    "coordinator",
    "other_coordinator",
    "translator",
    "staff",
]
ACTIONS = ["view_draft", "edit", "open", "translate", "sign", "record", "invite", "hide"]

# Allowed cells; every other cell must be refused.
ALLOWED = {
    "coalition": {
        "member_delegate": {"view_draft", "sign"},
        "coordinator": {"view_draft", "edit", "open", "translate", "record", "invite", "hide"},
        "translator": {"view_draft", "translate"},
        "staff": {"view_draft", "edit", "open", "translate", "record", "invite", "hide"},
    },
    # An open letter belongs to no coalition: staff draft it, any organization may sign it.
    "open_letter": {
        "member_delegate": {"sign"},
        "other_delegate": {"sign"},
        "staff": {"view_draft", "edit", "open", "translate", "record", "hide"},
    },
}


def _user(name: str, **extra):
    return get_user_model().objects.create_user(name, f"{name}@example.org", "x" * 16, **extra)


@pytest.fixture
def world(db):
    icor = Coalition.objects.create(abbreviation="ICOR", name="ICOR", slug="icor")
    cipoml = Coalition.objects.create(abbreviation="CIPOML", name="CIPOML", slug="cipoml")
    mlpd = Organization.objects.create(abbreviation="MLPD", name="MLPD", slug="mlpd", country="DE")
    pce = Organization.objects.create(abbreviation="PCE", name="PCE", slug="pce", country="ES")
    Membership.objects.create(coalition=icor, organization=mlpd)
    Membership.objects.create(coalition=cipoml, organization=pce)
    users = {
        "anonymous": AnonymousUser(),
        "reader": _user("reader"),
        "member_delegate": _user("dave"),
        "other_delegate": _user("pablo"),
        "coordinator": _user("carol"),
        "other_coordinator": _user("frank"),
        "translator": _user("tanja"),
        "staff": _user("alice", is_staff=True),
    }
    Delegate.objects.create(user=users["member_delegate"], organization=mlpd)
    Delegate.objects.create(user=users["other_delegate"], organization=pce)
    coordinator = CoalitionRole.Kind.COORDINATOR
    CoalitionRole.objects.create(user=users["coordinator"], coalition=icor, kind=coordinator)
    CoalitionRole.objects.create(
        user=users["other_coordinator"], coalition=cipoml, kind=coordinator
    )
    CoalitionRole.objects.create(
        user=users["translator"],
        coalition=icor,
        kind=CoalitionRole.Kind.TRANSLATOR,
        language="de",
    )
    return {"icor": icor, "mlpd": mlpd, "pce": pce, "users": users}


def _draft(world, kind: str):
    users = world["users"]
    coalition = world["icor"] if kind == "coalition" else None
    author = users["coordinator"] if coalition else users["staff"]
    return create_statement(
        user=author,
        coalition=coalition,
        kind="statement",
        issuer="Committee",
        language="en",
        title="Solidarity",
        subtitle="",
        body="Words.",
    )


def _attempt(action: str, user, statement, world) -> bool:
    """True when the action went through, False when it was refused for lack of permission."""
    author = world["users"]["staff"]
    organization = world["mlpd"] if action != "sign" or not user.is_authenticated else None
    if action in ("sign", "record") and statement.state != State.OPEN:
        change_state(statement=statement, user=author, state=State.OPEN)
    if action == "sign" and user.is_authenticated:
        delegated = Organization.objects.filter(delegates__user=user).first()
        organization = delegated or world["mlpd"]
    calls = {
        "view_draft": lambda: can_view_statement(user, statement) or _refuse(),
        "edit": lambda: edit_text(
            statement=statement, user=user, title="Other", subtitle="", body="Other words."
        ),
        "open": lambda: change_state(statement=statement, user=user, state=State.OPEN),
        "translate": lambda: save_translation(
            statement=statement, user=user, language="de", title="T", subtitle="", body="W"
        ),
        "sign": lambda: sign_statement(
            statement=statement, organization=organization, user=user, version=1
        ),
        "record": lambda: record_signature(
            statement=statement, organization=organization, user=user, evidence="Fax", version=1
        ),
        "invite": lambda: invite_organization(
            coalition=statement.coalition or world["icor"],
            organization=world["mlpd"],
            email="new@example.org",
            user=user,
        ),
        "hide": lambda: hide_endorsements(statement=statement, ids=[], user=user),
    }
    try:
        calls[action]()
    except PermissionDenied:
        return False
    except ActionError as error:  # allowed, but refused for another reason: a broken test
        raise AssertionError(f"{action} raised {error.message!r}") from error
    return True


def _refuse():
    raise PermissionDenied


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["coalition", "open_letter"])
@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_action(world, kind, role):
    expected_allowed = ALLOWED[kind].get(role, set())
    outcome = {}
    for action in ACTIONS:
        if kind == "open_letter" and action == "invite":
            continue  # invitations are to a coalition
        statement = _draft(world, kind)
        outcome[action] = _attempt(action, world["users"][role], statement, world)
    expected = {action: action in expected_allowed for action in outcome}
    assert outcome == expected


def test_nobody_but_staff_drafts_an_open_letter_or_for_a_coalition_they_do_not_coordinate(world):
    users = world["users"]
    for role in ROLES:
        for coalition in (None, world["icor"]):
            allowed = role == "staff" or (role == "coordinator" and coalition is not None)
            try:
                create_statement(
                    user=users[role],
                    coalition=coalition,
                    kind="statement",
                    issuer="",
                    language="en",
                    title="T",
                    subtitle="",
                    body="W",
                )
            except PermissionDenied:
                assert not allowed, (role, coalition)
            else:
                assert allowed, (role, coalition)
