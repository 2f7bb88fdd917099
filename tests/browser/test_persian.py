"""The Persian pages: Persian digits, English names and titles isolated in right-to-left text."""

from .conftest import screenshot
from .test_reading import serious_violations

LATIN_DIGITS = "0123456789"


def test_persian_home_and_resolution_read_right(page, resolution, open_statement):
    page.goto("/fa/")
    card = page.locator(".card", has_text="No to any imperialist")
    assert "۳۴" in card.locator(".card__count").inner_text()
    # The English title keeps its "!" at its own end: it is laid out left to right.
    assert card.locator(".card__title bdi").evaluate("el => el.matches(':dir(ltr)')")
    assert serious_violations(page) == []
    screenshot(page, "home-persian")

    page.goto(f"/fa/s/{resolution.slug}/")
    bdp = page.locator(".signatory-list > li", has_text="BDP")
    abbr = bdp.locator("a > b").bounding_box()
    name = bdp.locator("a > bdi").bounding_box()
    english = bdp.locator("bdi[lang=en]").bounding_box()
    # Right to left: abbreviation, then the name, then its English translation.
    assert abbr["x"] > name["x"] > english["x"]
    assert bdp.locator("bdi[lang=en]").inner_text() == "(Popular Democratic Bloc)"
    history = page.locator(".history__list").inner_text()
    assert not set(LATIN_DIGITS) & set(history.replace("BDP", ""))
    assert serious_violations(page) == []
    screenshot(page, "statement-persian-signatories")

    page.goto(f"/fa/s/{open_statement.slug}/")
    as_of = page.locator(".numbers__as-of").inner_text()
    assert not set(LATIN_DIGITS) & set(as_of), as_of
