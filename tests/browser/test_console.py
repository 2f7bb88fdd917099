"""Pages load without errors in the browser's console: nothing our Content-Security-Policy
refuses (an inline style, a script), no script that fails."""

import pytest
from django.utils import timezone

from undersigned.endorsements.models import Endorsement


@pytest.fixture
def strict_page(browser, live_server):
    """A page that keeps our Content-Security-Policy (the usual fixture lifts it for axe)."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _errors_on(page, path: str) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and errors.append(f"{message.text} ({message.location.get('url')})")
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and errors.append(f"{response.status} {response.url}")
        ),
    )
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return errors


def test_the_statement_page_logs_no_errors(strict_page, resolution):
    assert _errors_on(strict_page, resolution.get_absolute_url()) == []


def test_the_persian_statement_page_logs_no_errors(strict_page, resolution):
    assert _errors_on(strict_page, f"/fa{resolution.get_absolute_url()}") == []


def test_the_embed_logs_no_errors(strict_page, resolution):
    assert _errors_on(strict_page, f"{resolution.get_absolute_url()}embed/") == []


def test_the_statement_page_with_endorsements_logs_no_errors(strict_page, resolution):
    # The numbers, the map and the chart show from the first confirmed endorsement.
    Endorsement.objects.bulk_create(
        Endorsement(
            statement=resolution, name=f"Person {i}", country=country, confirmed_at=timezone.now()
        )
        for i, country in enumerate(["DE", "FR", "IR", "TR"])
    )
    assert _errors_on(strict_page, resolution.get_absolute_url()) == []
