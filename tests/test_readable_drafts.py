"""The API's list of drafts (coalitions.permissions.readable_drafts) agrees with the rule that
decides who reads one draft (can_view_statement), for every kind of person of the matrix."""

import pytest

from tests.test_permission_matrix import ROLES, world  # noqa: F401 - the matrix's fixture
from undersigned.coalitions.permissions import can_view_statement, readable_drafts
from undersigned.statements.models import Statement


@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_drafts_shows_what_the_rule_lets_one_read(world, role):  # noqa: F811
    user, draft = world["users"][role], world["draft"]
    listed = Statement.objects.filter(pk=draft.pk).filter(readable_drafts(user)).exists()
    assert listed == can_view_statement(user, draft)
