import json

from django.core.management import call_command

from undersigned.textformat import parse

from .conftest import seed_text


def test_the_text_export_parses_back_to_the_same_signatories(resolution):
    from undersigned.web.exporting import export_statement

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
    assert markdown.startswith("# ") or "\n# " in markdown
    assert client.get(f"/s/{resolution.slug}/export.exe").status_code == 404


def test_the_command_exports_to_a_file(resolution, tmp_path):
    path = tmp_path / "out.md"
    call_command("export", resolution.slug, fmt="md", output=str(path))
    assert "Marxistisch-Leninistische Partei Deutschlands" in path.read_text()


def test_the_text_export_keeps_a_country_the_original_stated(resolution):
    from undersigned.web.exporting import export_statement

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
    from undersigned.web.exporting import export_statement
    from undersigned.web.importing import import_document

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
