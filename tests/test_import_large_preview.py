"""The import page on lists at and past what one request reads (issue 22, item 5): a preview
never ends in an error page, and a previewed list can be imported from the page."""

import html
import re
import time

from django.core.files.uploadedfile import SimpleUploadedFile

from undersigned.accounts.tokens import create_api_token
from undersigned.statements.models import Statement
from undersigned.transfer.forms import MAX_SIGNATORIES
from undersigned.transfer.import_review import SignatoryForm, SignatoryFormSet

INPUT = re.compile(r"<input ([^>]*)>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def posted_back(page: str) -> dict[str, str]:
    """The fields a browser sends when the preview's form is submitted as it is shown."""
    data = {}
    for match in INPUT.finditer(page):
        attributes = dict(ATTRIBUTE.findall(match[1]))
        if "name" not in attributes or (
            attributes.get("type") == "checkbox" and " checked" not in match[1]
        ):
            continue
        data[html.unescape(attributes["name"])] = html.unescape(attributes.get("value", "on"))
    for name, chosen in re.findall(
        r'<select name="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected', page, re.S
    ):
        data[name] = chosen
    for name in re.findall(r'<select name="([^"]+)"', page):
        data.setdefault(name, "")
    text = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page, re.S)
    data["text"] = html.unescape(text[1]).removeprefix("\n") if text else ""
    return data


def test_every_row_the_review_may_show_can_be_posted_back(settings):
    fields = len(SignatoryForm.base_fields) * SignatoryFormSet.absolute_max
    assert fields + 100 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_a_previewed_list_of_hundreds_is_imported_from_the_page(client, alice):
    """Eleven fields a row: Django's 1,000 fields answered "Bad Request (400)" from 90 rows on."""
    lines = "\n".join(f"{n}. Workers Union {n} (WU{n}), Peru" for n in range(1, 151))
    text = f"Solidarity\n\nWe stand together.\n\nSignatories:\n\n{lines}\n"
    client.force_login(alice)
    page = client.post("/import/", {"text": text, "language": "en", "action": "preview"})
    data = posted_back(page.content.decode())
    assert data["entries-TOTAL_FORMS"] == "152" and len(data) > 1500
    response = client.post("/import/", {**data, "language": "en", "action": "import"})
    assert response.status_code == 302, response.content[:300]
    assert Statement.objects.get().signatures.count() == 150


def test_an_export_of_400000_signatories_is_refused_with_a_message(client, alice, settings):
    """A JSON export's list is not capped by the lines of the file: 400,000 signatories in 1,600
    lines drew 5,000 rows, 20 MB of page in 10 s and more, and "Please submit at most 5000
    forms"."""
    settings.IMPORT_MAX_BYTES = 8 * 1024 * 1024  # an operator may raise it: the rows stay capped
    line = ",".join(f'{{"name":"O{n}"}}' for n in range(250))
    export = '{"title": "Solidarity", "body": ["We stand together."], "signatories": [\n'
    export += ",\n".join([line] * 1600) + "\n]}\n"
    client.force_login(alice)
    started = time.perf_counter()
    response = client.post(
        "/import/",
        {"file": SimpleUploadedFile("export.json", export.encode()), "language": "en"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f"The list has 400,000 signatories; an import reads at most {MAX_SIGNATORIES:,}" in (
        page
    )
    assert 'data-testid="entry-row"' not in page
    assert len(page) < 100_000
    print(f"refused in {time.perf_counter() - started:.1f} s")
    assert Statement.objects.count() == 0


def test_a_text_whose_lines_hold_more_entries_than_a_request_reads_is_refused(client, alice):
    """Two entries a line (a closing parenthesis glued to the next name), 1,500 lines."""
    lines = "\n".join(
        f"- Workers Union {n} (Peru)Farmers League {n} (Chile)" for n in range(1, 1501)
    )
    text = f"Solidarity\n\nWe stand together.\n\nSignatories:\n\n{lines}\n"
    client.force_login(alice)
    page = client.post("/import/", {"text": text, "language": "en"}).content.decode()
    assert "The list has 3,000 signatories; an import reads at most" in page
    assert 'data-testid="entry-row"' not in page
    staff = {"Authorization": f"Bearer {create_api_token(user=alice, name='i')[1]}"}
    response = client.post(
        "/api/v1/imports", {"text": text}, content_type="application/json", headers=staff
    )
    assert response.status_code == 422
    assert "The list has 3,000 signatories" in response.json()["errors"]["text"][0]
