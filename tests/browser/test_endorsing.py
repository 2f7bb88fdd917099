"""A visitor adds her name: the confirmation mail arrives, the link confirms, the count goes up,
the name is listed and the map colours her country."""

import re

from django.core.cache import cache

from .conftest import screenshot


def test_a_visitor_endorses_and_confirms(page, open_statement, smtp_server, run_tasks):
    page.goto(open_statement.get_absolute_url())
    page.get_by_role("textbox", name="Your name").fill("Ana Lima")
    page.get_by_role("textbox", name="Your e-mail").fill("ana@example.org")
    page.get_by_role("combobox", name="Country").select_option("PT")
    page.get_by_role("textbox", name="Affiliation (optional)").fill("Sindicato dos Professores")
    page.get_by_label("Show my name, country and affiliation in the public list").check()
    url_before = page.url
    page.get_by_role("button", name="Add your name").click()
    page.get_by_text("Almost done: check your mail.").wait_for()
    assert page.url == url_before  # submitted in place, no reload
    screenshot(page, "endorse-pending")

    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "ana@example.org"
    confirm = re.search(
        r"https?://[^/\s]+(/e/confirm/\S+/)", mail.get_body(("plain",)).get_content()
    )
    page.goto(confirm.group(1))
    page.get_by_role("button", name="Confirm my signature").click()
    page.get_by_text("is confirmed and counted").wait_for()

    cache.clear()  # the numbers are recomputed every few seconds; don't wait for that here
    page.goto(open_statement.get_absolute_url())
    assert page.locator("[data-live-confirmed]").inner_text().strip() == "1"
    page.goto(f"/s/{open_statement.slug}/people/")
    assert "Ana Lima" in page.locator(".people-list").inner_text()

    svg = page.request.get(f"/s/{open_statement.slug}/map.svg").text()
    fills = dict(
        (name, fill) for fill, name in re.findall(r'fill="([^"]+)"[^>]*><title>([^<:]+):', svg)
    )
    assert fills["Portugal"] != fills["Spain"]
    page.goto(open_statement.get_absolute_url())
    screenshot(page, "endorse-counted")
