"""The shortcuts taken for the speed of a 5 MB list give the answers of the full reading
(issue 22 item 5): each is compared with the reading it skips, on generated texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from undersigned.textformat import (
    confidence,
    country_data,
    country_fuzzy,
    entry_shapes,
    lines,
    persons,
    short_forms,
    signatories,
)
from undersigned.textformat.countries import _tables
from undersigned.textformat.folding import _LETTERS, fold
from undersigned.textformat.signatories import parse_signatory
from undersigned.textformat.wrapping import _GLUED, _letter_after_parenthesis

_NEVER = re.compile(r"(?!)")
WORDS = [
    "Germany", "France", "Peru", "Türkiye", "Deutschland", "Sverige", "Korea", "Chyprue",
    "Workers", "Union", "y", "et", "and", "UFC1", "MLPD", "RCFAL2", "WW5", "CPI", "(ML)",
    "Front", "Popular", "Sendikası", "12", "3", "Greek:", "Kenya", "–", "-", "—", ":", "：",
    "Ω", "ß", "İran", "US", "DR", "Congo", "of", "the", "Red", "Star", "RENICC", "Jane", "Doe",
    "Algérie", "Perú", "Switzerland", "Democratic Republic of the Congo", "United States",
    "Saint Vincent and the Grenadines",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", " – ", " - ", "/", "-", ")", "(", ": "]


@st.composite
def entry_text(draw) -> str:
    """Entry-like texts: list words and countries, with digits, dashes and brackets."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    out = words[0]
    for word in words[1:]:
        out += draw(st.sampled_from(SEPARATORS)) + word
    return out


texts = st.one_of(entry_text(), st.text(alphabet="aAbZ ,-–—():：1é0ÉıßΩ_²", max_size=40))


@contextmanager
def replaced(module, name: str, value) -> Iterator[None]:
    """module.name set to value for the block (the full reading, without a shortcut)."""
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def test_no_country_name_has_a_digit() -> None:
    """What the DIGIT shortcuts rest on, in every table a country is looked up in."""
    keys = [*_tables()[0], *country_fuzzy._extra(), *country_fuzzy._APART]
    assert keys  # the tables are built
    assert not [k for k in keys if any(ch.isdigit() for word in k for ch in word)]
    aliases = [*country_data.CASED_ALIASES, *country_data.CASED_ALIASES.values()]
    assert not [a for a in aliases if any(ch.isdigit() for ch in a)]


@settings(max_examples=400, deadline=None)
@given(texts)
@example("Algérie")
@example("Chyprue")
def test_a_country_apart_reads_as_without_the_digit_shortcut(text: str) -> None:
    assert country_fuzzy.separate_country(text) == country_fuzzy._separate_country(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_short_form_and_country_read_as_without_the_digit_shortcut(text: str) -> None:
    fast = entry_shapes.numbered_short_form_country(text)
    with replaced(entry_shapes, "DIGIT", _NEVER):
        assert entry_shapes.numbered_short_form_country(text) == fast


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_country_suffix_reads_as_without_the_digit_shortcut(text: str) -> None:
    fast = signatories._country_suffix(text)
    with replaced(signatories, "DIGIT", _NEVER):
        assert signatories._country_suffix(text) == fast


@settings(max_examples=400, deadline=None)
@given(texts)
@example("Saint Vincent and the Grenadines: Union of Bakers")
@example("Democratic Republic of the Congo – Front Populaire")
def test_a_country_label_reads_as_without_the_early_mark_test(text: str) -> None:
    fast = entry_shapes.country_prefix(text)
    with replaced(entry_shapes, "_MARK_BY", 10**9):
        assert entry_shapes.country_prefix(text) == fast


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_spelled_short_form_reads_as_with_both_patterns(text: str) -> None:
    fast = signatories._spelled_short_form(text)
    both = (signatories._SPELLED_AFTER, signatories._SPELLED_BEFORE)
    with replaced(signatories, "_spelled_patterns", lambda name: both):
        assert signatories._spelled_short_form(text) == fast


@settings(max_examples=400, deadline=None)
@given(texts)
@example("France y Perú")
@example("Algérie/Switzerland")
def test_several_countries_read_as_without_the_one_word_test(text: str) -> None:
    parts = [p for p in signatories._SEVERAL_COUNTRIES.split(text) if p]
    full = len(parts) >= 2 and all(
        signatories.country_name_code(p) is not None or signatories.is_region(p) for p in parts
    )
    assert signatories._several_countries(text) == full


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_glued_entry_has_a_letter_right_after_a_parenthesis(text: str) -> None:
    if _GLUED.search(text):
        assert _letter_after_parenthesis(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_ascii_text_folds_as_through_the_table(text: str) -> None:
    """fold() reads ASCII text apart (and uncached): the same as the table gives."""
    ascii_text = text.encode("ascii", "ignore").decode()
    assert fold(ascii_text) == ascii_text.translate(_LETTERS).lower()
    assert fold(text) == text.translate(_LETTERS).lower()


def test_a_copy_of_a_cached_signatory_is_its_own() -> None:
    first = parse_signatory("Union of Bakers 7 – UB7")
    first.field_confidence["name"] = 0.0
    first.doubts["name"] = "changed by the caller"
    again = parse_signatory("Union of Bakers 7 – UB7")
    assert again.field_confidence.get("name") != 0.0
    assert "name" not in again.doubts
    assert (again.name, again.abbreviation) == ("Union of Bakers 7", "UB7")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ1 \t()-", max_size=30))
def test_words_are_found_as_by_the_pattern(text: str) -> None:
    expected = [m.span() for m in short_forms._NONSPACE.finditer(text)]
    if "(" not in text:
        assert short_forms._tokens(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ15٣²ß", min_size=1, max_size=8))
def test_a_number_gives_its_first_digit_as_initial(word: str) -> None:
    full = word[0] + "".join(ch for ch in word[1:] if ch.isupper())
    if word.isupper() or word[1:].islower():
        full = word[0]
    assert short_forms._word_initials.__wrapped__(word) == full


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefgXYZ 1.,-", max_size=40))
@example("Beograd, 11.02.2009. godineFond za humanitarno pravo")
@example("Members of the unionFriends of the Earth")
def test_an_ascii_line_glued_to_the_next_has_the_letters_of_a_glued_word(line: str) -> None:
    mapped = line.encode("ascii").translate(lines._ASCII_CASES)
    if lines._GLUED_LINES.search(line):
        assert b"aaaaaAa" in mapped
        assert len(lines._unglued(line)) > 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["présidente", "de", "l’UNEF", ",", " ", "of", "Law", "the"])))
def test_a_role_leading_to_a_name_starts_a_part_in_lower_case(words: list[str]) -> None:
    rest = " ".join(words)
    counted = any(confidence._role_to(rest, m) for m in confidence._PREPOSITION.finditer(rest))
    if counted:
        assert any(part.lstrip()[:1].islower() for part in rest.split(","))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ1٣² ", max_size=20))
def test_an_ascii_digit_is_found_by_the_search(text: str) -> None:
    if text.isascii():
        assert bool(persons._ASCII_DIGIT.search(text)) == any(map(str.isdigit, text))
