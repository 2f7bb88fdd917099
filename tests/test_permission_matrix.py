"""Every rule of the permission module against every kind of person, written out as one table.

Each cell is checked against the rule itself; a few rows also through the real action, which must
raise PermissionDenied exactly where the table says "-". A new rule without a row fails
test_every_rule_has_a_row.
"""

import inspect

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from undersigned.accounts.actions import change_account_flags
from undersigned.accounts.tokens import create_api_token, revoke_api_token
from undersigned.coalitions import permissions as rules
from undersigned.coalitions.actions import (
    add_member,
    decide_join_request,
    grant_role,
    request_to_join,
)
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    JoinRequest,
    Membership,
    Organization,
)
from undersigned.statements.actions import change_state, create_statement
from undersigned.statements.models import State

# Who: anonymous; a plain account; the MLPD's delegate (MLPD is an ICOR member); the PCE's
# delegate (a CIPOML member); ICOR's German translator; ICOR's coordinator; CIPOML's
# coordinator; staff; a superuser; an inactive account that is staff, ICOR's coordinator and the
# MLPD's delegate (inactive outweighs everything).
# What: on ICOR's statement (open; `view_draft` on a draft), the MLPD, ICOR; Y allowed, - refused.
TABLE = """
rule                anon plain deleg odeleg transl coord ocoord staff super inact
view_draft           -    -     Y     -      Y      Y     -      Y     Y     -
edit_statement       -    -     -     -      -      Y     -      Y     Y     -
create_statement     -    -     -     -      -      Y     -      Y     Y     -
write_open_letters   -    -     -     -      -      -     -      Y     Y     -
draft                -    -     -     -      -      Y     Y      Y     Y     -
translate            -    -     -     -      Y      Y     -      Y     Y     -
sign_for             -    -     Y     -      -      -     -      -     -     -
withdraw_for         -    -     Y     -      -      Y     -      Y     Y     -
record_signature     -    -     -     -      -      Y     -      Y     Y     -
invite_for           -    -     -     -      -      Y     -      Y     Y     -
invite_to_sign       -    -     -     -      -      Y     -      Y     Y     -
ask_to_join          -    -     Y     -      -      -     -      -     -     -
ask_to_join_any      -    -     Y     Y      -      -     -      -     -     -
decide_join_request  -    -     -     -      -      Y     -      Y     Y     -
grant_roles          -    -     -     -      -      Y     -      Y     Y     -
add_member           -    -     -     -      -      Y     -      Y     Y     -
edit_directory       -    -     -     -      -      -     -      Y     Y     -
hold_api_token       -    -     Y     Y      Y      Y     Y      Y     Y     -
revoke_api_token     -    -     Y     -      -      -     -      -     -     -
import_statements    -    -     -     -      -      -     -      Y     Y     -
change_flags         -    -     -     -      -      -     -      -     Y     -
coordinator          -    -     -     -      -      Y     -      Y     Y     -
member               -    -     Y     -      Y      Y     -      Y     Y     -
"""

ROLES = TABLE.split()[1:11]
EXPECTED = {
    line.split()[0]: dict(zip(ROLES, (cell == "Y" for cell in line.split()[1:]), strict=True))
    for line in TABLE.strip().splitlines()[1:]
}

# Each row's rule, as a call on the world below.
RULES = {
    "view_draft": lambda u, w: rules.can_view_statement(u, w["draft"]),
    "edit_statement": lambda u, w: rules.can_edit_statement(u, w["statement"]),
    "create_statement": lambda u, w: rules.can_create_statement(u, w["icor"]),
    "write_open_letters": lambda u, w: rules.can_write_open_letters(u),
    "draft": lambda u, w: rules.can_draft(u),
    "translate": lambda u, w: rules.can_translate(u, w["statement"], "de"),
    "sign_for": lambda u, w: rules.can_sign_for(u, w["statement"], w["mlpd"]),
    "withdraw_for": lambda u, w: rules.can_withdraw_for(u, w["statement"], w["mlpd"]),
    "record_signature": lambda u, w: rules.can_record_signature(u, w["statement"], w["mlpd"]),
    "invite_for": lambda u, w: rules.can_invite_for(u, w["icor"], w["mlpd"]),
    "invite_to_sign": lambda u, w: rules.can_invite_to_sign(u, w["statement"]),
    "ask_to_join": lambda u, w: rules.can_ask_to_join(u, w["mlpd"]),
    "ask_to_join_any": lambda u, w: rules.can_ask_to_join_any(u),
    "decide_join_request": lambda u, w: rules.can_decide_join_request(u, w["icor"]),
    "grant_roles": lambda u, w: rules.can_grant_roles(u, w["icor"]),
    "add_member": lambda u, w: rules.can_add_member(u, w["icor"]),
    "edit_directory": lambda u, w: rules.can_edit_directory(u),
    "hold_api_token": lambda u, w: rules.can_hold_api_token(u),
    "revoke_api_token": lambda u, w: rules.can_revoke_api_token(u, w["token"]),
    "import_statements": lambda u, w: rules.can_import_statements(u),
    "change_flags": lambda u, w: rules.can_change_account_flags(u),
    "coordinator": lambda u, w: rules.is_coordinator(u, w["icor"]),
    "member": lambda u, w: rules.is_member(u, w["icor"]),
}

