"""Each signature says how it was given (issue 21, item 5) — on the public list with a legend,
in the JSON export (`given`), the API and the PDF — and the statement's checkpoint rides in its
Atom feed and its API answer (item 4)."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from undersigned.circulation.feeds import CHECKPOINT_NAMESPACE
from undersigned.circulation.pdf import pdf_html
from undersigned.coalitions.models import DomainProof, Membership, Organization
from undersigned.signing.actions import (
    approve_sign_on_signature,
    import_signatures,
    record_signature,
    sign_statement,
)
from undersigned.tlog.note import open_checkpoint, parse_verifier_key
from undersigned.transfer.importing import document_from_json
from undersigned.transparency import services
from undersigned.transparency.keys import public_key_text

API = "/api/v1"


def _member(icor, abbreviation: str, name: str, country: str) -> Organization:
    org = Organization.objects.create(abbreviation=abbreviation, name=name, country=country)
    Membership.objects.create(coalition=icor, organization=org)
    return org


@pytest.fixture
def given(open_statement, icor, carol, dave, erin, mlpd, rode_morgen):
    """MLPD signs through Dave and has proved mlpd.de by DNS; Rode Morgen signs through Erin,
    with no proof; the coordination records KSP's signature, approves PCE's sign-on and imports
    TKP's from a published list."""
    DomainProof.objects.create(
        organization=mlpd, domain="mlpd.de", method="dns", token="t-mlpd", state="verified",
        verified_at=timezone.now(),
    )  # fmt: skip
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    sign_statement(statement=open_statement, organization=rode_morgen, user=erin, version=1)
    ksp = _member(icor, "KSP", "Komunistická strana", "CZ")
    record_signature(statement=open_statement, organization=ksp, user=carol,
                     evidence="Letter of 3 March", version=1)  # fmt: skip
    pce = _member(icor, "PCE", "Partido Comunista de España", "ES")
    text = open_statement.current_text()
    approve_sign_on_signature(
        statement=open_statement, organization=pce, user=carol, text=text, evidence="sign-on #1"
    )
    tkp = _member(icor, "TKP", "Türkiye Komünist Partisi", "TR")
    import_signatures(statement=open_statement, organizations=[(tkp, "line 4")], user=carol,
                      source="the published list", signed_at=timezone.now())  # fmt: skip
    return open_statement


HOW = {
    "MLPD": ("delegate-domain-verified", "signed by a delegate of mlpd.de, domain verified"),
    "RM": ("delegate", "confirmed by a delegate's log-in"),
    "KSP": ("recorded", "recorded by the coordination"),
    "PCE": ("sign-on", "sign-on approved by the coordination"),
    "TKP": ("imported", "imported from a published list"),
}


def test_the_list_says_how_each_signature_was_given_with_a_legend(client, given):
    page = client.get(given.get_absolute_url()).content.decode()
    for abbreviation, (how, label) in HOW.items():
        mark = f'<span class="how how--{how}">{label}</span>'.replace("'", "&#x27;")
        assert mark in page, abbreviation
    # The verified domain is said once, in how MLPD signed, not again as a mark of its own.
    assert "domain verified: mlpd.de" not in page
    legend = page.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    assert legend.count("<li>") == 5
    for start in ("“Signed by a delegate of …, domain verified”", "“Confirmed by a delegate",
                  "“Sign-on approved", "“Imported from a published list”",
                  "“Recorded by the coordination”"):  # fmt: skip
        assert start in legend.replace("&#x27;", "'")
    assert "DKIM" not in legend  # no signature by mail in this list


def test_a_lapsed_proof_is_no_verified_domain(client, given, mlpd):
    DomainProof.objects.filter(organization=mlpd).update(state="lapsed", lapsed_at=timezone.now())
    given.touch()
    page = client.get(given.get_absolute_url()).content.decode()
    assert "domain proof lapsed: mlpd.de" in page
    assert "signed by a delegate of mlpd.de" not in page
    assert page.count('<span class="how how--delegate">') == 2
    assert "“Domain verified”: the organization proved its domain" in page


def test_the_legend_speaks_the_readers_language(client, given):
    page = client.get(f"/de{given.get_absolute_url()}").content.decode()
    assert "aus einer veröffentlichten Liste übernommen" in page


