"""Roles and delegates moved from accounts to coalitions in Django's state only: a database with
rows in those tables migrates forward without losing one, and back again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

CONTENT_TYPES = ("contenttypes", "0002_remove_content_type_name")
BEFORE = [("accounts", "0002_apitoken"), ("coalitions", "0002_invitation_statement"), CONTENT_TYPES]
AFTER = [("accounts", "0003_move_membership_to_coalitions"), CONTENT_TYPES]


def _migrate(targets: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_it_keeps_roles_and_delegates_when_they_move_to_coalitions():
    old = _migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="dora", email="d@example.org")
    coalition = old.get_model("coalitions", "Coalition").objects.create(
        abbreviation="ICOR", name="ICOR", slug="icor"
    )
    organization = old.get_model("coalitions", "Organization").objects.create(
        abbreviation="MLPD", name="MLPD", slug="mlpd", country="DE"
    )
    role = old.get_model("accounts", "CoalitionRole").objects.create(
        user=user, coalition=coalition, kind="coordinator"
    )
    delegate = old.get_model("accounts", "Delegate").objects.create(
        user=user, organization=organization
    )
    content_types = old.get_model("contenttypes", "ContentType").objects
    role_type = content_types.get_or_create(app_label="accounts", model="coalitionrole")[0]

    new = _migrate(AFTER)

    moved_role = new.get_model("coalitions", "CoalitionRole").objects.get()
    assert (moved_role.pk, moved_role.user_id, moved_role.coalition_id, moved_role.kind) == (
        role.pk,
        user.pk,
        coalition.pk,
        "coordinator",
    )
    moved_delegate = new.get_model("coalitions", "Delegate").objects.get()
    assert (moved_delegate.pk, moved_delegate.organization_id) == (delegate.pk, organization.pk)
    # The admin's permissions and history keep pointing at the same content type.
    assert new.get_model("contenttypes", "ContentType").objects.get(pk=role_type.pk).app_label == (
        "coalitions"
    )
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert {"accounts_coalitionrole", "accounts_delegate"} <= set(tables)

    # And back: the older code finds its rows where it left them.
    back = _migrate(BEFORE)
    assert back.get_model("accounts", "CoalitionRole").objects.get().pk == role.pk
    assert back.get_model("accounts", "Delegate").objects.get().pk == delegate.pk
    _migrate(AFTER)
