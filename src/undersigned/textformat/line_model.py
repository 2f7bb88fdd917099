"""The line model: a logistic regression that says how much a line looks like a list entry.

Its weights are fitted (train()) on lines labeled from the corpus's ground truth, never set
by hand, and shipped in data/line_model.json. Applying it is a dot product in pure Python:
the web workers load no numpy. The fit is a Newton (IRLS) iteration with an L2 penalty,
written out here: some thirty features and a few thousand distinct rows need no library,
and the training then runs wherever the parser runs.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .features import CONTEXT_FEATURES, FEATURES, Context, context_at, line_features
from .folding import fold
from .lines import nonblank_lines, split_lines

MODEL_PATH = Path(__file__).parent / "data" / "line_model.json"


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: tuple[float, ...]  # in FEATURES order


@lru_cache(maxsize=1)
def load_weights(path: str = str(MODEL_PATH)) -> Weights:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    by_name = data["weights"]
    return Weights(float(data["bias"]), tuple(float(by_name.get(n, 0.0)) for n in FEATURES))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


# A constant for every line the parser sees in context: part of the bias, not evidence.
_NOT_EVIDENCE = CONTEXT_FEATURES[0]


def contributions(x: Sequence[float], weights: Weights | None = None) -> list[tuple[str, float]]:
    """(feature, weight × value) for every feature that is not zero, strongest first."""
    w = weights or load_weights()
    parts = [
        (n, wi * xi)
        for n, wi, xi in zip(FEATURES, w.weights, x, strict=True)
        if xi and n != _NOT_EVIDENCE
    ]
    return sorted(parts, key=lambda part: -abs(part[1]))


def probability(x: Sequence[float], weights: Weights | None = None) -> float:
    w = weights or load_weights()
    return _sigmoid(w.bias + sum(wi * xi for wi, xi in zip(w.weights, x, strict=True)))


# --- labels from the ground truth -------------------------------------------------------


@dataclass
class LabeledLine:
    text: str  # the line without its list marker
    context: Context
    entry: bool
    source: str  # the file it comes from (folds of the cross-validation go by file)


def _names(expected: dict[str, Any]) -> list[str]:
    names = []
    for signatory in expected.get("signatories") or []:
        name = " ".join(fold(signatory.get("name") or "").split())
        if len(name) >= 3:
            names.append(name)
    return names


def label_lines(text: str, expected: dict[str, Any], source: str = "") -> list[LabeledLine]:
    """Every non-blank line of a text, labeled an entry when an expected signatory's name
    occurs in it as a list item: one or two names in it (in one cell of a table row), and
    little else around them (a sentence naming many signatories, or a paragraph mentioning
    one, is not an entry)."""
    names = _names(expected)
    lines = nonblank_lines(split_lines(text))
    out = []
    for position, line in enumerate(lines):
        # A table row is read cell by cell: a description or a link in another cell does
        # not make the row a paragraph.
        cells = line.content.split("|") if "|" in line.content else [line.content]
        entry = False
        for cell in cells:
            folded = " ".join(fold(cell).split())
            found = [name for name in names if name in folded]
            if found and len({*found}) <= 2:
                entry = entry or len(folded) - max(len(name) for name in found) <= 120
        out.append(LabeledLine(line.content, context_at(lines, position), entry, source))
    return out


def in_validation(stem: str) -> bool:
    """The corpus's split rule (corpus/score.py, fixed before any fit): a third of the files,
    by a hash of the name, is the validation part, which no fit ever reads."""
    return int(hashlib.sha256(stem.encode()).hexdigest(), 16) % 3 == 0


def development_lines(
    expected_dir: Path, texts_dir: Path, progress: Any = None
) -> tuple[list[LabeledLine], list[str]]:
    """The labeled lines of the development part (validation files are skipped unread),
    and the stems whose text is missing."""
    say = progress or (lambda message: None)
    lines: list[LabeledLine] = []
    missing = []
    for path in sorted(expected_dir.glob("*.expected.json")):
        stem = path.name.removesuffix(".expected.json")
        if in_validation(stem):
            continue
        text_path = texts_dir / f"{stem}.txt"
        if not text_path.exists():
            missing.append(stem)
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        labeled = label_lines(text_path.read_text(encoding="utf-8"), expected, stem)
        say(f"{stem}: {len(labeled)} lines, {sum(x.entry for x in labeled)} entries")
        lines.extend(labeled)
    return lines, missing


# --- the fit ------------------------------------------------------------------------------


@dataclass
class Fit:
    weights: Weights
    figures: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {
            "about": "Line model of the statement parser: fitted by `undersigned train-parser`; "
            "do not edit by hand.",
            "bias": round(self.weights.bias, 4),
            "weights": {
                n: round(w, 4) for n, w in zip(FEATURES, self.weights.weights, strict=True)
            },
            "figures": self.figures,
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


_CONTEXT_FROM = len(FEATURES) - len(CONTEXT_FEATURES)


Rows = dict[tuple[tuple[float, ...], int], float]


def _rows(lines: Iterable[LabeledLine], per_file: int) -> Rows:
    """Distinct (features, label) rows with their weights. Each line counts twice: with its
    context and without (the parser asks both ways). A file counts for at most `per_file`
    lines, so that one long list does not outweigh every other shape."""
    by_source: dict[str, list[LabeledLine]] = {}
    for line in lines:
        by_source.setdefault(line.source, []).append(line)
    rows: Rows = {}
    for group in by_source.values():
        weight = min(1.0, per_file / len(group)) / 2
        for line in group:
            full = tuple(round(v, 3) for v in line_features(line.text, line.context))
            bare = full[:_CONTEXT_FROM] + (0.0,) * len(CONTEXT_FEATURES)
            for x in (full, bare):
                key = (x, int(line.entry))
                rows[key] = rows.get(key, 0.0) + weight
    return rows


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and positive definite)."""
    n = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        p = a[col][col] or 1e-12
        for r in range(col + 1, n):
            f = a[r][col] / p
            if f:
                row, top = a[r], a[col]
                for c in range(col, n + 1):
                    row[c] -= f * top[c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = a[r][n] - sum(a[r][c] * out[c] for c in range(r + 1, n))
        out[r] = s / (a[r][r] or 1e-12)
    return out


def fit(rows: Rows, penalty: float = 1.0, steps: int = 25) -> Weights:
    """L2-penalized logistic regression by Newton's method (the bias is not penalized)."""
    data = [((1.0, *x), y, w) for (x, y), w in rows.items()]
    d = len(FEATURES) + 1
    beta = [0.0] * d

    def loss(b: list[float]) -> float:
        total = 0.5 * penalty * sum(v * v for v in b[1:])
        for x, y, w in data:
            z = sum(bi * xi for bi, xi in zip(b, x, strict=True))
            total += w * (math.log1p(math.exp(-abs(z))) + max(z, 0) - y * z)
        return total

    current = loss(beta)
    for _ in range(steps):
        grad = [penalty * v for v in beta]
        grad[0] = 0.0
        hess = [[0.0] * d for _ in range(d)]
        for i in range(1, d):
            hess[i][i] = penalty
        hess[0][0] = 1e-6
        for x, y, w in data:
            p = _sigmoid(sum(bi * xi for bi, xi in zip(beta, x, strict=True)))
            g, h = w * (p - y), w * p * (1 - p)
            nonzero = [(i, xi) for i, xi in enumerate(x) if xi]
            for i, xi in nonzero:
                grad[i] += g * xi
                row = hess[i]
                hx = h * xi
                for j, xj in nonzero:
                    row[j] += hx * xj
        step = _solve(hess, grad)
        scale = 1.0
        while scale > 1e-4:
            trial = [b - scale * s for b, s in zip(beta, step, strict=True)]
            trial_loss = loss(trial)
            if trial_loss <= current:
                break
            scale /= 2
        else:
            break
        beta, improvement = trial, current - trial_loss
        current = trial_loss
        if improvement < 1e-7 * max(current, 1.0):
            break
    return Weights(beta[0], tuple(beta[1:]))


def _evaluate(scored: Iterable[tuple[Weights, LabeledLine]]) -> dict[str, float]:
    """Accuracy, precision and recall at 0.5 and the mean log-loss (lines with context),
    each line scored by the weights given with it."""
    tp = fp = fn = tn = 0
    log_loss = 0.0
    for weights, line in scored:
        p = probability(line_features(line.text, line.context), weights)
        guess = p >= 0.5
        tp += guess and line.entry
        fp += guess and not line.entry
        fn += not guess and line.entry
        tn += not guess and not line.entry
        log_loss -= math.log(min(max(p if line.entry else 1 - p, 1e-9), 1.0))
    n = max(tp + fp + fn + tn, 1)
    return {
        "lines": tp + fp + fn + tn,
        "accuracy": round((tp + tn) / n, 4),
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "log_loss": round(log_loss / n, 4),
    }


def train(
    lines: list[LabeledLine],
    *,
    folds: int = 5,
    penalty: float = 3.0,
    per_file: int = 50,
    progress: Any = None,
) -> Fit:
    """Fit on every line, and measure by a cross-validation by file (each fold's files are
    held out of the fit that scores them). `progress(message)` hears of each step."""
    say = progress or (lambda message: None)
    sources = sorted({line.source for line in lines})
    random.Random(22).shuffle(sources)
    folds = max(1, min(folds, len(sources)))
    held: list[tuple[Weights, LabeledLine]] = []
    if folds >= 2:
        for k in range(folds):
            out = set(sources[k::folds])
            say(f"fold {k + 1}/{folds}: fitting without {len(out)} file(s)")
            weights = fit(_rows((x for x in lines if x.source not in out), per_file), penalty)
            held.extend((weights, x) for x in lines if x.source in out)
    say(f"fitting on all {len(sources)} file(s), {len(lines)} lines")
    weights = fit(_rows(lines, per_file), penalty)
    figures: dict[str, Any] = {
        "files": len(sources),
        "lines": len(lines),
        "entry_lines": sum(x.entry for x in lines),
        "penalty": penalty,
        "per_file": per_file,
        "fit": _evaluate((weights, x) for x in lines),
    }
    if held:
        figures["cross_validation"] = {"folds": folds, **_evaluate(held)}
    return Fit(weights, figures)


__all__ = [
    "MODEL_PATH",
    "Fit",
    "LabeledLine",
    "Weights",
    "contributions",
    "development_lines",
    "fit",
    "in_validation",
    "label_lines",
    "load_weights",
    "probability",
    "train",
]
