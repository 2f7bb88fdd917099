"""Properties: parse never raises, and parse(render_text(parse(t))) == parse(t)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from undersigned.textformat import parse, render_markdown, render_text

WORDS = [
    "Party", "Communist", "Workers", "of", "Germany", "Union", "Front", "Partido", "Comunista",
    "del", "Paraguay", "Parti", "Révolutionnaire", "du", "Congo", "Red", "Star", "Marxist-Leninist",
    "Organisation", "Bewegung", "Türkiye", "Kürdistan", "League", "Nepal", "India", "Jane", "Doe",
    "University", "Prof.", "Dr.", "Committee", "people", "the", "war", "Moroccan", "Deutschlands",
]  # fmt: skip
ACRONYMS = ["MLPD", "ICOR", "CPI (ML)", "PCP", "UoC", "TKP-ML", "CPA/ML", "BP (NK-T)", "KOL"]
COUNTRIES = ["Germany", "France", "Peru", "Cyprus", "Democratic Republic of the Congo", "Türkiye"]
GROUPS = ["Africa", "Asia", "Europe", "Latin America", "Germany", "Amérique latine", "Parties:"]

word = st.sampled_from(WORDS)
name = st.lists(word, min_size=1, max_size=6).map(" ".join)
sentence = st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
short_line = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def entry(draw) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(ACRONYMS)))
    parts.append(draw(name))
    text = " ".join(parts)
    if draw(st.booleans()):
        text += f" ({draw(name)})"
    shape = draw(st.integers(0, 3))
    if shape == 1:
        text += ", " + draw(st.sampled_from(COUNTRIES))
    elif shape == 2:
        text += f" ({draw(st.sampled_from(COUNTRIES))})"
    elif shape == 3 and draw(st.booleans()):
        text = f"{draw(name)} ({draw(st.sampled_from(ACRONYMS))})"
    return text


@st.composite
def statement_with_count(draw) -> tuple[str, int]:
    """A plausible statement and the number of entries under its heading."""
    lines: list[str] = []
    count = 0
    if draw(st.booleans()):
        lines += [draw(st.sampled_from(["Resolution", "Joint Statement", "Déclaration", "Aufruf"]))]
    if draw(st.booleans()):
        lines += ["", draw(short_line) + draw(st.sampled_from(["", "!", "?"]))]
    if draw(st.booleans()):
        lines += ["", draw(short_line)]
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    lines += ["", separator.join(draw(st.lists(sentence, min_size=0, max_size=4)))]
    if draw(st.booleans()):
        lines += ["Coordination Committee", draw(st.sampled_from(["", "ICOR Europe"]))]
    if draw(st.booleans()):
        lines += [draw(st.sampled_from(["Berlin, 15 September 2021", "August 2021", "2021-09-15"]))]
    if draw(st.booleans()):
        lines += [
            "",
            draw(
                st.sampled_from(
                    [
                        "Signatories:",
                        "Signatories (as of 15 September 2021, further signatories possible):",
                        "Unterzeichner (Stand: 1. Oktober 2021):",
                        "Signataires (au 3 mars 2022)",
                        "Firmantes:",
                        "İmzacılar:",
                    ]
                )
            ),
        ]
        style = draw(st.sampled_from(["1.", "1)", "(1)", "-", "*", "•", ""]))
        entries = draw(st.lists(entry(), min_size=0, max_size=8))
        # Without list markers a line that is only a country name is a heading, by design.
        count = len(entries) if style else -1
        for i, text in enumerate(entries, start=1):
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(GROUPS)))
            marker = style.replace("1", str(i))
            lines.append(f"{marker} {text}".strip())
    return "\n".join(lines), count


statement = statement_with_count().map(lambda pair: pair[0])


FAST = settings(
    max_examples=int(os.environ.get("TEXTFORMAT_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@FAST
@given(st.text())
def test_it_never_raises_on_any_text(text):
    parse(text)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_it_reaches_a_fixed_point_on_arbitrary_text(text):
    once = parse(text)
    assert parse(render_text(once)).to_dict() == once.to_dict()
    render_markdown(once)


SOUP = [*WORDS, "1.", "-", ":", "(", ")", ",", "\n", "\n\n", "Signatories:", "Africa", "2021"]
SOUP += ["15 September 2021", "MLPD", "!", "."]


@FAST
@given(st.lists(st.sampled_from(SOUP), max_size=60).map(" ".join))
def test_it_reaches_a_fixed_point_on_word_soup(text):
    once = parse(text)
    assert parse(render_text(once)).to_dict() == once.to_dict()


@FAST
@given(statement)
def test_it_reaches_a_fixed_point_on_plausible_statements(text):
    once = parse(text)
    assert parse(render_text(once)).to_dict() == once.to_dict()


@FAST
@given(statement_with_count())
def test_it_keeps_every_entry_of_a_plausible_list(pair):
    text, count = pair
    if count >= 0:
        assert len(parse(text).signatories) == count


def test_a_date_line_on_top_stays_in_the_body_when_the_date_was_read_at_the_end():
    """Found by the word soup: the second of two date lines was dropped once rendered."""
    once = parse("15 September 2021 \n 15 September 2021 \n 2021")
    assert parse(render_text(once)).to_dict() == once.to_dict()


def test_no_name_read_in_running_text_ends_with_its_separator():
    """Found by the word soup: "Party ," came out as a name, and "- Party" once rendered."""
    once = parse("Union , Party ( , Party ,")
    assert not any(s.name.endswith(",") for s in once.signatories)
    assert parse(render_text(once)).to_dict() == once.to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "Partido Comunista : \n Partido Comunista MLPD \n\n (",
        "Paraguay of Partido Bewegung : : \n League MLPD Paraguay ( \n\n 1. \n Paraguay Party )",
    ],
)
def test_an_entry_without_a_letter_names_nobody(text):
    """Found by the word soup: a last list line "(" or "1." became a signatory, and "- (" or
    "- 1" once rendered read back as something else."""
    once = parse(text)
    assert all(any(ch.isalpha() for ch in s.name) for s in once.signatories)
    assert parse("Signatories:\n\n- 11.11.11\n- Oxfam\n").signatories[0].name == "11.11.11"
    assert parse(render_text(once)).to_dict() == once.to_dict()


def test_a_group_heading_is_not_written_as_the_rest_of_the_entry_above():
    """Found by the property test: "3. …, Party the" over the heading "Asia" read back as one
    entry ("Party the Asia"), since a line ending in "the" goes on below."""
    text = "Signatories:\nAfrica\n1. Party\n2. Germany Paraguay (Party the)\nAsia\n3. Party"
    once = parse(text)
    assert parse(render_text(once)).to_dict() == once.to_dict()
