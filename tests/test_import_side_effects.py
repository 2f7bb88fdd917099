"""An import records a statement and its signatures, and nothing else."""

import pytest
from django.core.management import CommandError, call_command

from undersigned.audit.actors import SYSTEM
from undersigned.audit.models import Event
from undersigned.audit.services import verify_chain
from undersigned.coalitions.models import Membership, Organization
from undersigned.core.errors import ActionError
from undersigned.endorsements.models import Endorsement
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement, Text
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

from .conftest import seed_text


def counts() -> tuple[int, ...]:
    return (
        Statement.objects.count(),
        Text.objects.count(),
        Organization.objects.count(),
        Signature.objects.count(),
        Endorsement.objects.count(),
        Membership.objects.count(),
    )


def write(tmp_path, content: str, name: str = "statement.txt") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


# --- Signing is not joining -------------------------------------------------------------------


def test_an_import_under_a_coalition_makes_no_organization_a_member(client, icor, tmp_path):
    call_command("import", write(tmp_path, seed_text("icor-afghanistan-2021")), coalition="ICOR")
    assert Signature.objects.count() == 34
    assert Membership.objects.count() == 0 and icor.members.count() == 0
    mlpd = Organization.objects.get(abbreviation="MLPD")
    page = client.get(f"/o/{mlpd.slug}/").content.decode()
    assert "Member of" not in page


# --- Nothing public from a word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello", "no paragraphs"),
        ("Hello\n\nworld\n", "no paragraphs"),
        ("1. MLPD Marxistisch-Leninistische Partei Deutschlands\n", "no title"),
    ],
    ids=["one-word", "title-and-subtitle", "list-only"],
)
def test_a_text_without_title_or_body_is_refused_and_writes_nothing(db, tmp_path, text, message):
    with pytest.raises(CommandError) as error:
        call_command("import", write(tmp_path, text))
    assert message in str(error.value)
    with pytest.raises(ActionError):
        import_document(parse(text), user=SYSTEM)
    assert counts() == (0, 0, 0, 0, 0, 0)
    assert Event.objects.count() == 0


def test_a_text_without_a_title_is_imported_under_the_title_the_person_gives(db, tmp_path):
    path = write(tmp_path, seed_text("cipoml-afghanistan-2021"))
    with pytest.raises(CommandError, match="A drama is taking place in Afghanistan"):
        call_command("import", path)  # the message suggests the first sentence
    call_command("import", path, title="A drama in Afghanistan")
    assert Statement.objects.get().current_text().title == "A drama in Afghanistan"


# --- The same statement twice -----------------------------------------------------------------


def test_the_same_text_imported_twice_is_recognized(icor, tmp_path, capsys):
    path = write(tmp_path, seed_text("icor-afghanistan-2021"))
    call_command("import", path, coalition="ICOR")
    before = counts()
    call_command("import", path, coalition="ICOR")
    out = capsys.readouterr().out
    assert "exists already (same title and issuer" in out
    assert "Nothing to import" in out
    assert counts() == before and Statement.objects.count() == 1


def test_the_same_text_under_another_title_is_asked_about(icor, tmp_path, capsys):
    """Renamed, or another statement with the same words? Not attached unasked (issue 22)."""
    text = seed_text("icor-afghanistan-2021")
    call_command("import", write(tmp_path, text), coalition="ICOR")
    retitled = text.replace(
        "No to any imperialist or expansionist intervention!", "No to any intervention!"
    )
    longer = retitled + "\n35. XYZ Xylophone Youth Zone, Chile\n"
    with pytest.raises(CommandError, match="under another title"):
        call_command("import", write(tmp_path, longer, "b.txt"), coalition="ICOR")
    assert Statement.objects.get().signatures.count() == 34
    # Given the existing title, it adds to it.
    title = "No to any imperialist or expansionist intervention!"
    call_command("import", write(tmp_path, longer, "b.txt"), coalition="ICOR", title=title)
    statement = Statement.objects.get()
    assert statement.signatures.count() == 35


def test_the_same_title_and_issuer_with_an_edited_text_is_a_new_version(icor, tmp_path):
    text = seed_text("icor-afghanistan-2021")
    call_command("import", write(tmp_path, text), coalition="ICOR", state="open")
    edited = text.replace("Long live", "Long live, again,")
    call_command("import", write(tmp_path, edited, "b.txt"), coalition="ICOR")
    statement = Statement.objects.get()
    assert sorted(statement.texts.values_list("version", flat=True)) == [1, 2]


