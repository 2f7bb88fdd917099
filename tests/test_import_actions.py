"""The import writes through the domain actions: each part checks permission and leaves its
event, and the command line acts as SYSTEM, named in the trail, never as nobody."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from undersigned.audit.actors import SYSTEM
from undersigned.audit.history import public_actor_name
from undersigned.audit.models import Event
from undersigned.audit.services import verify_chain
from undersigned.statements.actions import edit_text
from undersigned.statements.models import State, Statement
from undersigned.statements.translations import import_translation
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

from .conftest import seed_text
from .test_import import MIXED_LIST, counts, write

Kind = Event.Kind


def kinds(statement=None) -> list[str]:
    events = Event.objects.all() if statement is None else Event.objects.filter(statement=statement)
    return list(events.values_list("kind", flat=True))


def test_an_import_without_a_user_is_refused_not_let_through(db):
    with pytest.raises(PermissionDenied):
        import_document(parse(MIXED_LIST), user=None)
    with pytest.raises(PermissionDenied):
        import_document(parse(MIXED_LIST), user=None, dry_run=True)
    assert counts() == (0, 0, 0, 0, 0)


def test_someone_with_no_role_may_not_import_even_a_preview(icor, bob):
    with pytest.raises(PermissionDenied):
        import_document(parse(MIXED_LIST), coalition=icor, user=bob, dry_run=True)


def test_the_command_line_is_named_in_the_trail_as_such(db, tmp_path):
    call_command("import", write(tmp_path, MIXED_LIST), "--state", "open", verbosity=0)
    statement = Statement.objects.get()
    events = list(Event.objects.filter(statement=statement))
    assert events and all(e.actor_id is None and e.actor_name == "command line" for e in events)
    # The public reads "The statement was opened", not "command line opened the statement".
    assert {public_actor_name(e) for e in events} == {""}
    assert statement.created_by is None
    assert verify_chain().ok


def test_every_new_organization_has_its_own_event(icor, carol):
    plan = import_document(parse(seed_text("icor-afghanistan-2021")), coalition=icor, user=carol)
    saved = Event.objects.filter(kind=Kind.ORGANIZATION_SAVED)
    assert saved.count() == len(plan.new_organizations) == 34
    assert set(saved.values_list("organization_id", flat=True)) == {
        match.organization.pk for match in plan.new_organizations
    }
    assert all(e.actor_id == carol.pk for e in saved)
    # To the directory alone: the import made no member.
    assert not Event.objects.filter(kind=Kind.MEMBERSHIP_APPROVED).exists()
    assert not icor.members.exists()


def test_an_imported_statement_is_created_signed_and_published_through_its_actions(db):
    plan = import_document(parse(MIXED_LIST), state=State.CLOSED, user=SYSTEM, source="f.txt")
    statement = plan.saved
    assert kinds(statement) == [
        Kind.STATEMENT_CREATED,
        Kind.SIGNATURE_IMPORTED,
        Kind.SIGNATURE_IMPORTED,
        Kind.SIGNATURE_IMPORTED,
        Kind.ENDORSEMENTS_IMPORTED,
        Kind.STATEMENT_STATE_CHANGED,
        Kind.STATEMENT_STATE_CHANGED,
        Kind.STATEMENT_IMPORTED,
    ]
    opened, closed = Event.objects.filter(kind=Kind.STATEMENT_STATE_CHANGED)
    assert (opened.details["state"], closed.details["state"]) == ("open", "closed")
    # On the day of the list, as it was published, not on the day of the import.
    assert opened.details["at"].startswith("2024-03-01")
    assert (
        statement.opened_at.date().isoformat()
        == "2024-03-01"
        == statement.closed_at.date().isoformat()
    )
    people = Event.objects.get(kind=Kind.ENDORSEMENTS_IMPORTED)
    assert people.details == {"count": 1, "source": "f.txt"}  # how many, never who
    assert verify_chain().ok


def test_a_changed_text_is_a_version_added_as_the_editor_adds_one(resolution, carol, alice):
    """The import and the editor share one action: the same event, the same request to the
    signers to confirm again."""
    changed = seed_text("icor-afghanistan-2021").replace("biggest defeat", "largest defeat")
    import_document(parse(changed), coalition=resolution.coalition, user=alice)
    edit_text(
        statement=resolution,
        user=carol,
        title=resolution.current_text().title,
        subtitle=resolution.current_text().subtitle,
        body=resolution.current_text().body + "\n\nOne more line.",
    )
    by_import, by_edit = Event.objects.filter(kind=Kind.TEXT_VERSION_CREATED)
    assert (by_import.details["version"], by_edit.details["version"]) == (2, 3)
    assert by_import.details.keys() == by_edit.details.keys()
    assert (by_import.actor_id, by_edit.actor_id) == (alice.pk, carol.pk)


def test_a_translation_from_the_command_line_is_checked_too(resolution, bob):
    words = {"title": "Nein", "subtitle": "", "body": "Worte."}
    with pytest.raises(PermissionDenied):
        import_translation(statement=resolution, user=bob, language="de", **words)
    text = import_translation(statement=resolution, user=SYSTEM, language="de", **words)
    event = Event.objects.get(kind=Kind.TEXT_VERSION_CREATED, details__language="de")
    assert text.language == "de" and event.actor_name == "command line"


def test_system_may_import_under_any_coalition_and_nobody_else_by_default(icor, resolution):
    from undersigned.coalitions.permissions import can_import_into

    assert can_import_into(SYSTEM, icor) and can_import_into(SYSTEM, None)
    assert can_import_into(SYSTEM, icor, resolution)
    assert not can_import_into(None, icor)
