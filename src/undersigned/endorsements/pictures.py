"""Pictures of the endorsement numbers: a world map and a bar chart, as standalone SVG documents.

Drawn on the server so that the page needs no charting script and works without JavaScript.
They are served as images of their own, so they may carry fills that the page's CSP would forbid
inline; they use presentation attributes only (no <style>), which no style-src policy blocks.
"""

import datetime as dt
import json
import math
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import get_language, get_language_bidi, gettext, ngettext
from django_countries import countries

from undersigned.core.l10n import local_number, native_digits

MAP_DATA = Path(__file__).resolve().parent / "data" / "world.json"
MAP_CREDIT = "@svg-maps/world, Victor Cazanave, CC BY 4.0"
# ColorBrewer "Blues" (6 classes), light to dark: readable in greyscale and by most colour-blind
# readers. Zero stays a warm grey so "none yet" does not look like "a few".
SCALE = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")
ZERO = "#e4e1da"
INK = "#1d1b19"
INK_SOFT = "#514b45"
GRID = "#e3ded6"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Tahoma, sans-serif"
# Islands the map draws separately that ISO 3166 counts as part of another code.
MAP_ALIASES = {"go": "TF", "ju": "TF"}
LEGEND_HEIGHT = 70
MAX_BARS = 120  # more days than this become weeks, more weeks than this become months
CHART_WIDTH, CHART_HEIGHT = 720, 260


def number(n: int) -> str:
    """A count in the reader's language (grouped, and in Persian digits for Persian)."""
    return local_number(n)


@cache
def world_map_data() -> dict[str, Any]:
    """The vendored map (see data/README.md): a viewBox and {id, name, path} per location."""
    return json.loads(MAP_DATA.read_text("utf-8"))


def map_size() -> tuple[int, int]:
    """Width and height of the map picture, for the <img> that shows it."""
    _, _, width, height = (float(v) for v in world_map_data()["viewBox"].split())
    return round(width), round(height) + LEGEND_HEIGHT


def country_code(location_id: str) -> str:
    """The ISO 3166 code a map location counts for ("um-wq" is part of "UM")."""
    return MAP_ALIASES.get(location_id) or location_id.split("-")[0].upper()


def country_name(code: str, fallback: str = "") -> str:
    """The country's name in the active language; the map's English name for codes outside ISO."""
    return countries.name(code) or fallback or code


def top_countries(by_country: dict[str, int], limit: int | None = None) -> list[tuple[str, int]]:
    """Countries with the most endorsements first ("" for "not given" included), ties by code."""
    ranked = sorted(by_country.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit] if limit is not None else ranked


def colour_steps(top: int, steps: int = len(SCALE)) -> list[int]:
    """The lowest count of each colour step: up to `steps` integers on a log scale up to top.

    A log scale because endorsements pile up in a few countries; linear steps would paint every
    other country the palest blue. Small maxima give fewer, distinct steps (1, 2, 3 rather than
    1, 1, 2, 2, 3, 3).
    """
    if top < 1:
        return []
    # The small epsilon keeps 1000 ** (1/3) = 9.9999… from becoming 10 and 10.000…1 from 11.
    return sorted({max(1, math.ceil(top ** (k / steps) - 1e-9)) for k in range(steps)})


def step_colour(index: int, count: int) -> str:
    """The colour of step `index` of `count`: spread over the scale, the top step darkest."""
    if count <= 1:
        return SCALE[-1]
    return SCALE[round(index * (len(SCALE) - 1) / (count - 1))]


def fill_for(n: int, bounds: list[int]) -> str:
    if n <= 0 or not bounds:
        return ZERO
    return step_colour(bisect_right(bounds, n) - 1, len(bounds))


def world_map_svg(by_country: dict[str, int], *, title: str) -> str:
    """A standalone SVG world map, each country filled by its number of confirmed endorsements."""
    data = world_map_data()
    width, height = map_size()
    counts = {code.upper(): n for code, n in by_country.items() if code}
    top = max(counts.values(), default=0)
    bounds = colour_steps(top)
    paths = []
    for location in data["locations"]:
        code = country_code(location["id"])
        n = counts.get(code, 0)
        label = gettext("%(country)s: %(count)s") % {
            "country": country_name(code, location["name"]),
            "count": number(n),
        }
        paths.append(
            f'<path d="{location["path"]}" fill="{fill_for(n, bounds)}">'
            f"<title>{escape(label)}</title></path>"
        )
    body = (
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
        f'<g stroke="#fff" stroke-width="0.4" stroke-linejoin="round">{"".join(paths)}</g>'
        + _legend(bounds, top, width=width, y=height - LEGEND_HEIGHT)
        + _credit(width, y=height - LEGEND_HEIGHT + 18)
    )
    return _document(width, height, title, _map_description(by_country), body)


