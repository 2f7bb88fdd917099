"""The endorsement map, chart, numbers partial and their views.

The views go through the project's urls and the real middleware (locale, CSP).
"""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from undersigned.endorsements.models import Endorsement
from undersigned.endorsements.pictures import (
    CHART_HEIGHT,
    CHART_WIDTH,
    ZERO,
    colour_steps,
    daily_chart_svg,
    map_size,
    top_countries,
    world_map_svg,
)
from undersigned.endorsements.stats import endorsement_stats
from undersigned.statements.models import Statement, Text

SVG = "{http://www.w3.org/2000/svg}"


def with_picture_urls(test):  # the views are mounted in the project's urls.py now
    return test


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    return root


def fills_by_title(root: ET.Element) -> dict[str, str]:
    """ "Germany: 1,234" → fill, for every country path."""
    return {p.find(f"{SVG}title").text: p.get("fill") for p in root.iter(f"{SVG}path")}


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]


def days(count: int, start: dt.date = dt.date(2024, 1, 1)) -> list[tuple[str, int]]:
    return [((start + dt.timedelta(days=i)).isoformat(), i % 7 + 1) for i in range(count)]


# The map


def test_it_colours_a_country_with_endorsements_differently_from_one_without():
    root = parse(world_map_svg({"DE": 1234, "FR": 3, "": 9}, title="Map"))
    fills = fills_by_title(root)
    assert fills["Germany: 1,234"] != fills["Spain: 0"] == ZERO
    assert fills["France: 3"] not in (ZERO, fills["Germany: 1,234"])  # log scale: a paler step
    assert len(fills) > 200


def test_it_draws_a_valid_map_without_endorsements():
    for by_country in ({}, {"": 5}, {"DE": 0}):
        root = parse(world_map_svg(by_country, title="Map"))
        assert set(fills_by_title(root).values()) == {ZERO}
        assert root.find(f"{SVG}desc").text == "No confirmed endorsements yet."
        assert (int(root.get("width")), int(root.get("height"))) == map_size()


def test_it_colours_every_island_of_a_code_and_tolerates_unknown_codes():
    root = parse(world_map_svg({"um": 2, "ZZ": 5}, title="Map"))
    outlying = [
        p.get("fill")
        for p in root.iter(f"{SVG}path")
        if p.find(f"{SVG}title").text == "United States Minor Outlying Islands: 2"
    ]
    assert len(outlying) > 1 and ZERO not in outlying


def test_it_escapes_text_in_svg():
    title = 'Stop <script>alert("x")</script> & more'
    for svg in (world_map_svg({}, title=title), daily_chart_svg(days(3), title=title)):
        assert "<script>" not in svg
        assert parse(svg).find(f"{SVG}title").text == title


def test_it_names_countries_and_numbers_in_the_active_language():
    with translation.override("de"):
        fills = fills_by_title(parse(world_map_svg({"DE": 1234}, title="Karte")))
    assert "Deutschland: 1.234" in fills


def test_it_mirrors_for_right_to_left_languages():
    with translation.override("ar"):
        root = parse(daily_chart_svg(days(3), title="x"))
    assert root.get("direction") == "rtl"
    first, last = bars(root)[0], bars(root)[-1]
    assert float(first.get("x")) > float(last.get("x"))  # the first day on the right


def test_it_spreads_colour_steps_on_a_log_scale():
    assert colour_steps(0) == []
    assert colour_steps(1) == [1]
    assert colour_steps(3) == [1, 2, 3]
    assert colour_steps(1000) == [1, 4, 10, 32, 100, 317]


def test_it_ranks_countries_most_first_ties_by_code():
    assert top_countries({"FR": 2, "DE": 5, "": 2, "AT": 2}, 3) == [("DE", 5), ("", 2), ("AT", 2)]


# The chart


def test_it_charts_no_days():
    root = parse(daily_chart_svg([], title="Chart"))
    assert bars(root) == []
    assert "No confirmed endorsements yet." in ET.tostring(root, encoding="unicode")


def test_it_charts_one_day():
    root = parse(daily_chart_svg([("2024-03-05", 3)], title="Chart"))
    (bar,) = bars(root)
    assert bar.find(f"{SVG}title").text == "March 5, 2024: 3"
    assert float(bar.get("width")) <= 48  # not one slab across the chart
    assert root.find(f"{SVG}desc").text == "March 5, 2024: 3 confirmed endorsements."


def test_it_charts_days_without_endorsements_as_empty_bars():
    root = parse(daily_chart_svg([("2024-03-01", 2), ("2024-03-04", 1)], title="Chart"))
    assert [float(b.get("height")) == 0 for b in bars(root)] == [False, True, True, False]


def test_it_charts_400_days_by_week():
    by_day = days(400)
    root = parse(daily_chart_svg(by_day, title="Chart"))
    weekly = bars(root)
    assert 57 <= len(weekly) <= 59
    assert "per week" in root.find(f"{SVG}desc").text
    total = sum(int(b.find(f"{SVG}title").text.rsplit(": ", 1)[1].replace(",", "")) for b in weekly)
    assert total == sum(n for _, n in by_day)
    assert (int(root.get("width")), int(root.get("height"))) == (CHART_WIDTH, CHART_HEIGHT)


