from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.dates import find_date, format_date, parse_date_line


@pytest.mark.parametrize(
    "text",
    ["15 September 2021", "September 15, 2021", "15.09.2021", "2021-09-15", "15 septembre 2021",
     "15 de septiembre de 2021", "15. September 2021", "15 Eylül 2021", "15 settembre 2021",
     "15 de setembro de 2021", "Sept. 15, 2021", "15th September 2021"],
)  # fmt: skip
def test_it_reads_a_full_date_in_each_language(text):
    assert parse_date_line(text) == "2021-09-15"


@pytest.mark.parametrize("text", ["September 2021", "septembre 2021", "Eylül 2021"])
def test_it_reads_a_month_only_date(text):
    assert parse_date_line(text) == "2021-09"


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Berlin, 15 September 2021", "2021-09-15"), ("Paris, le 3 mars 2022", "2022-03-03"),
     ("Date: 2021-09-15", "2021-09-15"), ("August 2021", "2021-08")],
)  # fmt: skip
def test_it_reads_a_date_line_with_a_place(line, iso):
    assert parse_date_line(line) == iso


@pytest.mark.parametrize(
    "line", ["The attacks of 11 September 2001 changed everything.", "", "2021", "30.02.2021"]
)
def test_it_does_not_read_sentences_or_impossible_dates_as_date_lines(line):
    assert parse_date_line(line) is None


def test_it_finds_dates_inside_headings():
    assert find_date("Stand: 1. Oktober 2021")[0] == "2021-10-01"
    assert find_date("au 3 mars 2022")[0] == "2022-03-03"


def test_it_formats_dates_in_english():
    assert format_date("2021-09-15") == "15 September 2021"
    assert format_date("2021-09") == "September 2021"


def test_it_takes_the_statement_date_from_a_line_at_the_top_or_bottom_only():
    assert parse("15 September 2021\n\nTitle\n\nA sentence.").date == "2021-09-15"
    assert parse("Title\n\nA sentence.\n\nBerlin, 15 September 2021").date == "2021-09-15"
    assert parse("Title\n\nOn 15 September 2021 we met.\n\nMore.").date is None


def test_a_date_line_may_end_with_the_word_year():
    assert parse_date_line("Novi Sad, 3.04.2011. godine") == "2011-04-03"
    assert parse_date_line("Kraków, 3.05.2020 r.") == "2020-05-03"
    assert parse_date_line("3.05.2020 Grad") is None
