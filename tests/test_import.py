import pytest
from django.core.management import CommandError, call_command

from undersigned.audit.actors import SYSTEM
from undersigned.coalitions.models import Organization
from undersigned.endorsements.models import Endorsement
from undersigned.signing.models import Method, Signature
from undersigned.statements.models import Kind, State, Statement, Text
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

from .conftest import seed_text

MIXED_LIST = """Joint statement

Solidarity with the dockers

The dockers' strike deserves our support.

Signatories (as of 1 March 2024, further signatories possible):

1. MLPD Marxistisch-Leninistische Partei Deutschlands (Marxist-Leninist Party of Germany)
2. RM Rode Morgen (Red Dawn), Netherlands
3. NEW Brand New Organisation of Workers, France
4. Jane Doe, University of Lisbon
"""


def write(tmp_path, content: bytes | str, name: str = "statement.txt"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(path)


def counts() -> tuple[int, ...]:
    return (
        Statement.objects.count(),
        Text.objects.count(),
        Organization.objects.count(),
        Signature.objects.count(),
        Endorsement.objects.count(),
    )


def test_it_imports_the_resolution_with_34_signatures(resolution, icor):
    assert resolution.kind == Kind.RESOLUTION
    assert resolution.state == State.OPEN
    text = resolution.current_text()
    assert text.title == "No to any imperialist or expansionist intervention!"
    assert text.subtitle.startswith("The workers and women")
    assert "**the biggest defeat since the Vietnam War**" in text.body
    signatures = list(resolution.signatures.in_signing_order().select_related("organization"))
    assert len(signatures) == 34
    assert all(s.method == Method.IMPORTED and s.text == text for s in signatures)
    assert signatures[0].organization.abbreviation == "PCPCI"
    assert signatures[0].organization.country.code == "CI"
    assert signatures[16].organization.name_en == "Marxist-Leninist Party of Germany"
    assert signatures[0].signed_at.date().isoformat() == "2021-09-15"


def test_it_imports_the_statement_without_title_or_signatories(cipoml_statement):
    assert cipoml_statement.issuer.endswith("Coordination Committee")
    assert cipoml_statement.current_text().title.startswith("A drama is taking place")
    assert cipoml_statement.signatures.count() == 0
    assert cipoml_statement.state == State.CLOSED


def test_it_does_not_duplicate_anything_when_imported_twice(resolution, icor):
    before = counts()
    plan = import_document(parse(seed_text("icor-afghanistan-2021")), coalition=icor, user=SYSTEM)
    assert plan.changes_nothing
    assert counts() == before


def test_it_reuses_organizations_and_adds_only_new_signatures(resolution):
    plan = import_document(parse(MIXED_LIST), user=SYSTEM)
    statement = plan.saved
    assert statement.kind == Kind.JOINT_STATEMENT
    assert Organization.objects.count() == 35  # MLPD and RM reused, NEW created
    mlpd = Organization.objects.get(abbreviation="MLPD")
    assert set(mlpd.signatures.values_list("statement__slug", flat=True)) == {
        resolution.slug,
        statement.slug,
    }
    assert statement.endorsements.get().affiliation == "University of Lisbon"


def test_it_adds_the_new_signatories_of_a_longer_list(resolution, icor):
    longer = seed_text("icor-afghanistan-2021") + "\n35. XYZ Xylophone Youth Zone, Chile\n"
    plan = import_document(parse(longer), coalition=icor, user=SYSTEM)
    assert plan.statement == resolution
    assert not plan.new_text
    assert [m.entry.abbreviation for m in plan.new_signatures] == ["XYZ"]
    assert resolution.signatures.count() == 35


def test_it_makes_a_new_version_when_the_text_changed(resolution, icor):
    changed = seed_text("icor-afghanistan-2021").replace("Long live", "Long live, again,")
    import_document(parse(changed), coalition=icor, user=SYSTEM)
    assert list(resolution.texts.values_list("version", flat=True)) == [2, 1]
    assert resolution.signatures.filter(text__version=1).count() == 34


def test_the_command_imports_a_file(db, icor, tmp_path, capsys):
    path = write(tmp_path, seed_text("icor-afghanistan-2021"))
    call_command("import", path, coalition="icor")
    out = capsys.readouterr().out
    assert "34 new signatures" in out
    assert Signature.objects.count() == 34


def test_the_dry_run_writes_nothing(db, icor, tmp_path, capsys):
    path = write(tmp_path, seed_text("icor-afghanistan-2021"))
    call_command("import", path, coalition="ICOR", dry_run=True)
    out = capsys.readouterr().out
    assert "dry run" in out and "34 new signatures" in out and "MLPD" in out
    assert counts() == (0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Resolution\n\nTitle\n\nCaf\xe9 au lait".encode("latin-1"), "Line 5"),
        (b"x" * (5 * 1024 * 1024 + 1), "5,242,881 bytes; the limit is 5,242,880 bytes"),
        (b"!!!\n???\n", "No statement found"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "too-large", "no-content"],
)
def test_the_command_refuses_bad_files_and_writes_nothing(db, tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(CommandError) as error:
        call_command("import", path)
    assert message in str(error.value)
    assert counts() == (0, 0, 0, 0, 0)


def test_the_command_names_a_missing_file_and_an_unknown_coalition(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", str(tmp_path / "missing.txt"))
    path = write(tmp_path, MIXED_LIST)
    with pytest.raises(CommandError, match="no coalition 'NOPE'"):
        call_command("import", path, coalition="NOPE")
    assert counts() == (0, 0, 0, 0, 0)


def test_a_failure_midway_leaves_nothing_behind(db, monkeypatch):
    from undersigned.transfer import importing

    def fail(entry):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "_new_organization", fail)
    with pytest.raises(RuntimeError):
        import_document(parse(MIXED_LIST), user=SYSTEM)
    assert counts() == (0, 0, 0, 0, 0)
