"""The signing forms agree: every signature, first or confirmed again, needs "I confirm"; a
withdrawal without a reason keeps its form open with the error at the field (issue 19,
item 15)."""

import re

from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Signature
from undersigned.statements.actions import edit_text


def _version_2(statement, user) -> None:
    edit_text(statement=statement, user=user, title="Solidarity", subtitle="", body="Two.")


def test_confirming_version_2_needs_the_confirmation_box(client, open_statement, carol, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    _version_2(open_statement, carol)
    client.force_login(dave)
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert "I confirm that this organization signs version 2 of the text." in page
    url = f"/s/{open_statement.slug}/reconfirm/"
    answer = client.post(url, {"organization": mlpd.pk, "version": 2}, follow=True)
    assert "Tick the box to confirm the signature." in answer.content.decode()
    assert Signature.objects.get().text.version == 1
    client.post(url, {"organization": mlpd.pk, "version": 2, "confirm": "on"})
    assert Signature.objects.get().text.version == 2


def test_an_empty_reason_keeps_the_withdrawal_form_open_with_the_error_at_the_field(
    client, open_statement, dave, mlpd
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    client.force_login(dave)
    url = f"/s/{open_statement.slug}/withdraw/"
    answer = client.post(url, {"organization": mlpd.pk, "confirm": "on", "reason": "  "})
    assert answer.status_code == 200
    html = answer.content.decode()
    field = html[html.index('name="reason"') :]
    field = field[: field.index("</div>") + 200]
    assert "Say publicly why the signature is withdrawn." in field
    assert re.search(r'<input type="checkbox" name="confirm"[^>]* checked', html)
    assert f'action="{url}"' in html
    assert not Signature.objects.get().is_withdrawn
    client.post(url, {"organization": mlpd.pk, "confirm": "on", "reason": "Congress decided."})
    assert Signature.objects.get().is_withdrawn


def test_withdrawing_the_statement_without_a_reason_keeps_the_form_open(
    client, open_statement, carol
):
    client.force_login(carol)
    url = f"/s/{open_statement.slug}/state/"
    answer = client.post(url, {"state": "withdrawn", "reason": " "})
    assert answer.status_code == 200
    html = answer.content.decode()
    field = html[html.index('name="reason"') :]
    assert "Say why the statement is withdrawn" in field[: field.index("</div>") + 200]
    open_statement.refresh_from_db()
    assert open_statement.state == "open"
    client.post(url, {"state": "withdrawn", "reason": "Mistaken."})
    open_statement.refresh_from_db()
    assert open_statement.state == "withdrawn"