# The module's functions that answer yes or no, and the row that covers each.
COVERED = {
    "can_view_statement": "view_draft",
    "can_edit_statement": "edit_statement",
    "can_create_statement": "create_statement",
    "can_write_open_letters": "write_open_letters",
    "can_draft": "draft",
    "can_translate": "translate",
    "can_sign_for": "sign_for",
    "can_withdraw_for": "withdraw_for",
    "can_record_signature": "record_signature",
    "can_invite_for": "invite_for",
    "can_invite_to_sign": "invite_to_sign",
    "can_ask_to_join": "ask_to_join",
    "can_ask_to_join_any": "ask_to_join_any",
    "can_decide_join_request": "decide_join_request",
    "can_grant_roles": "grant_roles",
    "can_add_member": "add_member",
    "can_edit_directory": "edit_directory",
    "can_hold_api_token": "hold_api_token",
    "can_revoke_api_token": "revoke_api_token",
    "can_import_statements": "import_statements",
    "can_change_account_flags": "change_flags",
    "is_coordinator": "coordinator",
    "is_member": "member",
}


def _user(name: str, **extra):
    return get_user_model().objects.create_user(name, f"{name}@example.org", None, **extra)


@pytest.fixture
def world(db) -> dict:
    icor = Coalition.objects.create(abbreviation="ICOR", name="ICOR", slug="icor")
    cipoml = Coalition.objects.create(abbreviation="CIPOML", name="CIPOML", slug="cipoml")
    mlpd = Organization.objects.create(abbreviation="MLPD", name="MLPD", slug="mlpd", country="DE")
    pce = Organization.objects.create(abbreviation="PCE", name="PCE", slug="pce", country="ES")
    Membership.objects.create(coalition=icor, organization=mlpd)
    Membership.objects.create(coalition=cipoml, organization=pce)
    users = {
        "anon": AnonymousUser(),
        "plain": _user("plain"),
        "deleg": _user("dave"),
        "odeleg": _user("pablo"),
        "transl": _user("tanja"),
        "coord": _user("carol"),
        "ocoord": _user("frank"),
        "staff": _user("alice", is_staff=True),
        "super": get_user_model().objects.create_superuser("root", "root@example.org", None),
        "inact": _user("ina", is_staff=True, is_active=False),
    }
    coordinator, translator = CoalitionRole.Kind.COORDINATOR, CoalitionRole.Kind.TRANSLATOR
    for name, organization in (("deleg", mlpd), ("odeleg", pce), ("inact", mlpd)):
        Delegate.objects.create(user=users[name], organization=organization)
    for name, coalition in (("coord", icor), ("ocoord", cipoml), ("inact", icor)):
        CoalitionRole.objects.create(user=users[name], coalition=coalition, kind=coordinator)
    CoalitionRole.objects.create(
        user=users["transl"], coalition=icor, kind=translator, language="de"
    )

    def statement():
        return create_statement(
            user=users["coord"],
            coalition=icor,
            kind="statement",
            issuer="Committee",
            language="en",
            title="Solidarity",
            subtitle="",
            body="Words.",
        )

    opened = change_state(statement=statement(), user=users["coord"], state=State.OPEN)
    token, __ = create_api_token(user=users["deleg"], name="script")
    return {
        "icor": icor,
        "cipoml": cipoml,
        "mlpd": mlpd,
        "pce": pce,
        "users": users,
        "draft": statement(),
        "statement": opened,
        "token": token,
    }


def test_every_rule_has_a_row():
    answering = {
        name
        for name, function in inspect.getmembers(rules, inspect.isfunction)
        if function.__module__ == rules.__name__ and name.startswith(("can_", "is_"))
    }
    assert answering == set(COVERED)
    assert set(COVERED.values()) == set(RULES) == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_each_rule_answers_as_the_table_says(world, role):
    user = world["users"][role]
    answers = {row: bool(rule(user, world)) for row, rule in RULES.items()}
    assert answers == {row: EXPECTED[row][role] for row in RULES}


def _refused(call) -> bool:
    try:
        call()
    except PermissionDenied:
        return True
    return False


@pytest.mark.parametrize("role", ROLES)
def test_the_actions_refuse_where_the_table_says_so(world, role):
    """The real actions behind a few rows, for each person."""
    user, users = world["users"][role], world["users"]
    join_request = JoinRequest.objects.create(
        coalition=world["icor"], organization=world["pce"], requested_by=users["odeleg"]
    )
    calls = {
        "grant_roles": lambda: grant_role(
            coalition=world["icor"],
            target=users["plain"],
            kind="translator",
            language="fr",
            user=user,
        ),
        "add_member": lambda: add_member(
            coalition=world["icor"], organization=world["pce"], user=user
        ),
        "decide_join_request": lambda: decide_join_request(
            join_request=join_request, user=user, approve=False
        ),
        "ask_to_join": lambda: request_to_join(
            coalition=world["cipoml"], organization=world["mlpd"], user=user, message=""
        ),
        "change_flags": lambda: change_account_flags(
            target=users["plain"], user=user, is_staff=True
        ),
        "revoke_api_token": lambda: revoke_api_token(user=user, token=world["token"]),
    }
    refused = {row: _refused(call) for row, call in calls.items()}
    assert refused == {row: not EXPECTED[row][role] for row in calls}
