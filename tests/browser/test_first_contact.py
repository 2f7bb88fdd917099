"""Staff on a laptop screen, the history in Persian, a long mail in the outbox."""

from undersigned.mail.models import OutboxMessage

from .conftest import screenshot


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/accounts/")


def test_the_header_holds_on_one_line_at_1280_pixels_for_staff(browser, live_server, alice):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log_in(page, "alice")
    for path in ("/", "/de/", "/fr/", "/es/", "/tr/", "/fa/"):
        page.goto(path)
        boxes = [
            page.locator(selector).bounding_box()
            for selector in (".brand", ".site-nav", ".site-search")
        ]
        tops = {round(box["y"]) for box in boxes}
        assert max(tops) - min(tops) < 12, (path, boxes)
    screenshot(page, "header-staff-1280")
    context.close()


def test_the_history_reads_time_colon_sentence_and_has_no_markers_in_persian(page, resolution):
    page.goto(f"/fa{resolution.get_absolute_url()}")
    event = page.locator(".history__event").first
    assert event.locator("time").evaluate("el => getComputedStyle(el).marginInlineEnd") == "0px"
    assert page.locator(".history__list").evaluate("el => getComputedStyle(el).listStyleType") == (
        "none"
    )
    # Numbered lists keep their Persian numbers.
    assert (
        page.locator(".signatory-list").first.evaluate("el => getComputedStyle(el).listStyleType")
        == "persian"
    )
    page.locator(".history").scroll_into_view_if_needed()
    screenshot(page, "history-persian")


def test_the_outbox_shows_a_long_mail_whole(page, alice):
    paragraphs = "".join(f"<p>Paragraph {n} of a long mail.</p>" for n in range(1, 80))
    message = OutboxMessage.objects.create(
        to="kol@example.org",
        subject="A long mail",
        body_text="Paragraph 1 of a long mail.",
        body_html=f"<html><body>{paragraphs}<p id='last'>The end.</p></body></html>",
    )
    alice.is_superuser = True  # the outbox is for superusers
    alice.save()
    log_in(page, "alice")
    page.goto(f"/outbox/{message.pk}/")
    frame = page.locator("iframe.mail-html")
    page.wait_for_function(
        "() => document.querySelector('iframe.mail-html').getBoundingClientRect().height > 1000"
    )
    content = (
        page.frame_locator("iframe.mail-html").locator("html").evaluate("el => el.scrollHeight")
    )
    assert frame.bounding_box()["height"] >= content
    screenshot(page, "outbox-long-mail")


def test_the_archive_and_the_search_are_accessible(page, resolution, cipoml_statement):
    from .test_reading import serious_violations

    page.goto("/archive/")
    assert page.locator(".card").count() == 2
    page.get_by_label("Kind").select_option("resolution")
    page.get_by_role("button", name="Filter").click()
    assert page.locator(".card").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "archive")
    page.goto("/search/?q=guantanamo")
    assert page.locator(".card__snippet mark").first.inner_text().lower() == "guantanamo"
    assert serious_violations(page) == []
    screenshot(page, "search-full-text")
