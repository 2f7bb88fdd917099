"""Carol reminds the organizations that have not signed, or not confirmed a new version: she
sees how many mails will go, they go in each reader's language, and not twice in a week."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from undersigned.accounts.models import Profile
from undersigned.audit.models import Event
from undersigned.coalitions.models import Delegate, Membership, Organization
from undersigned.core.errors import ActionError
from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Reminder
from undersigned.signing.reminders import plan_reminders, send_reminders
from undersigned.statements.actions import edit_text
from undersigned.statements.translations import save_translation


@pytest.fixture
def three_members(icor, mlpd, rode_morgen, dave, erin):
    """The MLPD (Dave reads German), Rode Morgen (Erin reads Persian) and a union whose delegate
    Uma reads English; and one member with nobody to write to."""
    union = Organization.objects.create(abbreviation="TU", name="Trade Union", country="GB")
    Membership.objects.create(coalition=icor, organization=union)
    uma = get_user_model().objects.create_user("uma", "uma@example.org", "x")
    Delegate.objects.create(user=uma, organization=union)
    lonely = Organization.objects.create(abbreviation="LO", name="Lonely", country="FR")
    Membership.objects.create(coalition=icor, organization=lonely)
    Profile.objects.create(user=dave, language="de")
    Profile.objects.create(user=erin, language="fa")
    return {"dave": dave, "erin": erin, "uma": uma}


def _body(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_carol_reminds_those_who_have_not_signed(
    client, carol, open_statement, three_members, smtp_server, run_tasks
):
    save_translation(
        statement=open_statement,
        user=carol,
        language="de",
        title="Solidarität mit den Hafenarbeitern",
        subtitle="",
        body="Der Streik verdient unsere Unterstützung.",
    )
    client.force_login(carol)
    page = client.get("/fa/c/icor/reminders/")  # Carol reads the site in Persian
    ((__, (to_sign, __)),) = page.context["rounds"]
    assert to_sign.mails == 3
    assert [o.abbreviation for o in to_sign.unreachable] == ["LO"]
    response = client.post(
        f"/fa/c/icor/reminders/{open_statement.slug}/", {"kind": "sign", "mails": "3"}
    )
    assert response.status_code == 302
    assert Reminder.objects.count() == 3
    assert Event.objects.filter(kind=Event.Kind.REMINDER_SENT).count() == 3
    run_tasks()
    by_address = {str(m["To"]): m for m in smtp_server.messages}
    assert sorted(by_address) == ["dave@example.org", "erin@example.org", "uma@example.org"]
    assert "Solidarität mit den Hafenarbeitern" in _body(by_address["dave@example.org"])
    assert "erinnert" in _body(by_address["dave@example.org"])
    assert "یادآوری" in by_address["erin@example.org"]["Subject"]
    html = by_address["erin@example.org"].get_body(("html",)).get_content()
    assert '<html lang="fa" dir="rtl">' in html  # a Persian mail reads right to left
    # Persian has no current translation: the original title, in a Persian sentence.
    assert "Solidarity with the dockers" in _body(by_address["erin@example.org"])
    assert "reminds you" in _body(by_address["uma@example.org"])

    # Pressed again: nobody is reminded twice within the interval.
    again = plan_reminders(open_statement, Reminder.Kind.SIGN)
    assert again.mails == 0 and len(again.recent) == 3
    with pytest.raises(ActionError):
        send_reminders(
            statement=open_statement, kind=Reminder.Kind.SIGN, user=carol, expected_mails=3
        )
    # A week later, they may be reminded again.
    Reminder.objects.update(sent_at=timezone.now() - timedelta(days=8))
    assert plan_reminders(open_statement, Reminder.Kind.SIGN).mails == 3


def test_the_interval_is_a_setting(carol, open_statement, three_members, settings):
    send_reminders(statement=open_statement, kind="sign", user=carol, expected_mails=3)
    Reminder.objects.update(sent_at=timezone.now() - timedelta(days=2))
    assert plan_reminders(open_statement, "sign").mails == 0
    settings.REMINDER_INTERVAL_DAYS = 1
    assert plan_reminders(open_statement, "sign").mails == 3


def test_nothing_goes_when_the_numbers_changed_since_carol_looked(
    carol, open_statement, three_members
):
    with pytest.raises(ActionError):
        send_reminders(statement=open_statement, kind="sign", user=carol, expected_mails=2)
    assert not Reminder.objects.exists()


def test_carol_reminds_those_who_have_not_confirmed_the_new_version(
    carol, open_statement, three_members, mlpd, smtp_server, run_tasks
):
    version = open_statement.current_text().version
    sign_statement(
        statement=open_statement, organization=mlpd, user=three_members["dave"], version=version
    )
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The strike deserves our support.",
    )
    plan = plan_reminders(open_statement, "reconfirm")
    assert [due.organization for due in plan.due] == [mlpd]
    run_tasks()
    smtp_server.messages.clear()
    send_reminders(statement=open_statement, kind="reconfirm", user=carol, expected_mails=1)
    run_tasks()
    (message,) = smtp_server.messages
    assert str(message["To"]) == "dave@example.org"
    assert "Version 2" in _body(message)


def test_only_coordinators_remind(dave, open_statement, three_members):
    with pytest.raises(PermissionDenied):
        send_reminders(statement=open_statement, kind="sign", user=dave, expected_mails=3)
