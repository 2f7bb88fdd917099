"""undersigned train-parser: fits the line model on a corpus made up here and writes it."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from undersigned.textformat.features import FEATURES
from undersigned.textformat.line_model import in_validation

ENTRIES = ["Workers Union {n}", "Green Network {n} (GN)", "Farmers Front {n}, Peru"]
PROSE = "We demand that the government stops the privatisation of water at once."


def _corpus(root: Path) -> tuple[Path, Path]:
    expected_dir, texts = root / "expected", root / "texts"
    expected_dir.mkdir()
    texts.mkdir()
    for number in range(9):
        stem = f"{number:02d}_made-up"
        names = [entry.format(n=number) for entry in ENTRIES]
        text = f"Statement {number}\n\n{PROSE}\n\nSignatories:\n" + "\n".join(names) + "\n"
        signatories = [{"name": name.split(" (")[0].split(",")[0]} for name in names]
        (expected_dir / f"{stem}.expected.json").write_text(
            json.dumps({"signatories": signatories})
        )
        if not in_validation(stem):
            (texts / f"{stem}.txt").write_text(text)
    return expected_dir, texts


def test_it_fits_reports_and_writes_the_weights(tmp_path: Path):
    expected_dir, texts = _corpus(tmp_path)
    output = tmp_path / "line_model.json"
    out = StringIO()
    call_command(
        "train-parser", texts=texts, expected=expected_dir, output=output, folds=3, stdout=out
    )
    printed = out.getvalue()
    assert "fold 1/3" in printed and "cross-validation: accuracy" in printed
    assert f"wrote {output}" in printed
    data = json.loads(output.read_text())
    assert set(data["weights"]) == set(FEATURES)
    assert data["figures"]["cross_validation"]["folds"] == 3


def test_a_dry_run_writes_nothing(tmp_path: Path):
    expected_dir, texts = _corpus(tmp_path)
    output = tmp_path / "line_model.json"
    call_command(
        "train-parser",
        texts=texts,
        expected=expected_dir,
        output=output,
        dry_run=True,
        stdout=StringIO(),
    )
    assert not output.exists()


def test_it_says_where_the_texts_are_missing(tmp_path: Path):
    with pytest.raises(CommandError, match="No ground truth"):
        call_command("train-parser", expected=tmp_path / "none", stdout=StringIO())
