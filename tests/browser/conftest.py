"""Playwright driving Debian's /usr/bin/chromium against pytest-django's live server.

Never downloads a browser. Without chromium the tests skip and say how to install it, unless
UNDERSIGNED_REQUIRE_BROWSER is set (as CI does), where a missing browser fails the run.
"""

import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API keeps an event loop in this thread; our ORM calls in fixtures are still
# synchronous, so Django's guard against async contexts would misfire.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _join_request_threads(timeout: float = 10) -> None:
    """Wait for the live server's request threads to end.

    Chromium keeps its connections open; each one holds a request thread that uses the test
    database's shared connection and closes it when the socket closes. Closing the browser
    before the live server stops, and waiting for those threads, lets them finish while the
    connection may still be shared, instead of raising "DatabaseWrapper objects created in a
    thread can only be used in that same thread" after the live server has stopped sharing it.
    """
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout)


# Depends on live_server so that pytest stops the browser first and the live server after.
@pytest.fixture(scope="session")
def browser(live_server):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install it with `apt-get install chromium`"
        if os.environ.get("UNDERSIGNED_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    _join_request_threads()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp: axe-core is injected as a script, which our Content-Security-Policy forbids.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot in test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
