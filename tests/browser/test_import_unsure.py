"""In the import preview a screen reader hears why a cell is marked: the unsure input is
described by the legend, and the page passes axe with the marks on."""

from ..test_import_unsure_cells import ONE_UNSURE_FIELD as LETTER
from .conftest import screenshot
from .test_import_journey import log_in
from .test_reading import serious_violations


def test_the_unsure_cell_is_marked_and_described(page, alice):
    log_in(page, "alice")
    page.goto("/import/")
    page.get_by_label("Statement text").fill(LETTER)
    page.get_by_role("button", name="Preview").click()
    unsure = page.get_by_label("Affiliation, row 2", exact=True)
    sure = page.get_by_label("Name, row 2", exact=True)
    assert unsure.get_attribute("aria-describedby") == "unsure-legend"
    assert sure.get_attribute("aria-describedby") is None
    legend = page.locator("#unsure-legend")
    assert legend.is_visible() and "Unsure: the parser guessed" in legend.inner_text()
    assert page.get_by_test_id("unsure-field").count() == 1
    assert page.get_by_test_id("unsure-field").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "import-preview-unsure-cell")
