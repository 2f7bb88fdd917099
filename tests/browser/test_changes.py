"""Carol saves a new version with a note; Dave, who signed the first, reads what changed."""

from undersigned.signing.actions import sign_statement

from .conftest import screenshot
from .test_first_contact import log_in
from .test_reading import serious_violations


def test_dave_reads_the_changes_block_by_block(
    browser, live_server, open_statement, carol, dave, mlpd
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    carol_page = browser.new_context(base_url=live_server.url).new_page()
    log_in(carol_page, "carol")
    carol_page.goto(f"/s/{open_statement.slug}/edit/")
    carol_page.locator("#id_body").fill(
        "## Our demand\n\nThe dockers' strike deserves **all** our support.\n\n"
        "- free the prisoners\n- stop the war now\n\nWe call for solidarity."
    )
    carol_page.get_by_label("What changed (optional)").fill("We list our demands.")
    carol_page.get_by_role("button", name="Save", exact=True).click()
    carol_page.wait_for_url(f"**{open_statement.get_absolute_url()}")
    history = carol_page.locator(".history").inner_text()
    assert "What changed: \u2068We list our demands.\u2069" in history

    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    log_in(page, "dave")
    page.goto(open_statement.get_absolute_url())
    page.get_by_role("link", name="See what changed").click()
    assert "We list our demands." in page.locator(".change-note").inner_text()
    labels = page.locator(".diff__label").all_inner_texts()
    assert labels == [
        "Heading 1, added:",
        "Paragraph 1, changed:",
        "List item 1, added:",
        "List item 2, added:",
    ]
    changed = page.locator(".diff__changed").inner_text()
    assert "**" not in changed and page.locator(".diff__changed ins").inner_text() == "all "
    assert serious_violations(page) == []
    screenshot(page, "changes-block-by-block")
