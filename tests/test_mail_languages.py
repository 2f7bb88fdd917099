"""Every mail in its reader's language, whoever triggered it; receipts and notices."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from undersigned.accounts.languages import change_preferences, language_of
from undersigned.accounts.models import Notices, Profile
from undersigned.audit.models import Event
from undersigned.coalitions.actions import invite_organization
from undersigned.coalitions.languages import languages_of
from undersigned.signing.actions import record_signature, sign_statement, withdraw_signature
from undersigned.signing.notices import send_daily_digests
from undersigned.signing.tasks import send_digests_task
from undersigned.statements.actions import edit_text


def _body(message) -> str:
    return message.get_body(("plain",)).get_content()


def _to(messages, address: str) -> list:
    return [m for m in messages if str(m["To"]) == address]


def test_a_german_delegate_gets_the_reconfirm_mail_in_german_from_a_persian_coordinator(
    client, carol, dave, mlpd, open_statement, smtp_server, run_tasks
):
    Profile.objects.create(user=dave, language="de")
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    run_tasks()
    smtp_server.messages.clear()
    client.force_login(carol)
    with translation.override("fa"):  # Carol works in Persian
        edit_text(
            statement=open_statement,
            user=carol,
            title="Solidarity with the dockers",
            subtitle="",
            body="The dockers' strike deserves our full support.\n\nWe call for solidarity.",
        )
    run_tasks()
    (mail,) = _to(smtp_server.messages, "dave@example.org")
    assert "Bitte bestätigen Sie Version 2" in " ".join(mail["Subject"].split())
    assert "Was sich geändert hat" in _body(mail)


def test_accepting_an_invitation_on_a_german_page_sets_the_mail_language(
    client, carol, icor, mlpd, smtp_server, run_tasks
):
    invite_organization(
        coalition=icor, organization=mlpd, email="neu@example.org", user=carol, language="de"
    )
    run_tasks()
    (invitation_mail,) = smtp_server.messages
    assert "Einladung" in invitation_mail["Subject"]
    link = next(w for w in _body(invitation_mail).split() if "/invitation/" in w)
    path = urlsplit(link).path
    assert path.startswith("/de/")  # the link opens a German page, as the mail is German
    form = {
        "username": "neu",
        "password1": "a long Passphrase 9",
        "password2": "a long Passphrase 9",
    }
    response = client.post(path, form)
    assert response.status_code == 302, response.content.decode()[:500]
    user = mlpd.delegates.get().user
    assert language_of(user) == "de"
    assert languages_of([user.pk]) == {user.pk: "de"}  # as coalitions' actions read it


def test_dave_chooses_his_language_on_my_account(client, dave, erin):
    client.force_login(dave)
    page = client.get("/de/accounts/preferences/")
    assert page.context["form"]["language"].initial == "de"  # the page's, until he chooses
    assert "notices" not in page.context["form"].fields  # he coordinates nothing
    response = client.post("/accounts/preferences/", {"language": "fa"})
    assert response.status_code == 302
    assert Profile.objects.get(user=dave).language == "fa"
    assert Event.objects.filter(kind=Event.Kind.PREFERENCES_CHANGED, actor=dave).count() == 1
    with pytest.raises(PermissionDenied):
        change_preferences(target=erin, user=dave, language="de", notices="none")


def test_carol_chooses_news_at_once(client, carol):
    client.force_login(carol)
    response = client.post("/accounts/preferences/", {"language": "en", "notices": "immediate"})
    assert response.status_code == 302
    assert Profile.objects.get(user=carol).notices == Notices.IMMEDIATE


def test_a_delegate_gets_a_receipt_in_their_language(
    dave, mlpd, open_statement, smtp_server, run_tasks
):
    Profile.objects.create(user=dave, language="fa")
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    run_tasks()
    (receipt,) = _to(smtp_server.messages, "dave@example.org")
    body = _body(receipt)
    assert "export.pdf" in body and "/embed/" in body
    assert "What you can do next" not in body  # Persian, not English


def test_delegates_hear_when_the_coordination_records_or_removes_their_signature(
    carol, dave, mlpd, open_statement, smtp_server, run_tasks
):
    Profile.objects.create(user=dave, language="de")
    record_signature(
        statement=open_statement, organization=mlpd, user=carol, evidence="letter", version=1
    )
    withdraw_signature(
        statement=open_statement, organization=mlpd, user=carol, reason="Signed by mistake."
    )
    run_tasks()
    recorded, removed = _to(smtp_server.messages, "dave@example.org")
    assert "Koordination" in recorded["Subject"]
    assert "Signed by mistake." in _body(removed)
    assert "Koordination" in removed["Subject"]


def test_coordinators_hear_at_once_or_once_a_day(
    carol, dave, mlpd, icor, open_statement, smtp_server, run_tasks, django_user_model
):
    frank = django_user_model.objects.create_user("frank", "frank@example.org", "x")
    from undersigned.coalitions.models import CoalitionRole

    CoalitionRole.objects.create(user=frank, coalition=icor, kind=CoalitionRole.Kind.COORDINATOR)
    Profile.objects.create(user=frank, language="de", notices=Notices.IMMEDIATE)
    Profile.objects.create(user=carol, language="fa", notices=Notices.DAILY)
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    run_tasks()
    (at_once,) = _to(smtp_server.messages, "frank@example.org")
    assert "MLPD" in at_once["Subject"] and "unterzeichnet" in at_once["Subject"]
    assert _to(smtp_server.messages, "carol@example.org") == []

    assert send_daily_digests() == 1
    run_tasks()
    (summary,) = _to(smtp_server.messages, "carol@example.org")
    assert "MLPD" in _body(summary)
    assert send_daily_digests() == 0  # told once


def test_the_worker_runs_the_daily_summary_and_queues_the_next(carol, run_tasks):
    from django_tasks_db.models import DBTaskResult

    send_digests_task.enqueue()
    run_tasks()
    queued = DBTaskResult.objects.filter(task_path=send_digests_task.module_path)
    assert queued.filter(status="SUCCESSFUL").count() == 1
    assert queued.filter(status="READY").count() == 1


def test_a_password_reset_asked_on_an_english_page_comes_in_the_accounts_language(
    client, dave, smtp_server, run_tasks
):
    Profile.objects.create(user=dave, language="de")
    client.post("/accounts/password-reset/", {"email": "dave@example.org"})
    run_tasks()
    (mail,) = smtp_server.messages
    with translation.override("de"):
        expected = translation.gettext("Choose a new password for %(site_name)s")
    assert mail["Subject"].startswith(expected.split("%")[0].strip())
    assert "Choose a new password" not in mail["Subject"]


def test_an_invitation_to_sign_names_the_statement_in_the_recipients_language(
    client, carol, icor, mlpd, open_statement, smtp_server, run_tasks
):
    from undersigned.statements.translations import save_translation

    save_translation(
        statement=open_statement,
        user=carol,
        language="de",
        title="Solidarität mit den Hafenarbeitern",
        subtitle="",
        body="Der Streik verdient unsere Unterstützung.",
    )
    client.force_login(carol)
    response = client.post(
        "/fa/c/icor/invite/",  # Carol's pages are Persian
        {
            "organization": mlpd.pk,
            "email": "neu@example.org",
            "language": "de",
            "statement": open_statement.slug,
        },
    )
    assert response.status_code == 302
    run_tasks()
    (mail,) = smtp_server.messages
    body = _body(mail)
    assert "Solidarität mit den Hafenarbeitern" in body
    assert "/de/accounts/invitation/" in body


def test_the_desk_sends_an_invitation_again_in_its_language(client, carol, icor, mlpd):
    invite_organization(
        coalition=icor, organization=mlpd, email="neu@example.org", user=carol, language="fa"
    )
    client.force_login(carol)
    desk = client.get("/c/icor/desk/").content.decode()
    assert '<input type="hidden" name="language" value="fa">' in desk
