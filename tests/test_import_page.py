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


# --- Issue 9 §4: the preview shows everything and takes corrections --------------------------

PEOPLE_AND_ORGANIZATIONS = """Open letter

Stop the war

We, the undersigned, demand an end to the war now.

Signed:
1. ABC Association of Bakers, France
2. Jane Doe, University of Lisbon
3. we met on Tuesday and decided to sign it
Thanks to all who helped.
"""


def preview(client, text: str, **extra) -> str:
    data = {"text": text, "language": "en", "action": "preview", **extra}
    return client.post("/import/", data).content.decode()


def rows_of(html: str) -> dict:
    """The posted form as the browser would send it back: every input of the page, unchanged."""
    from html.parser import HTMLParser

    fields: dict = {}

    class Inputs(HTMLParser):
        select = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("name"):
                if a.get("type") == "checkbox":
                    if "checked" in a:
                        fields.setdefault(a["name"], []).append(a.get("value", "on"))
                elif a.get("type") not in ("submit", "file"):
                    fields[a["name"]] = a.get("value", "")
            elif tag == "select":
                self.select = a.get("name")
            elif tag == "option" and self.select and "selected" in a:
                fields[self.select] = a.get("value", "")
            elif tag == "textarea":
                self.textarea = a.get("name")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None

    Inputs().feed(html)
    fields["csrfmiddlewaretoken"] = ""
    return {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}


def test_the_preview_lists_every_signatory_persons_included(client, alice):
    client.force_login(alice)
    html = preview(client, PEOPLE_AND_ORGANIZATIONS)
    assert 'value="Association of Bakers"' in html
    assert 'value="Jane Doe"' in html and 'value="University of Lisbon"' in html
    assert 'value="person" selected' in html
    # The parser's doubt about line 3 is marked; the sure lines are not.
    assert html.count('data-testid="unsure"') == 1
    # The line after the list is offered to be taken.
    assert "Thanks to all who helped." in html
    assert Statement.objects.count() == 0


def test_the_preview_shows_the_state_it_will_get(client, alice):
    client.force_login(alice)
    html = preview(client, PEOPLE_AND_ORGANIZATIONS)
    assert 'data-testid="import-state">Draft<' in html
    html = preview(client, PEOPLE_AND_ORGANIZATIONS, state="open")
    assert 'data-testid="import-state">Open for signatures<' in html


def test_what_staff_correct_is_what_is_saved(client, alice):
    from undersigned.coalitions.models import Organization
    from undersigned.endorsements.models import Endorsement

    client.force_login(alice)
    html = preview(client, PEOPLE_AND_ORGANIZATIONS)
    data = rows_of(html)
    data["text"] = PEOPLE_AND_ORGANIZATIONS
    # Row 1: correct the name and the country; row 3 is not a signatory; a missed one typed in.
    data["entries-0-name"] = "Association of Master Bakers"
    data["entries-0-country"] = "Belgium"
    data["entries-2-keep"] = []
    data["entries-3-name"] = "Chaos Computer Club"
    data["entries-3-abbreviation"] = "CCC"
    data["entries-3-country"] = "DE"
    data["action"] = "import"
    response = client.post("/import/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    statement = Statement.objects.get()
    assert statement.state == "draft"
    organizations = {(o.abbreviation, o.name, o.country.code) for o in Organization.objects.all()}
    assert organizations == {
        ("ABC", "Association of Master Bakers", "BE"),
        ("CCC", "Chaos Computer Club", "DE"),
    }
    assert Signature.objects.count() == 2
    person = Endorsement.objects.get()
    assert (person.name, person.affiliation) == ("Jane Doe", "University of Lisbon")


def test_a_line_the_parser_missed_can_be_taken(client, alice):
    client.force_login(alice)
    html = preview(client, PEOPLE_AND_ORGANIZATIONS)
    data = rows_of(html)
    data["text"] = PEOPLE_AND_ORGANIZATIONS
    line = next(k for k, v in data.items() if k == "take") if "take" in data else None
    assert line is None  # nothing ticked yet
    number = html.split('name="take" value="', 1)[1].split('"', 1)[0]
    data["take"] = [number]
    data["action"] = "import"  # lines just taken are shown first, not imported unseen
    html = client.post("/import/", data).content.decode()
    assert Statement.objects.count() == 0
    assert 'value="Thanks to all who helped"' in html
    assert "check them, then import" in html


def test_a_name_too_long_is_a_message_on_its_row(client, alice):
    client.force_login(alice)
    html = preview(client, PEOPLE_AND_ORGANIZATIONS)
    data = rows_of(html)
    data["text"] = PEOPLE_AND_ORGANIZATIONS
    data["entries-0-name"] = "Long" * 50_000
    data["action"] = "import"
    html = client.post("/import/", data).content.decode()
    assert "200000 characters: at most 300 fit." in html
    assert Statement.objects.count() == 0


def test_a_single_word_is_refused_and_nothing_is_written(client, alice):
    client.force_login(alice)
    for action in ("preview", "import"):
        response = client.post("/import/", {"text": "hello", "language": "en", "action": action})
        html = response.content.decode()
        assert response.status_code == 200
        assert "The text has no paragraphs" in html
        assert 'value="import"' not in html
    assert Statement.objects.count() == 0
    assert "hello" not in client.get("/").content.decode()


def test_importing_the_same_text_twice_shows_it_in_the_preview(client, alice, icor):
    client.force_login(alice)
    data = {
        "text": seed_text("icor-afghanistan-2021"),
        "coalition": icor.pk,
        "language": "en",
        "action": "import",
    }
    assert client.post("/import/", data).status_code == 302
    html = client.post("/import/", {**data, "action": "preview"}).content.decode()
    assert "exists already (same title and issuer" in html
    assert "Nothing to import" in html and 'value="import"' not in html
    assert client.post("/import/", data).status_code == 200
    assert Statement.objects.count() == 1


def test_the_preview_takes_no_write_lock(client, alice, icor):
    """No transaction, no write: a long paste holds up no one (SQLite locks on BEGIN)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        preview(client, seed_text("icor-afghanistan-2021"), coalition=icor.pk)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split(None, 1)[0].upper()
        in ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "BEGIN")
        and "django_session" not in q["sql"]
    ]
    assert writes == []


def test_a_json_export_pasted_is_read_back_field_for_field(client, alice, resolution):
    client.force_login(alice)
    exported = client.get(f"/s/{resolution.slug}/export.json").content.decode()
    html = preview(client, exported, coalition=resolution.coalition_id)
    assert "exists already (same title and issuer" in html
    assert 'value="Union of Cypriots"' in html and 'value="CY"' in html
    assert "Lines not taken as signatories" not in html
    html = preview(client, '{"title": 3}')
    assert "not a statement as undersigned exports it" in html


def test_a_dropped_row_is_not_checked_and_an_unknown_country_is_a_message(client, alice):
    client.force_login(alice)
    data = rows_of(preview(client, PEOPLE_AND_ORGANIZATIONS))
    data.update(text=PEOPLE_AND_ORGANIZATIONS, action="preview")
    data["entries-0-country"] = "Atlantis"
    html = client.post("/import/", data).content.decode()
    assert "Unknown country" in html and 'value="import"' not in html
    data["entries-0-keep"] = []  # dropped: its country no longer matters
    data["action"] = "import"
    assert client.post("/import/", data).status_code == 302
    assert not Statement.objects.get().signatures.filter(organization__name__contains="Bakers")
