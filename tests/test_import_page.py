from django.core.files.uploadedfile import SimpleUploadedFile

from undersigned.signing.models import Signature
from undersigned.statements.models import Statement

from .conftest import seed_text


def test_anonymous_people_and_non_staff_cannot_import(client, bob):
    response = client.post(
        "/import/", {"text": seed_text("icor-afghanistan-2021"), "action": "import"}
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(bob)
    response = client.post(
        "/import/", {"text": seed_text("icor-afghanistan-2021"), "action": "import"}
    )
    assert response.status_code == 302
    assert Statement.objects.count() == 0


def test_staff_preview_first_and_nothing_is_saved(client, alice, icor):
    client.force_login(alice)
    data = {
        "text": seed_text("icor-afghanistan-2021"),
        "coalition": icor.pk,
        "language": "en",
        "action": "preview",
    }
    html = client.post("/import/", data).content.decode()
    assert "New statement: “No to any imperialist or expansionist intervention!”." in html
    assert "34 new signatures" in html
    assert "Marxistisch-Leninistische Partei Deutschlands" in html
    assert 'value="import"' in html
    assert Statement.objects.count() == 0


def test_staff_import_after_the_preview(client, alice, icor):
    client.force_login(alice)
    data = {
        "text": seed_text("icor-afghanistan-2021"),
        "coalition": icor.pk,
        "language": "en",
        "action": "import",
    }
    response = client.post("/import/", data)
    statement = Statement.objects.get()
    assert response.status_code == 302 and response["Location"] == statement.get_absolute_url()
    assert Signature.objects.count() == 34
    page = client.get(response["Location"]).content.decode()
    assert "34 new signatures" in page  # the message after the redirect


def test_an_uploaded_file_is_read_too(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("r.txt", seed_text("icor-afghanistan-2021").encode())
    response = client.post("/import/", {"file": upload, "language": "en", "action": "import"})
    assert response.status_code == 302
    assert Signature.objects.count() == 34


def test_bad_input_gets_a_message_and_writes_nothing(client, alice):
    client.force_login(alice)
    cases = [
        ({"text": ""}, "empty"),
        ({"text": "?!"}, "No statement found"),
        ({"file": SimpleUploadedFile("x.txt", "Caf\xe9".encode("latin-1"))}, "not valid UTF-8"),
        ({"file": SimpleUploadedFile("x.png", b"\x89PNG\x00\x00\x00")}, "binary"),
    ]
    for data, message in cases:
        response = client.post("/import/", {**data, "language": "en", "action": "import"})
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Statement.objects.count() == 0


def test_the_import_form_needs_a_csrf_token(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(
        "/import/", {"text": seed_text("icor-afghanistan-2021"), "action": "import"}
    )
    assert response.status_code == 403
    assert Statement.objects.count() == 0