def test_the_same_statement_under_another_coalition_is_refused(icor, cipoml, tmp_path):
    path = write(tmp_path, seed_text("icor-afghanistan-2021"))
    call_command("import", path, coalition="ICOR")
    before = counts()
    with pytest.raises(CommandError, match=r"exists already at /s/.*, under ICOR"):
        call_command("import", path, coalition="CIPOML")
    with pytest.raises(CommandError, match="under ICOR"):
        call_command("import", path)
    assert counts() == before


# --- A draft unless the person importing says otherwise ---------------------------------------


def test_an_import_is_a_draft_unless_a_state_is_chosen(icor, client, tmp_path, capsys):
    call_command("import", write(tmp_path, seed_text("icor-afghanistan-2021")), coalition="ICOR")
    assert "saved as: Draft." in capsys.readouterr().out
    statement = Statement.objects.get()
    assert statement.state == State.DRAFT and statement.opened_at is None
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert "No to any imperialist" not in client.get("/").content.decode()


def test_the_state_chosen_is_the_state_given(icor, tmp_path):
    call_command(
        "import",
        write(tmp_path, seed_text("icor-afghanistan-2021")),
        coalition="ICOR",
        state="closed",
    )
    statement = Statement.objects.get()
    assert statement.state == State.CLOSED
    assert statement.opened_at.date().isoformat() == "2021-09-15"
    assert statement.closed_at == statement.opened_at
    with pytest.raises(CommandError):
        call_command("import", write(tmp_path, seed_text("icor-afghanistan-2021")), "--state=nope")


# --- Signatures through the signing action ----------------------------------------------------


def test_imported_signatures_are_audited_with_their_source(icor, tmp_path):
    call_command(
        "import", write(tmp_path, seed_text("icor-afghanistan-2021"), "icor.txt"), coalition="ICOR"
    )
    events = Event.objects.filter(kind=Event.Kind.SIGNATURE_IMPORTED)
    assert events.count() == 34
    uoc = events.get(organization_label="UoC")
    assert uoc.details == {"version": 1, "evidence": "icor.txt, #28"}
    signature = Signature.objects.get(organization__abbreviation="UoC")
    assert signature.method == Method.IMPORTED and signature.evidence == "icor.txt, #28"
    summary = Event.objects.get(kind=Event.Kind.STATEMENT_IMPORTED)
    assert summary.details["source"] == "icor.txt" and summary.details["state"] == "draft"
    assert verify_chain().ok


def test_no_signature_is_imported_into_a_closed_statement(resolution, alice, tmp_path):
    change_state(statement=resolution, user=alice, state=State.CLOSED)
    longer = seed_text("icor-afghanistan-2021") + "\n35. XYZ Xylophone Youth Zone, Chile\n"
    before = counts()
    with pytest.raises(CommandError, match="is closed: reopen it"):
        call_command("import", write(tmp_path, longer), coalition="ICOR")
    assert counts() == before


def test_the_signing_action_checks_the_state_under_the_lock(resolution, alice):
    from undersigned.signing.actions import import_signatures

    change_state(statement=resolution, user=alice, state=State.CLOSED)
    new = Organization.objects.create(name="Xylophone Youth Zone", country="CL")
    with pytest.raises(ActionError, match="reopen it"):
        import_signatures(
            statement=resolution,
            organizations=[(new, "#35")],
            user=alice,
            source="letter",
            signed_at=resolution.opened_at,
        )
    assert not new.signatures.exists()


def test_only_coordinators_of_the_coalition_import_under_it(icor, bob, carol):
    from django.core.exceptions import PermissionDenied

    document = parse(seed_text("icor-afghanistan-2021"))
    with pytest.raises(PermissionDenied):
        import_document(document, coalition=icor, user=bob)
    assert Statement.objects.count() == 0
    plan = import_document(document, coalition=icor, user=carol, source="page")
    assert plan.saved.created_by == carol


# --- Fields too long for their column ---------------------------------------------------------


def test_a_name_of_200000_characters_gets_a_message_not_a_traceback(db):
    # The parser does not take such a line for an entry; a corrected or generated list may.
    document = parse("Title\n\nA paragraph.\n\nSignatories:\n\n1. ABC Assoc of Bakers, France\n")
    document.signatories[0].name = "Long" * 50_000
    with pytest.raises(ActionError) as error:
        import_document(document, user=SYSTEM)
    assert "the name is 200000 characters long; at most 300 fit" in error.value.message
    assert len(error.value.message) < 500
    assert counts() == (0, 0, 0, 0, 0, 0)
