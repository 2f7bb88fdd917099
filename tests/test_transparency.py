"""Each statement's transparency log: what signing appends, what the export carries, the
addresses that prove it, and the verifiers that check it offline (issue 21, item 4)."""

import base64
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from undersigned.signing.actions import reconfirm_signature, sign_statement, withdraw_signature
from undersigned.statements.actions import edit_text
from undersigned.statements.log import words_sha256
from undersigned.tlog.entries import entry_bytes
from undersigned.tlog.merkle import leaf_hash, verify_inclusion
from undersigned.tlog.note import open_checkpoint, parse_verifier_key
from undersigned.transparency import services
from undersigned.transparency.keys import public_key_text


@pytest.fixture
def signed(open_statement, dave, erin, mlpd, rode_morgen):
    """MLPD and Rode Morgen sign; Rode Morgen withdraws; the text changes, MLPD re-confirms."""
    for user, organization in ((dave, mlpd), (erin, rode_morgen)):
        sign_statement(statement=open_statement, organization=organization, user=user, version=1)
    withdraw_signature(
        statement=open_statement, organization=rode_morgen, user=erin, reason="Not our words"
    )
    carol = open_statement.coalition.roles.first().user
    edit_text(statement=open_statement, user=carol, title="Solidarity with the dockers",
              subtitle="", body="The dockers' strike deserves our support, now.")  # fmt: skip
    reconfirm_signature(statement=open_statement, organization=mlpd, user=dave, version=2)
    return open_statement


def export_json(client, statement) -> dict:
    response = client.get(f"/s/{statement.slug}/export.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_signing_appends_what_happened_in_order(signed, mlpd, rode_morgen):
    kinds = [(e["kind"], e.get("organization", {}).get("id")) for e in services.entries(signed.pk)]
    assert kinds == [
        ("version", None),  # the opening: the words the public reads from now on
        ("signature", mlpd.pk),
        ("signature", rode_morgen.pk),
        ("withdrawal", rode_morgen.pk),
        ("version", None),
        ("reconfirmation", mlpd.pk),
    ]
    entries = services.entries(signed.pk)
    assert entries[1]["organization"]["name"] == mlpd.name
    assert [e["version"] for e in entries if e["kind"] == "version"] == [1, 2]
    assert entries[4]["sha256"] == words_sha256(signed.current_text())


def test_the_export_carries_a_log_that_undersigned_verify_accepts(client, signed, tmp_path, capsys):
    document = export_json(client, signed)
    log = document["transparency"]
    assert log["public_key"] == public_key_text()
    assert [s["log_index"] for s in document["signatories"] if s["kind"] == "organization"] == [5]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    call_command("verify", str(path))
    assert capsys.readouterr().out.startswith("OK: 1 signatories, proved by 6 log entries")
    # A reader who removed the withdrawal from the log, to list Rode Morgen again, is caught.
    del log["entries"][3]
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError):
        call_command("verify", str(path))


def test_the_downloaded_verifier_checks_an_export_alone(client, signed, tmp_path):
    script = tmp_path / "verify_undersigned.py"
    script.write_bytes(client.get("/verify_undersigned.py").content)
    document = export_json(client, signed)
    (tmp_path / "export.json").write_text(json.dumps(document))
    key = client.get("/.well-known/undersigned-log-key").content.decode().strip()
    run = [sys.executable, "-I", str(script), "--key", key, "export.json"]
    result = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document["signatories"][0]["name"] = "Somebody else"
    (tmp_path / "export.json").write_text(json.dumps(document))
    result = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "FAILED" in result.stderr


def test_the_log_addresses_prove_inclusion_and_growth(client, signed, dave, mlpd, tmp_path):
    verifier = parse_verifier_key(public_key_text())
    before = client.get(f"/s/{signed.slug}/log/checkpoint").content.decode()
    earlier = open_checkpoint(before, verifier, services.origin(signed.pk))
    assert earlier.size == 6
    withdraw_signature(statement=signed, organization=mlpd, user=dave, reason="Changed our mind")
    now = open_checkpoint(client.get(f"/s/{signed.slug}/log/checkpoint").content.decode(), verifier)
    assert now.size == 7
    # Inclusion: the first entry is in the log of 7.
    proof = client.get(f"/s/{signed.slug}/log/proof?index=0").content.decode()
    hashes = [base64.b64decode(line) for line in proof.split("\n\n")[0].split("\n")[2:] if line]
    entry = services.entries(signed.pk)[0]
    verify_inclusion(leaf_hash(entry_bytes(entry)), 0, 7, hashes, now.root)
    # Consistency: the log of 7 extends the one of 6, checked by the command.
    proof_file = tmp_path / "consistency.txt"
    proof_file.write_bytes(client.get(f"/s/{signed.slug}/log/consistency?from=6").content)
    (tmp_path / "old.txt").write_text(before)
    (tmp_path / "new.txt").write_text(
        client.get(f"/s/{signed.slug}/log/checkpoint").content.decode()
    )
    call_command("verify", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"),
                 "--proof", str(proof_file))  # fmt: skip


@pytest.mark.parametrize("query", ["", "?index=x", "?index=99", "?index=0&size=99"])
def test_a_proof_asked_for_wrongly_is_a_400_that_says_why(client, signed, query):
    response = client.get(f"/s/{signed.slug}/log/proof{query}")
    assert response.status_code == 400
    assert response.content


def test_a_draft_has_no_public_log(client, draft):
    assert client.get(f"/s/{draft.slug}/log/checkpoint").status_code == 404


@pytest.mark.parametrize("prefix", ["", "/fa", "/de"])
def test_how_to_check_shows_the_key_in_every_language(client, prefix):
    response = client.get(f"{prefix}/how-to-check/")
    assert response.status_code == 200
    assert public_key_text() in response.content.decode()


def test_the_statement_page_and_pdf_show_the_checkpoint(client, signed):
    page = client.get(f"/s/{signed.slug}/").content.decode()
    assert services.origin(signed.pk) in page
    assert "/how-to-check/" in page


def test_an_old_export_is_extended_by_a_newer_one(client, signed, dave, mlpd, tmp_path, capsys):
    (tmp_path / "old.json").write_text(json.dumps(export_json(client, signed)))
    withdraw_signature(statement=signed, organization=mlpd, user=dave, reason="Changed our mind")
    (tmp_path / "new.json").write_text(json.dumps(export_json(client, signed)))
    call_command("verify", str(tmp_path / "old.json"), str(tmp_path / "new.json"))
    assert "OK: 7 entries extend the 6" in capsys.readouterr().out


def test_a_signed_checkpoint_is_kept_until_the_log_grows_or_the_key_changes(
    signed, settings, tmp_path
):
    """The signed note is cached (a web worker then needs no `cryptography` to show the
    page); a new key must sign at once, not after the cache forgets."""
    first = services.signed_checkpoint(signed.pk)
    assert services.signed_checkpoint(signed.pk) == first
    settings.TRANSPARENCY_KEY_FILE = tmp_path / "new-key.pem"
    renewed = services.signed_checkpoint(signed.pk)
    assert renewed != first
    assert open_checkpoint(renewed, parse_verifier_key(public_key_text())).size == len(
        services.entries(signed.pk)
    )
