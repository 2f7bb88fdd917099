"""A member organization puts the statement on its own website; a reader signs inside the frame.

The organization's page is served from another origin (127.0.0.1 on a port of its own, while
the live server answers as localhost), so the browser applies its cross-site rules: framing is
allowed for the embed page alone, and the form inside the frame posts to its own origin.
"""

import html
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from undersigned.endorsements.models import Endorsement

from .conftest import screenshot


@pytest.fixture
def other_site():
    """A tiny web server for the organization's page; its body is set by the test."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()


def test_a_reader_signs_in_the_frame_on_an_organizations_site(
    page, live_server, open_statement, other_site, smtp_server, run_tasks, settings
):
    assert live_server.url.startswith("http://localhost:")
    settings.SITE_URL = live_server.url  # the snippet carries the public address
    # The coordinator copies the snippet the statement page offers.
    page.goto(open_statement.get_absolute_url())
    snippet = page.locator("#embed-code").input_value()
    assert snippet.startswith(f'<iframe src="{live_server.url}/s/{open_statement.slug}/embed/"')

    origin, pages = other_site
    pages["/"] = f"<!doctype html><title>Rode Morgen</title><h1>Our news</h1>{snippet}"
    page.goto(origin + "/")
    frame = page.frame_locator("iframe")
    frame.get_by_role("heading", name="Solidarity with the dockers").wait_for()
    frame.get_by_role("textbox", name="Your name").fill("Ana Lima")
    frame.get_by_role("textbox", name="Your e-mail").fill("ana@example.org")
    frame.get_by_role("combobox", name="Country").select_option("PT")
    frame.get_by_role("button", name="Add your name").click()
    frame.get_by_text("Almost done: check your mail.").wait_for()
    screenshot(page, "embed-signed")
    assert page.url == origin + "/"  # the reader stays on the organization's page

    endorsement = Endorsement.objects.get(statement=open_statement)
    assert endorsement.name == "Ana Lima" and endorsement.confirmed_at is None
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "ana@example.org"


def test_other_pages_refuse_to_be_framed(page, live_server, open_statement, other_site):
    origin, pages = other_site
    statement_url = f"{live_server.url}{open_statement.get_absolute_url()}"
    pages["/"] = f'<!doctype html><iframe src="{html.escape(statement_url)}"></iframe>'
    blocked = []
    page.on("console", lambda message: blocked.append(message.text))
    page.goto(origin + "/")
    page.wait_for_timeout(500)
    frame = page.frames[1]
    # Chromium replaces a refused frame with an error page of its own.
    assert "Solidarity with the dockers" not in frame.content()
    assert any(re.search("frame-ancestors|X-Frame-Options", text) for text in blocked)
