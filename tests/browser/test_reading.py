"""A visitor reads the ICOR resolution and follows a signatory to its organization."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import screenshot

SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_a_visitor_reads_the_resolution_and_its_34_signatories(page, resolution, cipoml_statement):
    page.goto("/")
    screenshot(page, "home")
    page.get_by_role("link", name="No to any imperialist or expansionist intervention!").click()
    page.wait_for_url(f"**{resolution.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "No to any imperialist or expansionist intervention!"
    )
    assert (
        "Signatories (as of 15 September 2021)" in page.locator("#signatories-heading").inner_text()
    )
    items = page.locator(".signatory-list > li")
    assert items.count() == 34
    # Each region's list starts where the last one ended; its lines count on (HTML's ordinal
    # value of a line that carries no value of its own).
    numbers = items.evaluate_all(
        "els => els.map(el => el.parentElement.start + [...el.parentElement.children].indexOf(el))"
    )
    assert numbers == list(range(1, 35))
    abbreviations = page.locator(".signatory-list > li > a > b").all_inner_texts()
    assert abbreviations[:3] == ["PCPCI", "ORC", "UPC-Manidem"]
    assert abbreviations[-1] == "BDP"
    screenshot(page, "statement")

    page.get_by_role("link", name="MLPD Marxistisch-Leninistische Partei Deutschlands").click()
    page.wait_for_url("**/o/**")
    assert (
        "Marxistisch-Leninistische Partei Deutschlands"
        in page.get_by_role("heading", level=1).inner_text()
    )
    assert (
        page.get_by_role("link", name="No to any imperialist or expansionist intervention!").count()
        == 1
    )
    screenshot(page, "organization")


@pytest.mark.parametrize("where", ["home", "statement", "organization", "coalition", "search"])
def test_pages_have_no_serious_accessibility_violations(page, resolution, icor, where):
    from undersigned.coalitions.models import Organization

    url = {
        "home": "/",
        "statement": resolution.get_absolute_url(),
        "organization": Organization.objects.get(abbreviation="MLPD").get_absolute_url(),
        "coalition": icor.get_absolute_url(),
        "search": "/search/?q=party",
    }[where]
    page.goto(url)
    assert serious_violations(page) == []


def test_the_statement_reads_well_on_a_phone(phone_page, resolution):
    phone_page.goto(resolution.get_absolute_url())
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    screenshot(phone_page, "statement-phone")
