"""A signatory renamed in the directory while its signature stands: the log says so (an
"organization" entry), so that the export's list, which shows the new name, still verifies."""

import json
from io import StringIO

from django.core.management import call_command

from undersigned.coalitions.actions import save_organization
from undersigned.signing.actions import sign_statement, withdraw_signature
from undersigned.transparency import services


def test_a_renamed_signatory_is_logged_and_the_export_still_verifies(
    client, open_statement, alice, dave, erin, mlpd, rode_morgen, tmp_path, capsys
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    sign_statement(statement=open_statement, organization=rode_morgen, user=erin, version=1)
    withdraw_signature(statement=open_statement, organization=rode_morgen, user=erin, reason="No")
    size = services.size(open_statement.pk)
    mlpd.name_en = "Marxist-Leninist Party of Germany (MLPD)"
    save_organization(organization=mlpd, user=alice)
    rode_morgen.name = "Rode Morgen (NL)"  # withdrawn: the list does not show it
    save_organization(organization=rode_morgen, user=alice)
    entries = services.entries(open_statement.pk)
    assert len(entries) == size + 1
    assert entries[-1]["kind"] == "organization"
    assert entries[-1]["organization"]["name_en"] == "Marxist-Leninist Party of Germany (MLPD)"
    # Saved again unchanged: nothing to log.
    save_organization(organization=mlpd, user=alice)
    assert services.size(open_statement.pk) == size + 1
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert "Marxist-Leninist Party of Germany (MLPD)" in page  # the cached list was refreshed
    path = tmp_path / "export.json"
    document = json.loads(client.get(f"/s/{open_statement.slug}/export.json").content)
    assert document["signatories"][0]["log_index"] == size
    path.write_text(json.dumps(document))
    capsys.readouterr()
    call_command("verify", str(path))
    assert capsys.readouterr().out.startswith("OK: 1 signatories")
    call_command("audit", "verify", stdout=StringIO(), stderr=StringIO())
