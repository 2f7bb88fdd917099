from __future__ import annotations

import json

import pytest

from undersigned.textformat import check_recognizable, parse, render_text

NAMES = ["icor-afghanistan-2021", "cipoml-afghanistan-2021"]


def _normalized_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_it_parses_each_seed_into_its_expected_json(seeds_dir, name):
    doc = parse((seeds_dir / f"{name}.txt").read_text(encoding="utf-8")).to_dict()
    expected = json.loads((seeds_dir / f"{name}.expected.json").read_text(encoding="utf-8"))
    for key, value in expected.items():
        if key == "signatories":
            assert len(doc[key]) == len(value)
            for got, want in zip(doc[key], value, strict=True):
                for field, field_value in want.items():
                    assert got[field] == field_value, (want["number"], field)
        else:
            assert doc[key] == value, key


@pytest.mark.parametrize("name", NAMES)
def test_it_renders_each_seed_back_line_by_line(seeds_dir, name):
    source = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    assert _normalized_lines(render_text(parse(source))) == _normalized_lines(source)


@pytest.mark.parametrize("name", NAMES)
def test_it_reparses_each_rendered_seed_to_the_same_document(seeds_dir, name):
    doc = parse((seeds_dir / f"{name}.txt").read_text(encoding="utf-8"))
    assert parse(render_text(doc)).to_dict() == doc.to_dict()
    check_recognizable(doc)


def test_it_keeps_the_icor_body_paragraphs_including_the_broken_one(seeds_dir):
    doc = parse((seeds_dir / "icor-afghanistan-2021.txt").read_text(encoding="utf-8"))
    assert len(doc.body) == 14
    assert doc.body[5].endswith("**Afghanistan's liberation can only be the work of the**")
    assert doc.body[6].startswith("Afghan people! Consistently")
    assert doc.date is None  # "11 September 2001" inside the body is not the date


def test_it_reads_the_cipoml_seed_as_body_and_issuer(seeds_dir):
    doc = parse((seeds_dir / "cipoml-afghanistan-2021.txt").read_text(encoding="utf-8"))
    assert doc.title is None and doc.kind is None
    assert len(doc.body) == 13
    assert doc.body[0] == "A drama is taking place in Afghanistan for the workers and the people."
    assert doc.body[-1].startswith("The CIPOML calls on the workers")


def test_it_reads_an_issuer_above_the_kind_line_and_joins_hard_wrapped_lines():
    doc = parse(
        "ICOR\nStatement: Solidarity with Cuba\n\nBerlin, 15 September 2021\n\n"
        "We stand with the Cuban people.\n"
        "This paragraph is hard-wrapped at a fixed width so that the lines\n"
        "continue mid-sentence and are joined into one paragraph again.\n"
    )
    assert (doc.issuer, doc.kind, doc.title, doc.date) == (
        "ICOR",
        "statement",
        "Solidarity with Cuba",
        "2021-09-15",
    )
    assert doc.body == [
        "We stand with the Cuban people.",
        "This paragraph is hard-wrapped at a fixed width so that the lines continue "
        "mid-sentence and are joined into one paragraph again.",
    ]
    assert parse(render_text(doc)).to_dict() == doc.to_dict()
