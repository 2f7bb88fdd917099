"""What the import says: about an empty paste, a file over the limit, a list too long to read in
one request, and after saving (issue 19, items 8 and 21)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from undersigned.accounts.tokens import create_api_token
from undersigned.statements.models import Statement
from undersigned.textformat import FormatError, decode_source
from undersigned.textformat.source import MAX_LINES

from .conftest import seed_text

MB = 1024 * 1024


def post(client, **data):
    return client.post("/import/", {"language": "en", "action": "preview", **data})


def test_an_empty_paste_is_called_a_paste(client, alice):
    client.force_login(alice)
    html = post(client, text="   \n").content.decode()
    assert "The pasted text is empty." in html
    assert "The file is empty." not in html


def test_a_file_over_the_limit_says_its_real_size(client, alice, settings):
    settings.IMPORT_MAX_BYTES = 5 * MB
    client.force_login(alice)
    upload = SimpleUploadedFile("big.txt", b"x\n" * int(5.6 * MB / 2))
    html = post(client, file=upload).content.decode()
    assert "The file is 5.6 MB; the limit is 5 MB." in html


def test_just_over_the_limit_the_sizes_are_exact():
    try:
        decode_source(b"a" * (5 * MB + 1), max_bytes=5 * MB)
    except FormatError as error:
        message = error.message
    assert message == "The file is 5,242,881 bytes; the limit is 5,242,880 bytes."


def test_after_saving_the_banner_says_what_was_done(client, alice, icor):
    client.force_login(alice)
    data = {"text": seed_text("icor-afghanistan-2021"), "coalition": icor.pk, "state": "open"}
    response = post(client, **data, action="import")
    page = client.get(response["Location"]).content.decode()
    assert "It will be saved as" not in page
    assert "Imported “No to any imperialist or expansionist intervention!”, saved as: Open for" in (
        page
    )


def test_a_list_longer_than_a_request_reads_is_refused_with_a_message(client, alice):
    """412,000 short lines took 25 s to preview on the page and killed the API's worker."""
    lines = "\n".join(f"{n}. Org" for n in range(1, MAX_LINES + 2))
    text = f"Solidarity\n\nWe stand together.\n\nSignatories:\n\n{lines}\n"
    client.force_login(alice)
    html = post(client, text=text).content.decode()
    assert f"at most {MAX_LINES:,} lines" in html
    assert Statement.objects.count() == 0
    staff = {"Authorization": f"Bearer {create_api_token(user=alice, name='i')[1]}"}
    response = client.post(
        "/api/v1/imports", {"text": text}, content_type="application/json", headers=staff
    )
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert f"at most {MAX_LINES:,} lines" in response.json()["errors"]["text"][0]
