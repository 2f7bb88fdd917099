"""The server signs checkpoints with PyNaCl (libsodium, ~3.5 MB resident) instead of
`cryptography` (~11 MB): the same key file, the same signed notes byte for byte."""

import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from undersigned.tlog.note import Checkpoint, open_checkpoint, parse_verifier_key, verifier_key
from undersigned.transparency import keys


def pem_of(key) -> bytes:
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def test_the_key_file_is_written_as_cryptography_writes_it():
    for _ in range(20):
        key = Ed25519PrivateKey.generate()
        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        assert keys.pkcs8_pem(seed) == pem_of(key)


def test_notes_are_those_cryptography_signs(settings, tmp_path):
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "key.pem"
    path.write_bytes(pem_of(key))
    settings.TRANSPARENCY_KEY_FILE = path
    signer = keys.private_key()
    assert isinstance(signer, keys.Signer)
    name = settings.TRANSPARENCY_KEY_NAME
    for size in (0, 1, 7, 123456):
        checkpoint = Checkpoint(f"{name}/log/{size}", size, bytes(range(size % 7, size % 7 + 32)))
        note = checkpoint.sign(name, signer)
        assert note == checkpoint.sign(name, key)
        assert open_checkpoint(note, parse_verifier_key(keys.public_key_text())) == checkpoint
    assert keys.public_key_text() == verifier_key(name, key.public_key())


def test_a_key_file_written_here_is_read_by_cryptography(settings, tmp_path):
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    settings.TRANSPARENCY_KEY_FILE = tmp_path / "new.pem"
    path = keys.ensure_key()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    key = load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    assert keys.public_key_text() == verifier_key(settings.TRANSPARENCY_KEY_NAME, key.public_key())


def test_a_key_of_another_kind_is_refused_as_before(settings, tmp_path):
    path = tmp_path / "rsa.pem"
    path.write_bytes(pem_of(generate_private_key(public_exponent=65537, key_size=2048)))
    settings.TRANSPARENCY_KEY_FILE = path
    with pytest.raises(ValueError, match="no Ed25519 private key"):
        keys.private_key()


def test_signing_loads_no_cryptography(tmp_path):
    path = tmp_path / "key.pem"
    path.write_bytes(pem_of(Ed25519PrivateKey.generate()))
    code = (
        "import sys, django; django.setup()\n"
        "from undersigned.tlog.note import Checkpoint\n"
        "from undersigned.transparency.keys import private_key, public_key_text\n"
        "Checkpoint('o', 1, bytes(32)).sign('example.org', private_key()); public_key_text()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'cryptography', 'nacl'}))\n"
    )
    env = {**os.environ, "TRANSPARENCY_KEY_FILE": str(path), "UNDERSIGNED_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['nacl']"