def _map_description(by_country: dict[str, int]) -> str:
    ranked = [(code, n) for code, n in top_countries(by_country) if code and n > 0]
    if not ranked:
        return gettext("No confirmed endorsements yet.")
    code, n = ranked[0]
    return " ".join(
        [
            ngettext(
                "Confirmed endorsements from %(count)s country.",
                "Confirmed endorsements from %(count)s countries.",
                len(ranked),
            )
            % {"count": number(len(ranked))},
            gettext("Darker countries have more. The most, %(count)s, come from %(country)s.")
            % {"count": number(n), "country": country_name(code)},
        ]
    )


def _legend(bounds: list[int], top: int, *, width: int, y: int) -> str:
    """Swatches from "0" to the top step, centred under the map, in reading order."""
    labels = [("0", ZERO)]
    for i, low in enumerate(bounds):
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else top
        text = number(low) if low == high else f"{number(low)}–{number(high)}"
        labels.append((text, step_colour(i, len(bounds))))
    slot = 100
    start = (width - slot * len(labels)) / 2
    rtl = get_language_bidi()
    parts = [
        f'<text x="{width / 2:g}" y="{y + 18}" text-anchor="middle" font-size="14" '
        f'fill="{INK}">{escape(gettext("Confirmed endorsements"))}</text>'
    ]
    for i, (text, colour) in enumerate(labels):
        centre = start + slot * (i + 0.5)
        if rtl:  # low to high runs the way the reader reads
            centre = width - centre
        parts.append(
            f'<rect x="{centre - 20:g}" y="{y + 28}" width="40" height="14" fill="{colour}" '
            f'stroke="{INK_SOFT}" stroke-width="0.5"/>'
            f'<text x="{centre:g}" y="{y + 60}" text-anchor="middle" font-size="13" '
            f'fill="{INK}">{escape(text)}</text>'
        )
    return "".join(parts)


def _credit(width: int, *, y: int) -> str:
    """The attribution CC BY 4.0 asks for (data/README.md): small, level with the legend's caption
    in the end corner, clear of the swatch labels."""
    credit = gettext("Map: %(source)s") % {"source": MAP_CREDIT}
    x = 6 if get_language_bidi() else width - 6  # "end" anchors towards that corner either way
    return (
        f'<text x="{x}" y="{y}" text-anchor="end" font-size="10" '
        f'fill="{INK_SOFT}">{escape(credit)}</text>'
    )


