"""The statement page on a phone: the first screen says how many organizations signed and
offers the way to sign (issue 19, item 17)."""

from .conftest import screenshot

SCREEN = {"width": 390, "height": 844}


def _in_first_screen(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    # Within a pixel: a scroll to an anchor lands on whole pixels, the layout has fractions
    # (the heading scrolled to stood at y = -0.05).
    return box is not None and box["y"] > -1 and box["y"] + box["height"] <= SCREEN["height"]


def test_the_first_screen_of_a_phone_shows_the_count_and_the_way_to_sign(phone_page, resolution):
    phone_page.goto(resolution.get_absolute_url())
    tally = phone_page.locator(".tally__count")
    assert tally.inner_text() == "34 organizations have signed"
    assert _in_first_screen(phone_page, ".tally__count")
    assert _in_first_screen(phone_page, ".tally__sign")
    screenshot(phone_page, "statement-phone-first-screen")
    # The organizations' list comes before the form for individuals, which the link reaches.
    organizations = phone_page.locator("#signatories-heading").bounding_box()["y"]
    assert organizations < phone_page.locator("#endorse-heading").bounding_box()["y"]
    phone_page.locator(".tally__sign").click()
    phone_page.wait_for_function("location.hash === '#endorse-heading'")
    assert _in_first_screen(phone_page, "#endorse-heading")


def test_the_desktop_page_keeps_its_layout(page, resolution):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(resolution.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert _in_first_screen(page, ".tally__sign")
    heading = page.get_by_role("heading", level=1).bounding_box()
    tally = page.locator(".tally").bounding_box()
    assert heading["y"] < tally["y"] < heading["y"] + heading["height"] + 200
    screenshot(page, "statement-desktop")
