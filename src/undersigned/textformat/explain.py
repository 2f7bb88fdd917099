"""What the parser took each line for, and why: the text behind `undersigned parse --explain`."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import parse_date_line
from .lines import split_lines
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


def explain(text: str) -> list[LineReport]:
    """One report per non-blank line of the text."""
    doc, plan = parse_with_plan(text)
    lines = split_lines(text if isinstance(text, str) else str(text))
    confidence: dict[int, float] = {}
    for entry, signatory in zip(plan.entries, doc.signatories, strict=True):
        confidence.setdefault(entry.lines[0], signatory.confidence)
    title_parts = set((doc.title or "").split(" ")) if doc.title else set()
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
        reports.append(LineReport(index + 1, line, role, reason, confidence.get(index)))
    return reports


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


def format_report(reports: list[LineReport], width: int = 72) -> str:
    """Plain text: "12  entry (0.93)  Chaos Computer Club (CCC)  — looks like an entry: …"."""
    out = []
    for report in reports:
        text = report.text if len(report.text) <= width else report.text[: width - 1] + "…"
        role = report.role
        if report.confidence is not None:
            role += f" ({report.confidence:.2f})"
        out.append(f"{report.number:>5}  {role:<20} {text}\n{'':>27}why: {report.reason}")
    return "\n".join(out) + "\n"
