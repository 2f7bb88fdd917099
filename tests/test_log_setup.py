"""The transparency key as part of setup, the "How to check this list" link on every page, and
the demo's ICOR resolution with its checkpoint, export and verification (issue 21, item 4)."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from undersigned.signing.actions import sign_statement
from undersigned.statements.models import Statement
from undersigned.tlog.note import open_checkpoint, parse_verifier_key
from undersigned.transparency import services
from undersigned.transparency.keys import public_key_text

LANGUAGES = {
    "en": "How to check this list",
    "de": "So prüfen Sie diese Liste",
    "fr": "Comment vérifier cette liste",
    "es": "Cómo comprobar esta lista",
    "tr": "Bu liste nasıl doğrulanır",
    "fa": "چگونه این فهرست را وارسی کنیم",
}


def test_logkey_creates_the_key_once_and_shows_its_public_half(settings, tmp_path):
    settings.TRANSPARENCY_KEY_FILE = tmp_path / "keys" / "log.pem"
    out = StringIO()
    call_command("logkey", stdout=out)
    assert out.getvalue().startswith(f"Transparency key created: {tmp_path}/keys/log.pem\n")
    assert (tmp_path / "keys" / "log.pem").stat().st_mode & 0o777 == 0o600
    pem = (tmp_path / "keys" / "log.pem").read_bytes()
    out = StringIO()
    call_command("logkey", stdout=out)
    assert out.getvalue().startswith("Transparency key kept:")
    assert (tmp_path / "keys" / "log.pem").read_bytes() == pem
    out = StringIO()
    call_command("logkey", "--show", stdout=out)
    assert out.getvalue() == public_key_text() + "\n"
    parse_verifier_key(out.getvalue())


def test_an_operators_own_key_is_used_as_it_is(settings, tmp_path, open_statement):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    own = Ed25519PrivateKey.generate()
    path = tmp_path / "own.pem"
    path.write_bytes(own.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    settings.TRANSPARENCY_KEY_FILE = path
    call_command("logkey", stdout=StringIO())
    assert path.read_bytes() == own.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    from undersigned.tlog.note import verifier_key

    assert public_key_text() == verifier_key(settings.TRANSPARENCY_KEY_NAME, own.public_key())
    checkpoint = services.signed_checkpoint(open_statement.pk)
    open_checkpoint(checkpoint, parse_verifier_key(public_key_text()))


def test_the_how_to_check_page_lists_earlier_keys(client, settings, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from undersigned.tlog.note import verifier_key

    earlier = verifier_key("undersigned.example", Ed25519PrivateKey.generate().public_key())
    page = client.get("/how-to-check/").content.decode()
    assert "Earlier keys" not in page
    settings.TRANSPARENCY_EARLIER_KEYS = [earlier]
    page = client.get("/how-to-check/").content.decode()
    assert "Earlier keys" in page and earlier in page and public_key_text() in page


def test_a_mistyped_earlier_key_stops_the_start(settings):
    settings.TRANSPARENCY_EARLIER_KEYS = ["undersigned.example+0123abcd+notakey"]
    with pytest.raises(SystemCheckError, match=r"transparency\.E001"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_how_to_check_in_its_language(client, db, language):
    prefix = "" if language == "en" else f"/{language}"
    for path in ("/", "/archive/", "/search/"):
        page = client.get(f"{prefix}{path}").content.decode()
        footer = page.split('<footer class="site-footer">', 1)[1]
        assert f'<a href="{prefix}/how-to-check/">{LANGUAGES[language]}</a>' in footer


def test_the_demo_resolution_shows_and_exports_a_checkpoint_that_verifies(
    db, client, settings, tmp_path, capsys
):
    settings.VAR_DIR = tmp_path
    settings.TRANSPARENCY_KEY_FILE = tmp_path / "transparency_ed25519.pem"
    call_command("demo")
    said = capsys.readouterr().out
    assert f"Transparency key created: {tmp_path}/transparency_ed25519.pem" in said
    resolution = Statement.objects.get(coalition__abbreviation="ICOR")
    key = client.get("/.well-known/undersigned-log-key").content.decode().strip()
    verifier = parse_verifier_key(key)
    # The page shows the checkpoint of its log, signed by the published key.
    page = client.get(resolution.get_absolute_url()).content.decode()
    shown = re.search(r'<details class="transparency-log">.*?<code>(.*?)</code>', page, re.S)
    checkpoint = open_checkpoint(shown.group(1).replace("&#x27;", "'"), verifier)
    assert checkpoint.size == services.size(resolution.pk) > 34
    # Its export carries the same signed checkpoint, which `undersigned verify` accepts with the
    # published key.
    export = client.get(f"/s/{resolution.slug}/export.json")
    document = json.loads(export.content)
    assert open_checkpoint(document["transparency"]["checkpoint"], verifier) == checkpoint
    path = tmp_path / "export.json"
    path.write_bytes(export.content)
    call_command("verify", str(path), "--key", key)
    assert capsys.readouterr().out.startswith("OK: 34 signatories")
    # Changed, it fails.
    document["signatories"][0]["name"] = "Somebody else"
    path.write_text(json.dumps(document))
    with pytest.raises(Exception, match="do not verify"):
        call_command("verify", str(path), "--key", key)


def test_after_a_rotation_an_old_checkpoint_verifies_with_the_old_key_and_the_new_log_extends_it(
    client, settings, tmp_path, open_statement, dave, mlpd, capsys
):
    """The operator loses or rotates the key (docs/operations.md): the name stays, the new key
    has a new ID, readers check the earlier file with the earlier key."""
    old_key = public_key_text()
    old = tmp_path / "old.txt"
    old.write_text(client.get(f"/s/{open_statement.slug}/log/checkpoint").content.decode())
    settings.TRANSPARENCY_KEY_FILE = tmp_path / "new.pem"
    call_command("logkey", stdout=StringIO())
    new_key = public_key_text()
    assert new_key.split("+")[0] == old_key.split("+")[0] and new_key != old_key
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    export = tmp_path / "export.json"
    export.write_bytes(client.get(f"/s/{open_statement.slug}/export.json").content)
    capsys.readouterr()
    with pytest.raises(CommandError):  # the old checkpoint is not the new key's
        call_command("verify", str(old), str(export))
    call_command("verify", str(old), str(export), "--earlier-key", old_key)
    assert capsys.readouterr().out == "OK: 2 entries extend the 1 of the earlier checkpoint.\n"
    call_command("verify", str(old), "--key", old_key)
