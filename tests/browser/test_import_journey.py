"""Alice (staff) pastes an open letter, corrects what the parser read in the preview, and saves
it as a draft: nothing is public, and what she corrected is what is stored."""

from undersigned.coalitions.models import Membership, Organization
from undersigned.endorsements.models import Endorsement
from undersigned.statements.models import State, Statement

from .conftest import screenshot
from .test_reading import serious_violations

LETTER = """Open letter

Stop the war

We, the undersigned, demand an end to the war now.

Signed:
1. ABC Association of Bakers, France
2. Jane Doe, University of Lisbon
3. we met on Tuesday and decided to sign it
- Red Dawn Collective (RDC), Netherlands
Thanks to all who helped.
"""


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/accounts/")


def test_alice_pastes_corrects_and_saves_a_draft(page, alice, icor):
    log_in(page, "alice")
    page.goto("/import/")
    page.get_by_label("Statement text").fill(LETTER)
    page.get_by_label("Coalition").select_option(label="ICOR")
    page.get_by_role("button", name="Preview").click()

    # Every signatory is listed, the person too, with the fields that will be stored.
    rows = page.get_by_test_id("entry-row")
    assert page.get_by_label("Name, row 2", exact=True).input_value() == "Jane Doe"
    assert page.get_by_label("Kind, row 2", exact=True).input_value() == "person"
    assert (
        page.get_by_label("Affiliation, row 2", exact=True).input_value() == "University of Lisbon"
    )
    assert page.get_by_test_id("import-state").inner_text() == "Draft"
    # The parser was unsure of the third line: it is marked.
    assert rows.nth(2).get_by_test_id("unsure").count() == 1
    assert rows.nth(0).get_by_test_id("unsure").count() == 0
    assert serious_violations(page) == []
    screenshot(page, "import-preview")

    # Alice corrects the first entry, drops the third line, and takes a missed signatory.
    page.get_by_label("Name, row 1", exact=True).fill("Association of Master Bakers")
    page.get_by_label("Import, row 3", exact=True).uncheck()
    page.get_by_label("Add signatories").fill("Chaos Computer Club (CCC), Germany")
    page.get_by_role("button", name="Preview again").click()
    assert "check them, then import" in page.locator(".preview").inner_text()
    added = page.get_by_label("Name, row 5", exact=True)
    assert added.input_value() == "Chaos Computer Club"
    assert page.get_by_label("Abbreviation, row 5", exact=True).input_value() == "CCC"
    assert page.get_by_label("Country, row 5", exact=True).input_value() == "DE"
    assert (
        page.get_by_label("Name, row 1", exact=True).input_value() == "Association of Master Bakers"
    )
    assert not page.get_by_label("Import, row 3", exact=True).is_checked()
    assert Statement.objects.count() == 0  # previews write nothing
    screenshot(page, "import-corrected")

    page.get_by_role("button", name="Import (Draft)").click()
    page.wait_for_url("**/s/**")
    assert "3 new signatures" in page.locator(".messages").inner_text()

    statement = Statement.objects.get()
    assert statement.state == State.DRAFT
    stored = {(o.abbreviation, o.name, o.country.code) for o in Organization.objects.all()}
    assert stored == {
        ("ABC", "Association of Master Bakers", "FR"),
        ("RDC", "Red Dawn Collective", "NL"),
        ("CCC", "Chaos Computer Club", "DE"),
    }
    assert not Organization.objects.filter(name__startswith="the committee").exists()
    assert Endorsement.objects.get().name == "Jane Doe"
    assert Membership.objects.count() == 0  # signing is not joining

    # A draft: the public sees nothing of it.
    visitor = page.context.browser.new_context(base_url=page.url.split("/s/")[0]).new_page()
    assert visitor.goto(statement.get_absolute_url()).status == 404
    visitor.goto("/")
    assert "Stop the war" not in visitor.content()
    visitor.context.close()


def test_the_preview_reads_right_to_left_in_persian(page, alice):
    log_in(page, "alice")
    page.goto("/fa/import/")
    page.locator("#id_text").fill(LETTER)
    page.locator('button[value="preview"]').click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_test_id("entry-row").count() == 4 + 2  # the entries and two empty rows
    assert page.get_by_test_id("import-state").inner_text() == "پیش‌نویس"
    assert serious_violations(page) == []
    screenshot(page, "import-preview-fa")
