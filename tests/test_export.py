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
