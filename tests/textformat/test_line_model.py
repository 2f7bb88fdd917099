"""The line model: features per line, labels from ground truth, the fit, and --explain."""

from __future__ import annotations

import json
import random
from pathlib import Path

from undersigned.textformat import explain, format_report
from undersigned.textformat.classify import entry_likeness
from undersigned.textformat.features import (
    CONTEXT_FEATURES,
    FEATURES,
    TEXT_FEATURES,
    Context,
    line_features,
    text_features,
)
from undersigned.textformat.line_model import (
    development_lines,
    in_validation,
    label_lines,
    load_weights,
    probability,
    train,
)


def _named(text: str, context: Context | None = None) -> dict[str, float]:
    return dict(zip(FEATURES, line_features(text, context), strict=True))


def test_an_entry_and_a_sentence_differ_where_they_should():
    entry = _named("Chaos Computer Club (CCC)")
    assert entry["short"] == 1 and entry["an acronym"] == 1 and entry["capitalized words"] == 1
    assert entry["an organization word"] == 1 and entry["a parenthesis at the end"] == 1
    sentence = _named(
        "We call on the governments of the world to stop the war and to protect the "
        "workers who are losing their jobs because of it, and to do so without delay."
    )
    assert sentence["ends with a full stop"] == 1 and sentence["lower-case words"] == 1
    assert sentence["all words lower-case"] == 0  # "We" is capitalized: a sentence, not a style
    assert _named("caroline ponder, professor of geography")["all words lower-case"] == 1
    assert sentence["short"] == 0 and sentence["function words"] > 0.3
    assert sentence["capitalized words"] < 0.2


def test_countries_are_found_in_several_languages_at_the_end_or_in_parentheses():
    assert _named("Confédération paysanne (Allemagne)")["a country at the end"] == 1
    assert _named("Attac, Deutschland")["a country at the end"] == 1
    assert _named("Unite the Union (Unite), United Kingdom")["a country at the end"] == 1
    assert _named("Perú")["is a country"] == 1
    assert _named("Green Party (GP)")["a country at the end"] == 0


def test_scripts_without_capitals_markers_tables_and_persons():
    assert _named("حزب توده ایران")["no capitals in the script"] == 1
    assert _named("حزب توده ایران")["capitalized words"] == 0
    assert _named("3 | Unite the Union | UK")["table separators"] == 1
    assert _named("Jane Doe")["a person's name"] == 1
    assert _named("Signatories:")["ends with a colon"] == 1
    assert len(text_features("x")) == len(TEXT_FEATURES)


def test_context_features_see_the_neighbours():
    alone = _named("Attac France")
    assert all(alone[name] == 0 for name in CONTEXT_FEATURES)
    context = Context.around(True, "Signatories:", "Attac Austria")
    around = _named("Attac France", context)
    assert around["context known"] == 1 and around["a list marker"] == 1
    assert around["after a line ending in a colon"] == 1
    assert around["shaped like the line after"] == 1
    assert around["shaped like the line before"] < 1


def test_labels_come_from_the_expected_names_as_list_items():
    text = (
        "Joint statement\n\nWe, Attac and Greenpeace, ask for more.\n\nSigned:\n"
        "- Attac France\n- Greenpeace (Germany)\n- Unrelated line\n"
    )
    expected = {"signatories": [{"name": "Attac France"}, {"name": "Greenpeace"}]}
    labels = {line.text: line.entry for line in label_lines(text, expected, "x")}
    assert labels["Attac France"] and labels["Greenpeace (Germany)"]
    assert not labels["Unrelated line"] and not labels["Signed:"]
    assert not labels["Joint statement"]


def test_a_table_row_is_labeled_by_its_cells():
    description = "a network of unions that works on trade and development " * 3
    text = f"Signatories:\n1 | Attac France | {description}\n2 | Greenpeace | France\n"
    expected = {"signatories": [{"name": "Attac France"}, {"name": "Greenpeace"}]}
    labels = [line.entry for line in label_lines(text, expected, "x")]
    assert labels == [False, True, True]