def daily_chart_svg(by_day: list[tuple[str, int]], *, title: str) -> str:
    """A standalone SVG bar chart of confirmed endorsements per day (per week or month if long)."""
    width, height = CHART_WIDTH, CHART_HEIGHT
    unit, buckets = _buckets(by_day)
    if not buckets:
        message = gettext("No confirmed endorsements yet.")
        body = (
            f'<rect width="{width}" height="{height}" fill="#fff"/>'
            f'<text x="{width / 2:g}" y="{height / 2:g}" text-anchor="middle" font-size="16" '
            f'fill="{INK_SOFT}">{escape(message)}</text>'
        )
        return _document(width, height, title, message, body)

    rtl = get_language_bidi()
    side, end_side, top_margin, bottom_margin = 56, 16, 16, 40
    plot_width = width - side - end_side
    plot_bottom = height - bottom_margin
    plot_height = plot_bottom - top_margin
    ticks = _ticks(max(n for _, n in buckets))
    scale_top = ticks[-1]
    slot = plot_width / len(buckets)
    # A gap between bars unless they would vanish; no single fat bar across the whole chart.
    bar_width = min(slot * 0.8 if slot >= 4 else slot, 48)

    def x(offset: float) -> float:
        """Left-to-right offset in the plot to x; time runs the reading direction."""
        return width - side - offset if rtl else side + offset

    parts = [f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for tick in ticks:
        y = plot_bottom - plot_height * tick / scale_top
        # "end" anchors at the side facing the plot in either direction (the root sets it).
        parts.append(
            f'<line x1="{x(0):g}" x2="{x(plot_width):g}" y1="{y:g}" y2="{y:g}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{x(-8):g}" y="{y + 4:g}" text-anchor="end" font-size="12" '
            f'fill="{INK_SOFT}">{escape(number(tick))}</text>'
        )
    for i, (start, n) in enumerate(buckets):
        bar_height = plot_height * n / scale_top
        left = x(i * slot + (slot - bar_width) / 2)
        right = x(i * slot + (slot + bar_width) / 2)
        label = gettext("%(when)s: %(count)s") % {"when": _when(unit, start), "count": number(n)}
        parts.append(
            f'<rect class="bar" x="{min(left, right):.2f}" y="{plot_bottom - bar_height:.2f}" '
            f'width="{abs(right - left):.2f}" height="{bar_height:.2f}" fill="{SCALE[-2]}">'
            f"<title>{escape(label)}</title></rect>"
        )
    parts.append(
        f'<line x1="{x(0):g}" x2="{x(plot_width):g}" y1="{plot_bottom}" y2="{plot_bottom}" '
        f'stroke="{INK_SOFT}" stroke-width="1"/>'
    )
    parts += _axis_labels(unit, buckets, x=x, slot=slot, y=plot_bottom + 22)
    return _document(width, height, title, _chart_description(unit, buckets), "".join(parts))


def _day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _buckets(by_day: list[tuple[str, int]]) -> tuple[str, list[tuple[dt.date, int]]]:
    """("day" | "week" | "month", [(first day of bucket, count)]), every bucket from first to last.

    Days without endorsements are absent from the numbers; filled in with zero, so a quiet week
    shows as a gap and not as a shorter chart.
    """
    counts: dict[dt.date, int] = {}
    for day, n in by_day:
        counts[_day(day)] = counts.get(_day(day), 0) + n
    if not counts:
        return "day", []
    first, last = min(counts), max(counts)
    span = (last - first).days + 1
    if span <= MAX_BARS:
        unit, key = "day", lambda d: d
    elif span <= MAX_BARS * 7:
        unit, key = "week", lambda d: d - dt.timedelta(days=d.weekday())
    else:
        unit, key = "month", lambda d: d.replace(day=1)
    totals: dict[dt.date, int] = {}
    for offset in range(span):
        totals.setdefault(key(first + dt.timedelta(days=offset)), 0)
    for day, n in counts.items():
        totals[key(day)] += n
    return unit, sorted(totals.items())


def _ticks(top: int) -> list[int]:
    """0 and up to four round steps (1, 2 or 5 × 10ⁿ apart) reaching at least top."""
    top = max(top, 1)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if math.ceil(top / step) <= 4:
                return [step * k for k in range(math.ceil(top / step) + 1)]
        magnitude *= 10


def _when(unit: str, start: dt.date) -> str:
    if unit == "week":
        return gettext("week of %(date)s") % {
            "date": native_digits(date_format(start, "DATE_FORMAT"))
        }
    if unit == "month":
        return native_digits(date_format(start, "YEAR_MONTH_FORMAT"))
    return native_digits(date_format(start, "DATE_FORMAT"))


def _axis_labels(
    unit: str,
    buckets: list[tuple[dt.date, int]],
    *,
    x: Callable[[float], float],
    slot: float,
    y: float,
) -> list[str]:
    """Dates under up to five bars, first and last included; the outer ones kept inside."""
    n = len(buckets)
    shown = sorted({round(i * (n - 1) / 4) for i in range(5)}) if n > 1 else [0]
    fmt = "YEAR_MONTH_FORMAT" if unit == "month" else "DATE_FORMAT"
    parts = []
    for i in shown:
        anchor = "middle"
        if n > 1 and i == 0:
            anchor = "start"
        elif n > 1 and i == n - 1:
            anchor = "end"
        offset = {"start": i * slot, "end": (i + 1) * slot}.get(anchor, (i + 0.5) * slot)
        parts.append(
            f'<text x="{x(offset):.2f}" y="{y:g}" text-anchor="{anchor}" font-size="12" '
            f'fill="{INK_SOFT}">{escape(native_digits(date_format(buckets[i][0], fmt)))}</text>'
        )
    return parts


def _chart_description(unit: str, buckets: list[tuple[dt.date, int]]) -> str:
    sentences = {
        "day": gettext("Confirmed endorsements per day from %(first)s to %(last)s."),
        "week": gettext("Confirmed endorsements per week from %(first)s to %(last)s."),
        "month": gettext("Confirmed endorsements per month from %(first)s to %(last)s."),
    }
    if len(buckets) == 1:
        start, n = buckets[0]
        return ngettext(
            "%(when)s: %(count)s confirmed endorsement.",
            "%(when)s: %(count)s confirmed endorsements.",
            n,
        ) % {"count": number(n), "when": _when(unit, start)}
    peak_start, peak = max(buckets, key=lambda bucket: bucket[1])
    summary = gettext("In all %(total)s; the highest bar, %(count)s, is %(when)s.") % {
        "total": number(sum(n for _, n in buckets)),
        "count": number(peak),
        "when": _when(unit, peak_start),
    }
    period = {"first": _when(unit, buckets[0][0]), "last": _when(unit, buckets[-1][0])}
    return f"{sentences[unit] % period} {summary}"


def _document(width: int, height: int, title: str, description: str, body: str) -> str:
    """The SVG root: an image with an accessible name and description, in the active language."""
    language = escape(get_language() or "en")
    direction = "rtl" if get_language_bidi() else "ltr"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="title desc" '
        f'lang="{language}" xml:lang="{language}" direction="{direction}" '
        f'font-family="{escape(FONT)}">'
        f'<title id="title">{escape(title)}</title><desc id="desc">{escape(description)}</desc>'
        f"{body}</svg>\n"
    )
