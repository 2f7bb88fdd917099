"""A new organization asks to sign on the statement page; its address is confirmed through a real
mail; the coordinator approves it on the desk, on a phone; it is then on the public list,
numbered, "as of" the approval."""

import io
import re

from django.utils import timezone
from PIL import Image

from undersigned.signing.actions import sign_statement
from undersigned.statements.actions import update_details
from undersigned.web.templatetags.undersigned import localdate

from .conftest import screenshot


def _logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 60), (180, 20, 20)).save(out, format="PNG")
    return out.getvalue()


def test_a_new_organization_signs_on_and_a_coordinator_approves_it(
    page, phone_page, open_statement, carol, mlpd, dave, smtp_server, run_tasks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    run_tasks()
    smtp_server.messages.clear()  # Dave's receipt
    update_details(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer=open_statement.issuer,
        deadline=None,
        accepts_sign_ons=True,
    )

    # The requester, on the statement page, below the list.
    page.goto(open_statement.get_absolute_url())
    form = page.locator("#sign-on")
    form.get_by_label("Name in its own language").fill("Partido Comunista Revolucionario")
    form.get_by_label("Abbreviation").fill("PCR")
    form.get_by_label("English name").fill("Revolutionary Communist Party")
    form.get_by_label("Country").select_option("AR")
    form.get_by_label("Website").fill("https://pcr.example.org")
    form.get_by_label("Logo (optional)").set_input_files(
        {"name": "pcr.png", "mimeType": "image/png", "buffer": _logo()}
    )
    form.get_by_label("Your name").fill("Ana Díaz")
    form.get_by_label("Your role in the organization").fill("International secretary")
    form.get_by_label("Your e-mail").fill("ana@pcr.example.org")
    form.get_by_label("Your language").select_option("es")
    form.get_by_label("The organization agrees to be listed publicly").check()
    form.get_by_role("button", name="Ask to sign").click()
    page.get_by_role("heading", name="Check your mail").wait_for()
    screenshot(page, "sign-on-pending")

    # The confirmation, through a real SMTP server, in the requester's language.
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "ana@pcr.example.org"
    body = mail.get_body(("plain",)).get_content()
    assert "Confirme su dirección" in body
    link = re.search(r"https?://[^/\s]+(/\S*sign-on/confirm/\S+/)", body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirmar la solicitud").click()
    page.get_by_role("heading", name="Gracias").wait_for()

    page.goto(open_statement.get_absolute_url())
    assert "Partido Comunista Revolucionario" not in page.locator(".signatories").inner_text()

    # The coordinator, on a phone: from My account to the desk, and approve.
    phone_page.goto("/accounts/login/")
    phone_page.get_by_label("Username").fill("carol")
    phone_page.get_by_label("Password").fill("correct horse battery")
    phone_page.get_by_role("button", name="Log in").click()
    phone_page.wait_for_url("**/accounts/")
    phone_page.get_by_role("link", name="Desk of ICOR").click()
    request = phone_page.locator(".sign-on-request")
    assert "ana@pcr.example.org" in request.inner_text()
    assert "International secretary" in request.inner_text()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone's screen
    screenshot(phone_page, "sign-on-desk-phone")
    request.get_by_role("button", name="Approve").click()
    phone_page.get_by_text("Approved: the signature is on the list.").wait_for()
    approved_on = localdate(timezone.now())

    # On the public list, numbered after the MLPD, "as of" the approval.
    page.goto(open_statement.get_absolute_url())
    heading = page.locator("#signatories-heading").inner_text()
    assert heading == f"Signatories (as of {approved_on})"
    entry = page.locator(".signatory-list > li", has_text="Partido Comunista Revolucionario")
    # Its number: the list's start, counted on (HTML's ordinal value of a line without value=).
    number = "el => el.parentElement.start + [...el.parentElement.children].indexOf(el)"
    assert entry.evaluate(number) == 2
    assert "PCR" in entry.inner_text() and "Argentina" in entry.inner_text()
    screenshot(page, "sign-on-listed")
