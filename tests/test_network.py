"""Who signs with whom: an organization's frequent co-signers and a coalition's network."""

import re

from undersigned.circulation.network import co_signers, coalition_network
from undersigned.coalitions.models import Organization
from undersigned.signing.actions import sign_statement, withdraw_signature
from undersigned.statements.models import Statement


def test_an_organization_lists_who_it_signed_with_most(client, resolution, cipoml_statement):
    mlpd = Organization.objects.get(abbreviation="MLPD")
    partners = co_signers(mlpd)
    assert len(partners) == 10
    assert all(p.together == 1 for p in partners)
    assert partners[0].statements == [resolution]
    html = client.get(mlpd.get_absolute_url()).content.decode()
    assert "Signed most often with" in html
    assert "No to any imperialist or expansionist intervention!" in html


def test_counts_follow_signatures_and_withdrawals(open_statement, dave, mlpd, erin, rode_morgen):
    assert co_signers(mlpd) == []
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    sign_statement(statement=open_statement, organization=rode_morgen, user=erin, version=1)
    [partner] = co_signers(mlpd)
    assert partner.organization == rode_morgen and partner.together == 1
    withdraw_signature(
        statement=open_statement, organization=rode_morgen, user=erin, reason="Not ours."
    )
    assert co_signers(mlpd) == []  # a new change of the statement, a new count


def test_drafts_do_not_count(draft, carol, mlpd, rode_morgen):
    from undersigned.signing.actions import record_signature
    from undersigned.statements.actions import change_state
    from undersigned.statements.models import State

    change_state(statement=draft, user=carol, state=State.OPEN)
    for org in (mlpd, rode_morgen):
        record_signature(statement=draft, organization=org, user=carol, evidence="mail", version=1)
    assert len(co_signers(mlpd)) == 1
    Statement.objects.filter(pk=draft.pk).update(state="draft")
    draft.refresh_from_db()
    draft.touch()
    assert co_signers(mlpd) == []


def test_a_coalition_page_draws_its_network_with_a_table(client, resolution):
    network = coalition_network(resolution.coalition)
    assert network.organizations == 34 and len(network.nodes) == 34
    assert len(network.edges) == 34 * 33 // 2  # everybody signed the one resolution
    html = client.get(resolution.coalition.get_absolute_url()).content.decode()
    svg = re.search(r"<svg viewBox.*?</svg>", html, re.S).group(0)
    assert svg.count("<circle") == 34 and svg.count("<line") == 561
    assert 'role="img" aria-labelledby="network-caption"' in svg
    assert "<caption>Signed together most often</caption>" in html
    assert "<script" not in svg
    regions = set(re.findall(r'fill="(#[0-9a-f]{6})"><title>', svg))
    assert len(regions) >= 5  # coloured by region


def test_a_coalition_without_signatures_draws_nothing(client, cipoml_statement):
    html = client.get(cipoml_statement.coalition.get_absolute_url()).content.decode()
    assert "network-heading" not in html
