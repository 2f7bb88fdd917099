"""Carol, reading the site in Persian, uploads a list of invitations, reads the preview with its
broken row, sends the rest, and reminds the organizations that have not signed."""

from .conftest import screenshot
from .test_reading import serious_violations

LIST = """organization,email,language,name
MLPD,mlpd@example.org,de,Anna
Rode Morgen,rm@example.org,fa,
Workers' Union,wu@example.org,en,Sam
Broken,not-an-address,de,
"""


def test_carol_invites_a_list_and_reminds_in_persian(
    page, carol, icor, mlpd, rode_morgen, dave, open_statement, smtp_server, run_tasks, tmp_path
):
    page.goto("/fa/accounts/login/")
    page.locator("#id_username").fill("carol")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/fa/accounts/")

    page.goto("/fa/c/icor/")
    page.locator(f"a[href='/fa/c/{icor.slug}/invite/list/']").click()
    upload = tmp_path / "list.csv"
    upload.write_text(LIST, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(upload))
    page.locator("button[name=preview]").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#broken-rows li").count() == 1
    assert "۵" in page.locator("#broken-rows").inner_text()  # line 5, in Persian digits
    assert page.locator("#good-rows tbody tr").count() == 3
    assert serious_violations(page) == []
    screenshot(page, "bulk-invite-preview-fa")
    page.locator("button[name=send]").click()
    page.wait_for_url(f"**/fa/c/{icor.slug}/")
    run_tasks()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "mlpd@example.org",
        "rm@example.org",
        "wu@example.org",
    ]

    # Dave (MLPD) is the one delegate with an account: one mail would go; Carol sends it.
    page.goto(f"/fa/c/{icor.slug}/reminders/")
    assert serious_violations(page) == []
    screenshot(page, "reminders-fa")
    page.locator("form:has(input[name=kind][value=sign]) button").click()
    page.wait_for_url(f"**/fa/c/{icor.slug}/reminders/")
    assert page.locator("ul.reminders-sent li").count() == 1
    run_tasks()
    assert str(smtp_server.messages[-1]["To"]) == "dave@example.org"
