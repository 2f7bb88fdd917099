"""What the parser took each line for, and why: the text behind `undersigned parse --explain`."""

from __future__ import annotations

from dataclasses import dataclass

from .classify import RULES, entry_likeness
from .dates import parse_date_line
from .features import context_at, line_features
from .line_model import contributions
from .lines import nonblank_lines, split_lines
from .model import Document
from .parser import parse_with_plan

# Roles the list finder does not decide: the parts above and around the list.
_TOP_REASONS = {
    "title": "the first heading-like line",
    "subtitle": "a heading-like line right below the title",
    "kind": "names the kind of text",
    "date": "a date line",
    "issuer": "a closing block naming who issues the text",
    "body": "a paragraph of the statement",
}


@dataclass(frozen=True)
class LineReport:
    number: int  # 1-based line number in the text
    text: str
    role: str  # title, body, heading, group, entry, continuation, decoy, footer, note, ...
    reason: str
    confidence: float | None = None  # for entries
    # The line model's probability that the line is a list entry, and the features that
    # decided it (feature, weight × value), strongest first; no features for the lines that
    # a rule decides alone (more than 300 characters, no letter).
    score: float | None = None
    features: tuple[tuple[str, float], ...] = ()
    rule: str | None = None


def explain(text: str) -> list[LineReport]:
    """One report per non-blank line of the text."""
    doc, plan = parse_with_plan(text)
    lines = split_lines(text if isinstance(text, str) else str(text))
    confidence: dict[int, float] = {}
    for entry, signatory in zip(plan.entries, doc.signatories, strict=True):
        confidence.setdefault(entry.lines[0], signatory.confidence)
    title_parts = set((doc.title or "").split(" ")) if doc.title else set()
    scores = _model_scores(lines)
    reports = []
    for index, line in enumerate(lines):
        if not line:
            continue
        if index in plan.roles:
            role, reason = plan.roles[index]
            if role == "note":
                role = "body"
        else:
            role = _top_role(line, doc, title_parts)
            reason = _TOP_REASONS[role]
        score, features, rule = scores.get(index, (None, (), None))
        reports.append(
            LineReport(index + 1, line, role, reason, confidence.get(index), score, features, rule)
        )
    return reports


_Scored = tuple[float, tuple[tuple[str, float], ...], str | None]


def _model_scores(lines: list[str]) -> dict[int, _Scored]:
    """What the line model says of every non-blank line, in its context."""
    out: dict[int, _Scored] = {}
    nonblank = nonblank_lines(lines)
    for position, line in enumerate(nonblank):
        context = context_at(nonblank, position)
        likeness = entry_likeness(line.content, context)
        if likeness.reason in RULES:
            out[line.index] = (likeness.score, (), likeness.reason)
            continue
        parts = contributions(line_features(line.content, context))
        out[line.index] = (likeness.score, tuple((n, round(v, 2)) for n, v in parts), None)
    return out


def _top_role(line: str, doc: Document, title_parts: set[str]) -> str:
    heading = line.lstrip("# ")
    if doc.title and heading in doc.title and set(heading.split(" ")) <= title_parts:
        return "title"
    if doc.subtitle and line.lstrip("# ") == doc.subtitle:
        return "subtitle"
    if doc.issuer and line in doc.issuer.split("\n"):
        return "issuer"
    if doc.kind and line.rstrip(":").lower().startswith(doc.kind.split()[0]):
        return "kind"
    if doc.date and parse_date_line(line) == doc.date:
        return "date"
    return "body"


_FEATURES_SHOWN = 4


def format_report(reports: list[LineReport], width: int = 72) -> str:
    """Plain text, two lines per line of the statement: "12  entry (0.93)  Chaos Computer
    Club (CCC)", then "why: … | entry score 0.97: capitalized words +1.4, an acronym +0.6"
    (the line model's score and its strongest features, weight × value)."""
    out = []
    for report in reports:
        text = report.text if len(report.text) <= width else report.text[: width - 1] + "…"
        role = report.role
        if report.confidence is not None:
            role += f" ({report.confidence:.2f})"
        why = report.reason
        if report.score is not None:
            shown = ", ".join(f"{n} {v:+.1f}" for n, v in report.features[:_FEATURES_SHOWN])
            why += f" | entry score {report.score:.2f}: {report.rule or shown or 'no feature'}"
        out.append(f"{report.number:>5}  {role:<20} {text}\n{'':>27}why: {why}")
    return "\n".join(out) + "\n"
