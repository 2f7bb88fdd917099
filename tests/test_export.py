import json

from django.core.management import call_command

from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

from .conftest import seed_text


def test_the_text_export_parses_back_to_the_same_signatories(resolution):
    from undersigned.transfer.exporting import export_statement

    exported = parse(export_statement(resolution, "txt"))
    original = parse(seed_text("icor-afghanistan-2021"))
    assert exported.title == original.title
    assert exported.subtitle == original.subtitle
    assert exported.body == original.body
    assert exported.signatories_as_of == "2021-09-15"
    assert exported.further_signatories_possible
    assert [s.to_dict() for s in exported.signatories] == [
        s.to_dict() for s in original.signatories
    ]


def test_the_download_links_serve_each_format(client, resolution):
    html = client.get(resolution.get_absolute_url()).content.decode()
    for fmt in ("txt", "md", "json"):
        url = f"/s/{resolution.slug}/export.{fmt}"
        assert url in html
        response = client.get(url)
        assert response.status_code == 200
        assert f'filename="{resolution.slug}.{fmt}"' in response["Content-Disposition"]
    data = json.loads(client.get(f"/s/{resolution.slug}/export.json").content)
    assert len(data["signatories"]) == 34 and data["kind"] == "resolution"
    markdown = client.get(f"/s/{resolution.slug}/export.md").content.decode()
    assert markdown.startswith("*Resolution*\n\n# No to any imperialist or expansionist")
    assert client.get(f"/s/{resolution.slug}/export.exe").status_code == 404


def test_the_command_exports_to_a_file(resolution, tmp_path):
    path = tmp_path / "out.md"
    call_command("export", resolution.slug, fmt="md", output=str(path))
    assert "Marxistisch-Leninistische Partei Deutschlands" in path.read_text()


def test_the_text_export_keeps_a_country_the_original_stated(resolution):
    from undersigned.transfer.exporting import export_statement

    exported = export_statement(resolution, "txt")
    assert "28. UoC Union of Cypriots, Cyprus\n" in exported
    assert "22. RM Rode Morgen (Red Dawn), Netherlands\n" in exported
    # A name that says the country is not followed by it again.
    assert "9. CPB Communist Party of Bangladesh\n" in exported


def _stored(statement) -> list[tuple]:
    return [
        (o.abbreviation, o.name, o.name_en, o.country.code)
        for o in (s.organization for s in statement.signatures.in_signing_order())
    ]


def test_export_then_import_keeps_every_signatory(resolution, alice):
    """Export, delete, import the export: the same organizations, field for field."""
    from undersigned.coalitions.models import Organization
    from undersigned.transfer.exporting import export_statement
    from undersigned.transfer.importing import import_document

    before = _stored(resolution)
    exported = export_statement(resolution, "txt")
    coalition = resolution.coalition
    resolution.signatures.all().delete()
    resolution.texts.all().delete()
    resolution.delete()
    Organization.objects.all().delete()
    plan = import_document(parse(exported), coalition=coalition, state="open", user=alice)
    assert _stored(plan.saved) == before
    assert plan.saved.state == "open"


ODD_NAMES = [
    # (abbreviation, name, English name, country): names a text line cannot carry unambiguously.
    ("KP", "Solidarity Union", "Communist Party of India", "BR"),
    ("M-L", "New Green", "Workers' League", "US"),
    ("", "Of", "Communist Party of India", "DE"),
    ("CPI (ML)", "/ of Club, Marxist-Leninist (the League)", "", "CY"),
    ("ABC", "Jane Doe", "", ""),
]


def test_export_then_import_as_json_keeps_any_signatory(db, alice, tmp_path):
    """JSON is the lossless way: whatever the names look like, they come back as they were."""
    from undersigned.coalitions.models import Organization
    from undersigned.signing.models import Signature
    from undersigned.statements.models import Statement

    statement = import_document(
        parse("Odd names\n\nA paragraph.\n"), state="open", user=alice, source="test"
    ).saved
    for abbreviation, name, name_en, country in ODD_NAMES:
        organization = Organization.objects.create(
            abbreviation=abbreviation, name=name, name_en=name_en, country=country
        )
        Signature.objects.create(
            statement=statement,
            organization=organization,
            text=statement.current_text(),
            signed_at=statement.opened_at or statement.created_at,
            method="imported",
        )
    path = tmp_path / "odd.json"
    call_command("export", statement.slug, fmt="json", output=str(path))
    before = _stored(statement)
    Signature.objects.all().delete()
    Statement.objects.all().delete()
    Organization.objects.all().delete()
    call_command("import", str(path), state="open")
    assert _stored(Statement.objects.get()) == before


def test_a_json_file_that_is_not_an_export_is_refused(db, tmp_path):
    from django.core.management import CommandError

    for content in ('{"title": 3}', "{not json", '{"title": "T", "date": "yesterday"}'):
        path = tmp_path / "bad.json"
        path.write_text(content)
        try:
            call_command("import", str(path))
        except CommandError as error:
            assert "bad.json" in str(error)
        else:
            raise AssertionError(f"{content!r} was imported")
