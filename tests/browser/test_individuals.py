"""On her phone, Shirin reads the Persian translation, adds her name before any map or chart,
and the mail and the confirmation page speak of the Persian title."""

import re

from undersigned.statements.translations import save_translation

from .conftest import screenshot
from .test_reading import serious_violations

TITLE = "همبستگی با کارگران بندر"


def test_shirin_signs_the_persian_translation_on_her_phone(
    browser, live_server, open_statement, carol, smtp_server, run_tasks
):
    save_translation(
        statement=open_statement,
        user=carol,
        language="fa",
        title=TITLE,
        subtitle="",
        body="اعتصاب کارگران بندر سزاوار پشتیبانی ماست.\n\nما خواهان همبستگی هستیم.",
    )
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
    )
    page = context.new_page()
    page.goto(f"/fa{open_statement.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    # Nothing to scroll past: no empty map or chart, and the form before the numbers.
    assert page.locator("img.numbers__picture").count() == 0
    form_top = page.locator("#endorse").bounding_box()["y"]
    assert form_top < page.locator(".numbers").bounding_box()["y"]
    assert form_top < 844 * 1.5, form_top
    assert serious_violations(page) == []
    screenshot(page, "endorse-persian-phone")

    page.locator("#id_name").fill("شیرین")
    page.locator("#id_email").fill("shirin@example.org")
    page.locator("#endorse button[type=submit]").click()
    page.locator(".notice--success, .pending").first.wait_for()
    run_tasks()
    [mail] = smtp_server.messages
    assert TITLE in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    confirm = re.search(r"https?://[^/\s]+(/fa/e/confirm/\S+/)", text).group(1)
    page.goto(confirm)
    assert TITLE in page.locator(".eyebrow").inner_text()
    page.locator("form button[type=submit]").last.click()
    page.locator("h1").wait_for()
    assert TITLE in page.locator(".eyebrow").inner_text()
    assert serious_violations(page) == []
    screenshot(page, "endorse-persian-confirmed")
    context.close()