def test_it_charts_years_by_month():
    root = parse(daily_chart_svg(days(3 * 365), title="Chart"))
    assert len(bars(root)) == 36
    assert "per month" in root.find(f"{SVG}desc").text


# The views


def make_statement(slug: str = "dockers", state: str = "open") -> Statement:
    statement = Statement.objects.create(slug=slug, state=state)
    Text.objects.create(statement=statement, language="en", title="Support the dockers", body="…")
    return statement


def endorse(statement: Statement, country: str, count: int = 1, **fields) -> None:
    fields.setdefault("confirmed_at", timezone.now())
    Endorsement.objects.bulk_create(
        Endorsement(statement=statement, name=f"Person {i}", country=country, **fields)
        for i in range(count)
    )


@pytest.fixture
def endorsed(db) -> Statement:
    statement = make_statement()
    endorse(statement, "DE", 1001)
    endorse(statement, "FR", 2)
    endorse(statement, "")
    endorse(statement, "IT", 5, confirmed_at=None)  # not confirmed: not counted
    endorse(statement, "ES", 5, hidden=True)  # spam: not counted
    return statement


@with_picture_urls
def test_it_serves_the_map_as_svg(client, endorsed):
    response = client.get("/s/dockers/map.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert sorted(response["Cache-Control"].split(", ")) == ["max-age=5", "public"]
    root = parse(response.content.decode())
    assert "Support the dockers" in root.find(f"{SVG}title").text
    fills = fills_by_title(root)
    assert fills["Germany: 1,001"] != ZERO
    assert fills["Italy: 0"] == fills["Spain: 0"] == ZERO


@with_picture_urls
def test_it_serves_the_chart_as_svg(client, endorsed):
    response = client.get("/s/dockers/chart.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert sorted(response["Cache-Control"].split(", ")) == ["max-age=5", "public"]
    (bar,) = bars(parse(response.content.decode()))
    assert bar.find(f"{SVG}title").text.endswith(": 1,004")


@with_picture_urls
def test_it_serves_the_numbers_as_json(client, endorsed):
    response = client.get("/s/dockers/stats.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    # Browsers ask every time; shared caches and our own page cache keep it two seconds.
    assert sorted(response["Cache-Control"].split(", ")) == [
        "max-age=0",
        "public",
        "s-maxage=2",
        "stale-while-revalidate=30",
    ]
    data = response.json()
    assert data["confirmed"] == 1004 and data["total"] == 1009
    assert data["confirmed_display"] == "1,004"
    assert data["by_country"] == {"DE": 1001, "FR": 2, "": 1}
    assert dt.datetime.fromisoformat(data["computed_at"]) <= timezone.now()
    assert re.fullmatch(r"\d\d:\d\d:\d\d", data["computed_at_display"])
    assert [(c["name"], c["count_display"]) for c in data["top_countries"]] == [
        ("Germany", "1,001"),
        ("France", "2"),
        ("Not given", "1"),
    ]


@with_picture_urls
def test_it_hides_a_draft_from_anonymous_people(client, db):
    make_statement("secret", state="draft")
    for name in ("map.svg", "chart.svg", "stats.json"):
        assert client.get(f"/s/secret/{name}").status_code == 404
    assert client.get("/s/nothing-here/map.svg").status_code == 404


@with_picture_urls
def test_it_caches_a_draft_privately_for_its_coordinator(client, draft, carol):
    client.force_login(carol)
    response = client.get(f"/s/{draft.slug}/map.svg")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


# The partial


@with_picture_urls
def test_it_renders_the_numbers_partial(endorsed):
    html = render_to_string(
        "endorsements/_numbers.html",
        {"statement": endorsed, "stats": endorsement_stats(endorsed)},
    )
    assert 'data-stats-url="/s/dockers/stats.json"' in html
    assert re.search(r'data-live-confirmed aria-live="polite">1,004<', html)
    assert html.count("aria-live") == 1
    assert re.search(r'<time datetime="[^"]+" data-live-time>\d\d:\d\d:\d\d</time>', html)
    width, height = map_size()
    assert f'src="/s/dockers/map.svg" data-live-picture width="{width}" height="{height}"' in html
    assert f'width="{CHART_WIDTH}" height="{CHART_HEIGHT}"' in html
    assert all(alt.strip() for alt in re.findall(r'alt="([^"]*)"', html))
    rows = re.findall(r'<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>', html)
    assert rows == [("Germany", "1,001"), ("France", "2"), ("Not given", "1")]
    # The page's CSP forbids inline scripts and styles.
    assert "<script" not in html and "style=" not in html


@with_picture_urls
def test_it_renders_the_numbers_partial_without_endorsements(db):
    statement = make_statement()
    html = render_to_string(
        "endorsements/_numbers.html",
        {"statement": statement, "stats": endorsement_stats(statement)},
    )
    assert "No confirmed endorsements yet." in html
    assert re.search(r"data-live-confirmed[^>]*>0<", html)
