"""Dates as statements write them, in seven languages, turned into ISO strings."""

from __future__ import annotations

import datetime
import re

from .folding import fold

# Folded month names and common abbreviations, per month number.
_MONTH_NAMES = {
    1: "january jan janvier janv enero ene januar jan janeiro janei gennaio genn gen ocak",
    2: "february feb fevrier fevr fev febrero febr februar feb fevereiro febbraio febb subat",
    3: "march mar mars marzo marz marz marco mar marzo mart",
    4: "april apr avril avr abril abr april aprile nisan",
    5: "may mai mayo may mai maio maggio magg mayis",
    6: "june jun juin junio jun juni junho giugno haziran",
    7: "july jul juillet juil julio jul juli julho luglio lugl temmuz",
    8: "august aug aout agosto ago august agosto agosto agustos",
    9: "september sept sep septembre septiembre setiembre sept september setembro set "
    "settembre sett eylul",
    10: "october oct octobre octubre oct oktober okt outubro out ottobre ott ekim",
    11: "november nov novembre noviembre nov november novembro novembre kasim",
    12: "december dec decembre diciembre dic dezember dez dezembro dicembre aralik",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
# Written English month names, for rendering.
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MONTH = r"(?P<month>[a-z]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:\.|st|nd|rd|th|er|º|°|o)?"
_YEAR = r"(?P<year>\d{4})"
# Matched against folded text; "de"/"del" for Spanish and Portuguese, "of" for English.
_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b{_YEAR}-(?P<nmonth>\d{{1,2}})-(?P<day>\d{{1,2}})\b",
        # "8.10.2012", and Czech and Slovak "8. 10. 2012" with a space after each dot
        rf"\b(?P<day>\d{{1,2}})(?:[./]|\.\s)(?P<nmonth>\d{{1,2}})(?:[./]|\.\s){_YEAR}\b",
        rf"\b{_DAY}\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR}\b",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        rf"\b{_MONTH},?\s+(?:de\s+|del\s+|of\s+)?{_YEAR}\b",
    )
]


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = int(parts["nmonth"]) if parts.get("nmonth") else MONTHS.get(parts["month"])
    if month is None:
        return None
    year = int(parts["year"])
    if not 1000 <= year <= 2999:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in a fragment: (ISO string, start, end) in the folded text."""
    folded = fold(text)
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            iso = _iso(match)
            if iso is not None:
                if best is None or match.start() < best[1]:
                    best = (iso, match.start(), match.end())
                break
    return best


# A whole line that is only a date, maybe after a place ("Berlin, 15 September 2021",
# "Paris, le 3 mars 2022", "Date: 2021-09-15").
_PLACE = r"(?:[^\W\d_][^\d,:;.!?]{0,40},\s*)?"
_LEAD = r"(?:(?:date|datum|fecha|data|tarih)\s*:\s*)?(?:(?:le|den|am|el|on|il|em|a)\s+)?"
# Czech, Slovak and Polish put the place after "in" and before "on the day", no comma:
# "V Praze dne 8. 10. 2012", "W Krakowie dnia 3 maja 2020".
_IN_PLACE_ON = r"(?:(?:v|ve|w|we)\s+[^\W\d_][^\d,:;.!?]{0,40}?,?\s+)?(?:dne|dnia)\s+"
_PLACE_AND_LEAD = re.compile(
    f"{_PLACE}{_LEAD}|{_IN_PLACE_ON}"
)  # compiled once, not looked up per line


# The word "year" that Slavic languages write after a date ("11.02.2009. godine",
# "25 марта 2006 г.", "2 травня 2014 р.", "3 maja 2020 r."), folded.
_YEAR_WORDS = frozenset(
    ("godine", "godina", "god", "g", "goda", "года", "г", "година", "року", "р", "roku", "r")
)


def parse_date_line(line: str) -> str | None:
    """ISO date when the line is nothing but a date (with an optional place), else None."""
    line = line.strip()
    if not line or len(line) > 80 or not any(map(str.isdigit, line)):
        return None
    found = find_date(line)
    if found is None:
        return None
    iso, start, end = found
    folded = fold(line)
    head, tail = folded[:start], folded[end:]
    if (tail.strip(" .") and tail.strip(" .") not in _YEAR_WORDS) or not _PLACE_AND_LEAD.fullmatch(
        head
    ):
        return None
    return iso


def format_date(iso: str) -> str:
    """ "2021-09-15" -> "15 September 2021"; "2021-09" -> "September 2021"."""
    parts = iso.split("-")
    try:
        month = ENGLISH_MONTHS[int(parts[1]) - 1]
    except (IndexError, ValueError):
        return iso
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
