"""The import preview marks each cell the parser is unsure of, not only its row: a visible
mark, a pointer to the legend for screen readers, until staff change the value."""

import re

from undersigned.statements.models import Statement

from .test_import_page import preview, rows_of

ONE_UNSURE_FIELD = """Open letter

Stop the war

We, the undersigned, demand an end to the war now.

Signed:
1. ABC Association of Bakers, France
2. Marie Curie, chargée de mission à l’UNEF
"""


def cell_of(html: str, name: str) -> str:
    """The <td> holding the input (or select) named name."""
    for cell in re.findall(r"<td>(.*?)</td>", html, flags=re.S):
        if f'name="{name}"' in cell:
            return cell
    raise AssertionError(f"no cell for {name}")


def test_only_the_unsure_cell_carries_the_mark_and_the_legend_explains_it(client, alice):
    client.force_login(alice)
    html = preview(client, ONE_UNSURE_FIELD)
    # Row 2's affiliation: a role the parser does not know ("chargée de mission") is left in it.
    unsure = cell_of(html, "entries-1-affiliation")
    assert 'data-testid="unsure-field"' in unsure
    assert 'aria-describedby="unsure-legend"' in unsure and 'class="unsure"' in unsure
    assert html.count('data-testid="unsure-field"') == 1
    for sure in ("entries-1-name", "entries-1-kind", "entries-0-name", "entries-0-country"):
        cell = cell_of(html, sure)
        assert "unsure-field" not in cell and "aria-describedby" not in cell
    # Neither line is in doubt as a signatory: no row is marked.
    assert 'data-testid="unsure"' not in html
    legend = re.search(r'<p[^>]*id="unsure-legend"[^>]*>(.*?)</p>', html, flags=re.S)
    assert legend and "⚠" in legend[1] and "Unsure: the parser guessed this field" in legend[1]
    assert Statement.objects.count() == 0


def test_the_mark_goes_once_staff_change_the_value(client, alice):
    client.force_login(alice)
    data = rows_of(preview(client, ONE_UNSURE_FIELD))
    data.update({"text": ONE_UNSURE_FIELD, "action": "preview"})
    html = client.post("/import/", data).content.decode()
    assert html.count('data-testid="unsure-field"') == 1  # unchanged: still marked
    data["entries-1-affiliation"] = "UNEF"
    html = client.post("/import/", data).content.decode()
    assert 'data-testid="unsure-field"' not in html
    assert 'value="UNEF"' in html


def test_the_mark_is_translated(client, alice):
    client.force_login(alice)
    html = client.post(
        "/fr/import/", {"text": ONE_UNSURE_FIELD, "language": "fr", "action": "preview"}
    ).content.decode()
    assert "Incertain : l’analyseur a deviné ce champ" in html
    assert 'title="incertain : à vérifier"' in html


def test_the_dry_run_names_the_unsure_fields(db, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "letter.txt"
    path.write_text(ONE_UNSURE_FIELD, encoding="utf-8")
    call_command("import", str(path), dry_run=True)
    lines = capsys.readouterr().out.splitlines()
    curie = next(line for line in lines if "Marie Curie" in line)
    bakers = next(line for line in lines if "Association of Bakers" in line)
    assert "(unsure: check affiliation)" in curie
    assert "unsure" not in bakers
    assert Statement.objects.count() == 0
