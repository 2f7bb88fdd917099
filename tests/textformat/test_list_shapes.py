"""Entry shapes of real coalitions' lists (issue 22), on invented entries.

A short form in parentheses that repeats the name's first word, a country written before
the entry ("Greek: …"), names wrapped over two lines, misspelt countries after a short form.
"""

from __future__ import annotations

import pytest

from undersigned.textformat import explain, parse
from undersigned.textformat.signatories import parse_signatory


@pytest.mark.parametrize(
    ("line", "name", "abbreviation", "country"),
    [
        ("Bakers Together Union (Bakers), United Kingdom", "Bakers Together Union", "Bakers", "GB"),
        ("Harvest the Fields (Harvest), Canada", "Harvest the Fields", "Harvest", "CA"),
        ("Bakers' Guild of Kent (Bakers)", "Bakers' Guild of Kent", "Bakers", None),
        # The parenthesis abbreviating the initials still reads as before.
        ("Irish Federation of Dock Workers (IFDW), Ireland", "Irish Federation of Dock Workers",
         "IFDW", "IE"),
    ],
)  # fmt: skip
def test_a_parenthesis_repeating_the_first_word_is_the_short_form(
    line, name, abbreviation, country
):
    signatory = parse_signatory(line)
    assert (signatory.name, signatory.abbreviation, signatory.country) == (
        name,
        abbreviation,
        country,
    )


@pytest.mark.parametrize(
    ("line", "name", "abbreviation", "name_en", "country"),
    [
        ("Greek: OTAK (Federation of Harbour Workers)", "OTAK", "OTAK",
         "Federation of Harbour Workers", "GR"),
        ("Cyprus: CUB (Cyprus Union of Bakers)", "Cyprus Union of Bakers", "CUB", None, "CY"),
        ("Belgian: Union des Boulangers", "Union des Boulangers", None, None, "BE"),
        ("Bosnia and Herzegovina – Bakers' Network", "Bakers' Network", None, None, "BA"),
        ("Ελλάδα: Ένωση Αρτοποιών", "Ένωση Αρτοποιών", None, None, "GR"),
        ("اليونان: اتحاد الخبازين", "اتحاد الخبازين", None, None, "GR"),
        ("希腊：面包师联合会", "面包师联合会", None, None, "GR"),
        ("Italien : FTL (Federazione Tessili Lombardi)", "Federazione Tessili Lombardi", "FTL",
         None, "IT"),
    ],
)  # fmt: skip
def test_a_country_written_before_the_entry_is_its_country(
    line, name, abbreviation, name_en, country
):
    signatory = parse_signatory(line)
    assert (signatory.name, signatory.abbreviation, signatory.name_en, signatory.country) == (
        name,
        abbreviation,
        name_en,
        country,
    )
    assert signatory.country_stated


@pytest.mark.parametrize(
    "line",
    [
        "Note: Network of Bakers",  # a word that is no country
        "Growing Greek: the Bakers",  # more than a country before the colon
        "Irish - Bakers Union",  # after a dash, only a country's name is a label
    ],
)
def test_a_colon_after_something_else_keeps_the_name(line):
    assert parse_signatory(line).name == line


_WRAPPED = """\
Keep the ovens warm

We, the undersigned organizations, ask for warm ovens.

Signed by:

National Guild of Bakers (NGB), United Kingdom
General Confederation of Independent Millers' Unions of the Republic of
Moldova (GCIMU), Moldova
Union of Public Sector Bakers and
Pastry Cooks (UPSBPC), Ireland
Federation of Flour Workers (FFW), Croatia
Confederation of Free Unions of Millers and Bakers of the Republic
of Serbia (CFUMB), Serbia
"""


def test_a_name_cut_next_to_a_word_that_cannot_end_or_start_it_continues_on_the_next_line():
    doc = parse(_WRAPPED)
    assert [(s.name, s.abbreviation, s.country) for s in doc.signatories] == [
        ("National Guild of Bakers", "NGB", "GB"),
        (
            "General Confederation of Independent Millers' Unions of the Republic of Moldova",
            "GCIMU",
            "MD",
        ),
        ("Union of Public Sector Bakers and Pastry Cooks", "UPSBPC", "IE"),
        ("Federation of Flour Workers", "FFW", "HR"),
        (
            "Confederation of Free Unions of Millers and Bakers of the Republic of Serbia",
            "CFUMB",
            "RS",
        ),
    ]


def test_explain_says_why_a_line_continues_the_entry_above():
    reports = {r.text: r for r in explain(_WRAPPED)}
    moldova = reports["Moldova (GCIMU), Moldova"]
    assert moldova.role == "continuation"
    assert "ends in 'of'" in moldova.reason


def test_a_line_after_a_complete_entry_stays_an_entry():
    # The line above ends with its short form, not with "and": the entry is whole.
    doc = parse(_WRAPPED.replace("Sector Bakers and\n", "Sector Bakers and Cooks (UPSB)\n"))
    assert "Pastry Cooks" in [s.name for s in doc.signatories]


_NUMBERED = """\
Gardez les fours chauds

Nous, organisations soussignées, demandons des fours chauds.

Signataires :

1. OTAK Grèce
2. SEK Chyprue
3. FTL Itallie
4. SBS Swisse
5. CBF Frande
"""


def test_a_misspelt_country_after_a_numbered_short_form_is_read_unsure():
    doc = parse(_NUMBERED)
    assert [(s.name, s.abbreviation, s.country) for s in doc.signatories] == [
        ("OTAK", "OTAK", "GR"),
        ("SEK", "SEK", "CY"),
        ("FTL", "FTL", "IT"),
        ("SBS", "SBS", "CH"),
        ("CBF", "CBF", "FR"),
    ]
    exact, *misspelt = doc.signatories
    assert all(s.field_confidence["country"] < exact.field_confidence["country"] for s in misspelt)


def test_an_unnumbered_short_form_and_a_word_stays_a_name():
    # "CADTM France" rule: without a number the last word may be part of the name.
    assert parse_signatory("SEK Chyprue").country is None


def test_a_separator_typed_twice_is_stripped_whole():
    doc = parse("Signed by:\n\nBakers United , ,\nFlour Alliance;;\n")
    assert [s.name for s in doc.signatories] == ["Bakers United", "Flour Alliance"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ομοσπονδία Εργαζομένων Αρτοποιίας της", "Ελλάδας (ΟΕΑΕ)"),
        ("Федерация профсоюзов пекарей и", "Мельников (ФППМ)"),
        ("الاتحاد العام لنقابات الخبازين في", "جمهورية مولدوفا"),
    ],
)
def test_a_name_cut_after_a_function_word_continues_in_other_scripts(first, second):
    text = f"Signed by:\n\nΈνωση Αλευροβιομηχάνων\n{first}\n{second}\nОбщество пекарей\n"
    name = f"{first} {second.split(' (')[0]}"
    assert name in [s.name for s in parse(text).signatories]


def test_a_lower_case_sentence_below_the_list_is_not_part_of_the_last_name():
    text = _WRAPPED + "to add your organization, write to the guild at its office in town\n"
    names = [s.name for s in parse(text).signatories]
    assert not any("office" in name for name in names)