_ORGS = ["Workers Union", "Green Network", "Digital Rights League", "Farmers Front"]
_PROSE = [
    "We demand that the government stops the privatisation of water at once.",
    "the workers of the region have been on strike for three weeks and more.",
    "This is why we ask all organisations to join the call before the summit.",
]


def _tiny_corpus(count: int, seed: int = 1) -> list[tuple[str, str, dict]]:
    """Statements made up here: a title, prose, a heading and a list of organizations."""
    rng = random.Random(seed)
    out = []
    for number in range(count):
        names = [f"{rng.choice(_ORGS)} {chr(65 + i)}{number} (WU{i})" for i in range(5)]
        prose = rng.sample(_PROSE, 2)
        text = "\n\n".join(["Joint Statement", *prose, "Signatories:", "\n".join(names)])
        expected = {"signatories": [{"name": name.split(" (")[0]} for name in names]}
        out.append((f"{number:02d}_synthetic", text, expected))
    return out


def test_training_fits_weights_that_tell_entries_from_prose():
    lines = []
    for stem, text, expected in _tiny_corpus(8):
        lines.extend(label_lines(text, expected, stem))
    fit = train(lines, folds=4, penalty=1.0)
    weights = dict(zip(FEATURES, fit.weights.weights, strict=True))
    assert weights["ends with a full stop"] < 0 < weights["capitalized words"]
    assert fit.figures["files"] == 8 and fit.figures["cross_validation"]["folds"] == 4
    assert fit.figures["cross_validation"]["accuracy"] > 0.9
    assert probability(line_features("Solidarity Network Z9 (SN)"), fit.weights) > 0.5
    assert probability(line_features(_PROSE[0]), fit.weights) < 0.5


def test_the_weights_file_reads_back(tmp_path: Path):
    lines = []
    for stem, text, expected in _tiny_corpus(3):
        lines.extend(label_lines(text, expected, stem))
    fit = train(lines, folds=1)
    path = tmp_path / "model.json"
    path.write_text(fit.to_json())
    loaded = load_weights(str(path))
    assert loaded.weights == tuple(round(w, 4) for w in fit.weights.weights)
    assert json.loads(path.read_text())["figures"]["lines"] == len(lines)


def test_the_development_part_never_reads_the_validation_files(tmp_path: Path):
    expected_dir, texts = tmp_path / "expected", tmp_path / "texts"
    expected_dir.mkdir()
    texts.mkdir()
    corpus = _tiny_corpus(9)
    for stem, text, expected in corpus:
        (expected_dir / f"{stem}.expected.json").write_text(json.dumps(expected))
        if not in_validation(stem):
            (texts / f"{stem}.txt").write_text(text)
    lines, missing = development_lines(expected_dir, texts)
    used = {line.source for line in lines}
    assert used == {stem for stem, _, _ in corpus if not in_validation(stem)}
    assert missing == []  # validation texts are absent, and not even asked for


def test_the_shipped_model_scores_lines_and_names_its_reasons():
    entry = entry_likeness("Confédération Générale du Travail (CGT), France")
    prose = entry_likeness(
        "We call on all governments to respect the right to strike, which is under attack."
    )
    assert entry.score > 0.6 > prose.score
    assert entry.reason.startswith("looks like an entry: ")
    assert prose.reason.startswith("looks like prose: ")
    assert len(load_weights().weights) == len(FEATURES)


def test_explain_shows_the_features_and_the_score_of_each_line():
    text = "Statement\n\nWe ask for peace and for bread, now and here.\n\nSigned:\n- Attac\n"
    reports = {report.text: report for report in explain(text)}
    entry = reports["- Attac"]
    assert entry.score is not None and entry.features
    assert all(name in FEATURES for name, _ in entry.features)
    printed = format_report(list(reports.values()))
    assert "entry score" in printed
    assert "ends with a full stop -" in printed
