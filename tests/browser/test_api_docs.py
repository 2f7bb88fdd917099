"""The API's documentation page, as a newcomer opens it: under our own Content-Security-Policy
(no bypass), from our own static files (nothing from another host)."""

from urllib.parse import urlsplit


def test_the_api_docs_show_the_operations_without_a_console_error(browser, live_server):
    context = browser.new_context(base_url=live_server.url)  # the CSP applies, as for a reader
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors, hosts = [], set()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto("/api/v1/docs")
    page.get_by_text("/api/v1/statements/{slug}/signatories").first.wait_for()
    assert page.locator(".opblock").count() >= 15
    page.locator(".opblock-summary", has_text="/api/v1/me").first.click()
    page.get_by_text("Whose token this is").first.wait_for()
    context.close()
    assert errors == []
    assert hosts == {urlsplit(live_server.url).netloc}
