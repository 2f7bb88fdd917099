"""A trial on the default `outbox:` mail: the web outbox cuts the links that give an account
away, says so, and `undersigned outbox` prints them whole from the shell, so the invited delegate
can follow theirs. And no page shows a template comment."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from undersigned.coalitions.actions import invite_organization
from undersigned.coalitions.models import Membership, Organization
from undersigned.mail.models import OutboxMessage

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "undersigned" / "templates"


@pytest.fixture
def invitation(settings, carol, icor, run_tasks) -> OutboxMessage:
    settings.EMAIL_BACKEND = "undersigned.mail.backends.OutboxBackend"  # the default
    kol = Organization.objects.create(abbreviation="KOL", name="KOL", country="LU")
    Membership.objects.create(coalition=icor, organization=kol)
    invite_organization(coalition=icor, organization=kol, email="kol@example.org", user=carol)
    run_tasks()
    return OutboxMessage.objects.get(to="kol@example.org")


def outbox(*args: str) -> str:
    out = StringIO()
    call_command("outbox", *args, stdout=out)
    return out.getvalue()


def test_the_outbox_page_cuts_the_invitation_and_names_the_command_that_prints_it(
    client, alice, invitation
):
    alice.is_superuser = True
    alice.save()
    client.force_login(alice)
    html = client.get(f"/outbox/{invitation.pk}/").content.decode()
    assert "/accounts/invitation/…" in html
    assert f"<code>undersigned outbox {invitation.pk} --links</code> prints them whole" in html
    listing = client.get("/outbox/").content.decode()
    assert "<code>undersigned outbox --links</code>" in listing


def test_a_mail_without_a_secret_link_says_nothing_about_cut_links(client, alice):
    message = OutboxMessage.objects.create(to="a@example.org", subject="Hi", body_text="Hello")
    alice.is_superuser = True
    alice.save()
    client.force_login(alice)
    assert "prints them whole" not in client.get(f"/outbox/{message.pk}/").content.decode()


def test_the_delegate_follows_the_link_the_command_prints(client, invitation):
    printed = outbox(str(invitation.pk), "--links")
    assert printed.startswith(f"#{invitation.pk} ")
    [link] = re.findall(r"http://testserver(/accounts/invitation/\S+)", printed)
    assert link.endswith("/") and "…" not in link
    page = client.get(link)
    assert page.status_code == 200
    assert "KOL" in page.content.decode()


def test_the_command_prints_the_newest_mail_whole(invitation):
    OutboxMessage.objects.create(to="b@example.org", subject="Later", body_text="See you.")
    printed = outbox("--last", "1")
    assert "Subject: Later" in printed and "See you." in printed
    assert "kol@example.org" not in printed
    assert "/accounts/invitation/" in outbox("--last", "2")


def test_the_command_names_a_message_that_is_not_there(db):
    with pytest.raises(CommandError, match="No message numbered 999"):
        outbox("999")
    assert outbox() == "The outbox is empty.\n"


def test_no_template_holds_a_comment_django_would_show():
    """A `{# … #}` that spans lines is no comment in Django: /outbox/<id>/ showed it."""
    for template in TEMPLATES.rglob("*"):
        if template.is_file():
            for number, line in enumerate(template.read_text("utf-8").splitlines(), 1):
                if "{#" in line:
                    assert "#}" in line.split("{#", 1)[1], f"{template}:{number}"


def test_the_outbox_message_page_shows_no_template_comment(client, alice):
    message = OutboxMessage.objects.create(
        to="a@example.org", subject="Hi", body_text="Hello", body_html="<p>Hello</p>"
    )
    alice.is_superuser = True
    alice.save()
    client.force_login(alice)
    for path in ("/outbox/", f"/outbox/{message.pk}/"):
        assert "{#" not in client.get(path).content.decode()
