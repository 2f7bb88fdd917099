"""A correction made in the import's preview lasts: the same text imported again adds nothing
twice. And a text that matches another statement's words under another title is asked about,
not attached (issue 22, item 4)."""

import pytest

from undersigned.audit.models import Event
from undersigned.coalitions.models import Organization, OrganizationAlias
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement

from .test_import_page import preview, rows_of

LETTER = """Open letter

Stop the surveillance of trade unions

We ask the government to stop watching those who organize.

Signatories:
1. ver.di
2. Fédération Syndicale Unitaire (FSU), France
"""


def corrected_import(client) -> None:
    """Staff complete the first line: ver.di's abbreviation, full name and country."""
    data = rows_of(preview(client, LETTER))
    data.update(text=LETTER, language="en", action="import")
    data["entries-0-abbreviation"] = "ver.di"
    data["entries-0-name"] = "Vereinte Dienstleistungsgewerkschaft"
    data["entries-0-country"] = "DE"
    response = client.post("/import/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_corrected_organization_is_not_added_twice_on_a_second_import(client, alice):
    client.force_login(alice)
    corrected_import(client)
    assert Organization.objects.count() == 2
    verdi = Organization.objects.get(abbreviation="ver.di")
    alias = OrganizationAlias.objects.get()
    assert (alias.organization, alias.abbreviation, alias.name, alias.country) == (
        verdi,
        "",
        "ver.di",
        "",
    )
    event = Event.objects.filter(organization=verdi, details__alias__name="ver.di")
    assert event.count() == 1

    # The same text again, as published: ver.di is known by how the list writes it.
    html = preview(client, LETTER)
    assert "Nothing to import" in html
    assert "0 new organizations" in html
    data = rows_of(html)
    data.update(text=LETTER, language="en", action="import")
    client.post("/import/", data)
    assert Organization.objects.count() == 2
    assert Signature.objects.count() == 2
    assert OrganizationAlias.objects.count() == 1


def test_a_person_corrected_into_an_organization_is_that_organization_next_time(client, alice):
    text = LETTER.replace("1. ver.di", "1. Jane Roe, Tenants' Union")
    client.force_login(alice)
    data = rows_of(preview(client, text))
    assert data["entries-0-kind"] == "person"
    data.update(text=text, language="en", action="import")
    data["entries-0-kind"] = "organization"
    data["entries-0-name"] = "Tenants' Union"
    data["entries-0-affiliation"] = ""
    assert client.post("/import/", data).status_code == 302
    html = preview(client, text)
    assert "Nothing to import" in html


def test_the_same_text_under_another_title_asks_instead_of_adding_a_version(client, alice):
    client.force_login(alice)
    data = rows_of(preview(client, LETTER))
    data.update(text=LETTER, language="en", action="import")
    assert client.post("/import/", data).status_code == 302
    retitled = LETTER.replace("Stop the surveillance of trade unions", "No more surveillance")
    html = preview(client, retitled)
    assert "under another title, “Stop the surveillance of trade unions”" in html
    assert "exists already" not in html
    assert "Its text differs" not in html
    assert 'value="import"' not in html
    # Told it is a statement of its own, it imports it as one.
    data = rows_of(html)
    data.update(text=retitled, language="en", action="import", separate="on")
    assert client.post("/import/", data).status_code == 302
    assert Statement.objects.count() == 2


def test_the_command_line_and_the_api_ask_the_same_and_take_separate(client, alice, tmp_path):
    """The question of the import page, answered the way each of them can: `--separate` on
    the command line, `"separate": true` in the API."""
    from django.core.management import CommandError, call_command

    from undersigned.accounts.tokens import create_api_token

    first = tmp_path / "letter.txt"
    first.write_text(LETTER, encoding="utf-8")
    call_command("import", str(first), verbosity=0)
    retitled = tmp_path / "retitled.txt"
    retitled.write_text(LETTER.replace("Stop the surveillance", "End the surveillance"), "utf-8")
    with pytest.raises(CommandError, match=r"under another title.*add --separate"):
        call_command("import", str(retitled), verbosity=0)
    assert Statement.objects.count() == 1
    call_command("import", str(retitled), "--separate", verbosity=0)
    assert Statement.objects.count() == 2

    headers = {"Authorization": f"Bearer {create_api_token(user=alice, name='i')[1]}"}
    again = {"text": LETTER.replace("Stop the surveillance", "Halt the surveillance"), "save": True}
    refused = client.post(
        "/api/v1/imports", again, content_type="application/json", headers=headers
    )
    assert refused.status_code == 409, refused.content
    assert 'add \\"separate\\": true' in refused.content.decode()
    assert Statement.objects.count() == 2
    taken = client.post(
        "/api/v1/imports", {**again, "separate": True}, content_type="application/json",
        headers=headers,
    )  # fmt: skip
    assert taken.status_code == 201, taken.content
    assert Statement.objects.count() == 3