def test_the_export_carries_how_and_still_imports_and_verifies(client, given, tmp_path, capsys):
    document = json.loads(client.get(f"/s/{given.slug}/export.json").content)
    organizations = [s for s in document["signatories"] if s["kind"] == "organization"]
    said = {s["abbreviation"]: (s["given"], s.get("given_domain")) for s in organizations}
    assert said == {
        abbreviation: (how, "mlpd.de" if abbreviation == "MLPD" else None)
        for abbreviation, (how, _label) in HOW.items()
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    call_command("verify", str(path))
    assert capsys.readouterr().out.startswith("OK: 5 signatories")
    # The import reads the export back as it did before (the extra keys are no field of it).
    reread = document_from_json(json.dumps(document))
    assert [s.abbreviation for s in reread.signatories] == [s["abbreviation"]
                                                            for s in organizations]  # fmt: skip


def test_the_api_says_how_and_which_log_entry(client, given):
    answer = client.get(f"{API}/statements/{given.slug}/signatories").json()
    entries = [entry for group in answer["groups"] for entry in group["entries"]]
    in_force = services.signature_entries(given.pk)
    ids = dict(Organization.objects.values_list("abbreviation", "pk"))
    for entry in entries:
        abbreviation = entry["organization"]["abbreviation"]
        assert (entry["given"], entry["given_label"]) == HOW[abbreviation]
        assert entry["log_index"] == in_force[ids[abbreviation]]
    assert {e["given_domain"] for e in entries} == {"mlpd.de", None}


def test_the_api_detail_carries_the_checkpoint(client, given):
    answer = client.get(f"{API}/statements/{given.slug}").json()
    verifier = parse_verifier_key(public_key_text())
    checkpoint = open_checkpoint(answer["checkpoint"], verifier, services.origin(given.pk))
    assert checkpoint.size == answer["log_size"] == services.size(given.pk) == 6


def test_a_drafts_api_answer_has_no_checkpoint(client, draft, carol):
    client.force_login(carol)
    answer = client.get(f"{API}/statements/{draft.slug}").json()
    assert (answer["checkpoint"], answer["log_size"]) == (None, 0)


def test_the_feed_carries_the_checkpoint(client, given):
    response = client.get(f"/s/{given.slug}/feed.atom")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    element = feed.find(f"{{{CHECKPOINT_NAMESPACE}}}checkpoint")
    assert element.get("href") == f"{settings.SITE_URL}/s/{given.slug}/log/checkpoint"
    verifier = parse_verifier_key(public_key_text())
    assert open_checkpoint(element.text, verifier, services.origin(given.pk)).size == 6


def test_a_feed_without_a_checkpoint_declares_no_namespace(client, resolution):
    """Other feeds stay as they were."""
    response = client.get("/feeds/statements.atom")
    assert CHECKPOINT_NAMESPACE.encode() not in response.content


def test_the_pdf_says_how_each_signature_was_given(given):
    html = pdf_html(given, "en")
    for _how, label in HOW.values():
        assert f'<span class="how">({label})</span>'.replace("'", "&#x27;") in html


def test_a_pdf_of_an_imported_list_says_it_once(resolution):
    html = pdf_html(resolution, "en")
    assert "Every signature: imported from a published list." in html
    assert '<span class="how">' not in html.split("</style>", 1)[1]


def test_a_signature_by_dkim_signed_mail_names_the_verified_domain(given, mlpd):
    """The method "email" comes with the inbound mail (issue 21 item 3); the list already says
    it, with the verified domain the mail's DKIM signature aligned with."""
    from undersigned.signing.given import how_given
    from undersigned.signing.models import Signature
    from undersigned.signing.selectors import signatory_list

    Signature.objects.filter(organization=mlpd).update(method="email")
    (entry,) = [e for e in signatory_list(given).entries if e.organization == mlpd]
    assert (entry.given.how, entry.given.label) == (
        "email",
        "signed by e-mail, DKIM-verified for mlpd.de",
    )
    assert entry.other_proofs == entry.proofs  # the domain proof keeps its own mark
    assert how_given(entry.signature, []).label == "signed by e-mail, DKIM-verified"
