"""A reply to the statement's address that is not clearly a signature waits on the desk; the
coordinator, on a phone, reads it and records it; the list then shows the signature."""

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from django.utils import timezone

from undersigned.collection.inbound import receive_message, statement_address

from .conftest import screenshot
from .test_reading import serious_violations


def _reply(to: str) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"] = "Maria Weber <maria@example.org>", to
    mail["Subject"] = "Re: Solidarity with the dockers"
    mail["Date"] = format_datetime(timezone.now())
    mail["Message-ID"] = make_msgid(domain="example.org")
    mail.set_content("Count us in, with greetings from Essen!\n\nMaria Weber, MLPD\n")
    return mail.as_bytes()


def test_a_coordinator_records_a_mailed_signature_from_the_desk(
    phone_page, open_statement, carol, mlpd, settings
):
    settings.INBOUND_MAILBOX = "sign@undersigned.example"
    received = receive_message(raw=_reply(statement_address(open_statement))).message
    assert received.state == "pending"

    phone_page.goto("/accounts/login/")
    phone_page.get_by_label("Username").fill("carol")
    phone_page.get_by_label("Password").fill("correct horse battery")
    phone_page.get_by_role("button", name="Log in").click()
    phone_page.wait_for_url("**/accounts/")
    phone_page.goto("/c/icor/desk/#inbound")
    card = phone_page.locator(".inbound-message")
    assert "maria@example.org" in card.inner_text()
    assert "Count us in" in card.inner_text()
    assert "No DKIM signature" in card.inner_text()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert serious_violations(phone_page) == []
    screenshot(phone_page, "inbound-desk-phone")

    card.get_by_label("Organization that signs").fill("MLPD")
    card.get_by_role("button", name="Record as a signature").click()
    phone_page.get_by_text("Recorded: the signature is on the list.").wait_for()
    assert phone_page.locator(".inbound-message").count() == 0

    phone_page.goto(open_statement.get_absolute_url())
    entry = phone_page.locator(".signatory-list > li", has_text="Marxistisch-Leninistische Partei")
    assert "recorded by the coordination" in entry.inner_text()
