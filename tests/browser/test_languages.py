"""The resolution in Persian reads right to left; switching language keeps the page; an
outdated translation warns."""

from undersigned.statements.actions import edit_text
from undersigned.statements.translations import save_translation

from .conftest import screenshot


def test_the_resolution_in_persian_reads_right_to_left(page, resolution):
    page.goto(f"/fa/s/{resolution.slug}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The signatory list starts on the right: its first item is right of its last column.
    first = page.locator(".signatory-list > li").first.bounding_box()
    assert first["x"] + first["width"] > page.viewport_size["width"] / 2
    assert page.locator(".signatory-list > li").count() == 34
    screenshot(page, "statement-persian")


def test_switching_language_keeps_the_page(page, resolution):
    page.goto(f"/s/{resolution.slug}/")
    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_url(f"**/de/s/{resolution.slug}/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "No to any imperialist" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"**/s/{resolution.slug}/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_an_outdated_translation_warns(page, open_statement, carol):
    save_translation(
        statement=open_statement,
        user=carol,
        language="de",
        title="Solidarität mit den Hafenarbeitern",
        subtitle="",
        body="Der Streik verdient unsere Unterstützung.",
    )
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The strike deserves all our support.",
    )
    page.goto(f"/de/s/{open_statement.slug}/")
    warning = page.locator(".stale-translation")
    assert warning.is_visible()
    assert "Solidarity with the dockers" in page.get_by_role("heading", level=1).inner_text()
    screenshot(page, "stale-translation")
