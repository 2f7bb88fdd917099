"""Carol drafts and opens a statement and invites KOL; KOL's delegate accepts, signs, is asked to
confirm a changed text, and withdraws; the public list follows every step."""

import re

from .conftest import screenshot


def public_numbers(page, url: str) -> list[str]:
    page.goto(url)
    return page.locator(".signatory-list > li").all_inner_texts()


def test_carol_and_the_kol_delegate_run_a_statement(
    browser, live_server, carol, icor, smtp_server, run_tasks
):
    carol_page = browser.new_context(base_url=live_server.url).new_page()
    carol_page.goto("/accounts/login/")
    carol_page.get_by_label("Username").fill("carol")
    carol_page.get_by_label("Password").fill("correct horse battery")
    carol_page.get_by_role("button", name="Log in").click()
    carol_page.wait_for_url("**/accounts/")

    # Carol drafts and opens a statement.
    carol_page.goto("/new/")
    carol_page.get_by_label("Coalition").select_option(label="ICOR")
    carol_page.locator("#id_title").fill("Solidarity with the dockers of Antwerp")
    carol_page.locator("#id_body").fill(
        "The dockers' strike deserves our support.\n\nWe call for solidarity."
    )
    carol_page.get_by_role("button", name="Save the draft").click()
    carol_page.get_by_role("button", name="Open for signatures").click()
    assert carol_page.locator(".badge").first.text_content().strip() == "Open for signatures"
    statement_url = carol_page.url

    # Carol invites a new organization and its delegate.
    carol_page.get_by_role("link", name="Invite an organization to sign").click()
    carol_page.get_by_label("Abbreviation").fill("KOL")
    carol_page.get_by_label("Name in its own language").fill(
        "Kommunistische Organisation Luxemburg"
    )
    carol_page.get_by_label("Country").select_option("LU")
    carol_page.get_by_label("E-mail of its delegate").fill("kol@example.org")
    carol_page.get_by_role("button", name="Send the invitation").click()
    carol_page.wait_for_url(statement_url)  # back where she was
    run_tasks()
    [invitation] = smtp_server.messages
    link = re.search(
        r"https?://\S+(/accounts/invitation/\S+/)", invitation.get_body(("plain",)).get_content()
    ).group(1)

    # The delegate follows the link from the mail, creates an account, and signs.
    kol = browser.new_context(base_url=live_server.url).new_page()
    kol.goto(link)
    kol.get_by_label("Choose a username").fill("kol")
    kol.get_by_label("Choose a password").fill("kol horse battery staple")
    kol.get_by_label("The same password again").fill("kol horse battery staple")
    kol.get_by_role("button", name="Accept and create the account").click()
    kol.wait_for_url(statement_url)  # the invitation named the statement: it leads there
    kol.get_by_label("I confirm that this organization signs version 1 of the text.").check()
    kol.get_by_role("button", name="Sign", exact=True).click()
    assert "has signed. Thank you." in kol.locator(".messages").inner_text()
    screenshot(kol, "journey-signed")

    public = browser.new_context(base_url=live_server.url).new_page()
    [entry] = public_numbers(public, statement_url)
    assert "KOL" in entry and public.locator(".signatory-list").get_attribute("start") == "1"
    assert "1 organization" in public.locator(".signatories__count").inner_text()

    # Carol changes the text: the delegate is asked to confirm again; the list marks it.
    carol_page.goto(statement_url)
    carol_page.get_by_role("link", name="Edit").click()
    carol_page.locator("#id_body").fill(
        "The dockers' strike deserves all our support.\n\nWe call for solidarity."
    )
    carol_page.get_by_role("button", name="Save", exact=True).click()
    run_tasks()
    reconfirm = smtp_server.messages[-1]
    assert (
        reconfirm["To"] == "kol@example.org" and "Please confirm version 2" in reconfirm["Subject"]
    )
    [entry] = public_numbers(public, statement_url)
    assert "(signed version 1)" in entry
    screenshot(public, "journey-old-version")

    # The delegate withdraws; the public list empties.
    kol.goto(statement_url)
    kol.get_by_text("Withdraw this signature", exact=True).click()
    kol.get_by_label("Reason (shown publicly)").fill("We disagree with version 2.")
    kol.get_by_role("button", name="Withdraw the signature").click()
    # Not yet: the browser asks for the confirmation first.
    assert kol.locator("form[action$='/withdraw/'] input[name=confirm]:invalid").count() == 1
    kol.get_by_label("Yes, withdraw this signature.").check()
    kol.get_by_role("button", name="Withdraw the signature").click()
    assert public_numbers(public, statement_url) == []
    public.locator(".withdrawn summary").click()
    assert "We disagree with version 2." in public.locator(".withdrawn").inner_text()
    screenshot(public, "journey-withdrawn")
