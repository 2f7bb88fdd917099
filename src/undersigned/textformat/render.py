"""Document -> plain text (the layout of the seed files) and -> Markdown."""

from __future__ import annotations

import re

from .countries import country_name_code, english_country_name
from .dates import format_date
from .headings import group_heading as _group_heading
from .headings import groups_are_countries
from .headings import vocabulary_heading as _heading
from .model import Document, Signatory
from .parser import parse
from .signatories import parse_signatory
from .wrapping import continues


def _same(a: Signatory, b: Signatory) -> bool:
    return a.to_dict() == b.to_dict()


def _candidates(s: Signatory) -> list[str]:
    """Ways to write an entry, preferred first; the first that reads back the same wins."""
    country = f", {english_country_name(s.country)}" if s.country else ""
    if s.kind == "person":
        cores = [s.name]
        if s.affiliation:
            cores = [f"{s.name}, {s.affiliation}", f"{s.name} ({s.affiliation})"]
    else:
        en = f" ({s.name_en})" if s.name_en else ""
        if s.abbreviation and s.abbreviation == s.name:
            cores = [f"{s.name}{en}", f"{s.name}{en} ({s.abbreviation})"]  # "BUND"
        elif s.abbreviation:
            cores = [
                f"{s.abbreviation} {s.name}{en}",
                f"{s.name}{en} ({s.abbreviation})",
                f"{s.name} ({s.abbreviation}){en}",
                f"{s.name} – {s.abbreviation}{en}",
                f"{s.abbreviation} – {s.name}{en}",
            ]
        else:
            cores = [f"{s.name}{en}"]
    suffixes = [country, ""] if s.country_stated else ["", country]
    return [core + suffix for suffix in dict.fromkeys(suffixes) for core in cores]


def signatory_line(s: Signatory, group_country: str | None = None) -> str:
    """The entry text without list marker, written so that it parses back the same."""
    candidates = _candidates(s)
    for candidate in candidates:
        if _same(parse_signatory(candidate, s.number, s.group, group_country), s):
            return candidate
    return candidates[0]


def _signatories_heading(doc: Document) -> str:
    details = []
    if doc.signatories_as_of:
        details.append(f"as of {format_date(doc.signatories_as_of)}")
    if doc.further_signatories_possible:
        details.append("further signatories possible")
    return "Signatories" + (f" ({', '.join(details)})" if details else "")


def _group_line(group: str, above: str | None) -> str:
    """A group heading written so that it reads back as the same group, and not as the rest
    of the entry above it (`above`, "… Party of the" over "Asia")."""
    for candidate in (group, f"{group}:", f"### {group}"):
        if (
            _group_heading(candidate, True) == group
            and _heading(candidate) is None
            and (above is None or continues(above, candidate) is None)
        ):
            return candidate
    return f"### {group}"


def _group_code(group: str | None) -> str | None:
    return country_name_code(group) if group else None


def _list_lines(doc: Document, markdown: bool) -> list[str]:
    lines: list[str] = []
    # The parser takes a country from a group heading only in a list grouped by country.
    by_country = groups_are_countries(s.group for s in doc.signatories)
    group: str | None = None
    text: str | None = None
    for index, s in enumerate(doc.signatories):
        if s.group != group or (index == 0 and s.group):
            group = s.group
            if group is not None:
                heading = f"### {_escape(group)}" if markdown else _group_line(group, text)
                lines.extend(["", heading, ""] if markdown else [heading])
        text = signatory_line(s, _group_code(s.group) if by_country else None)
        if markdown:
            text = _escape(text)
        marker = f"{s.number}." if s.number is not None else "-"
        lines.append(f"{marker} {text}")
    return lines


def render_text(doc: Document) -> str:
    """Plain text in the layout of the seed files."""
    blocks: list[str] = []
    if doc.kind:
        blocks.append(doc.kind[:1].upper() + doc.kind[1:])
    blocks.extend(x for x in (doc.title, doc.subtitle) if x)
    blocks.extend(doc.body)
    closing = [*(doc.issuer.split("\n") if doc.issuer else [])]
    if doc.date:
        closing.append(format_date(doc.date))
    if closing:
        blocks.append("\n".join(closing))
    if doc.signatories or doc.signatories_as_of or doc.further_signatories_possible:
        blocks.append(_signatories_heading(doc) + ":")
        if doc.signatories:
            blocks.append("\n".join(_list_lines(doc, markdown=False)))
    return "\n\n".join(blocks) + "\n"


# --- Markdown ------------------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]<>|~!#&])")
_BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=>])(?=\s|$)")


def _escape(text: str) -> str:
    """Escape characters Markdown would read as markup in plain text."""
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] is not None else f"\\{m[3]}", text)


def render_markdown(doc: Document) -> str:
    """Markdown: "# Title", "## Subtitle", the body as written, a numbered list."""
    parts: list[str] = []
    if doc.kind:
        parts.append(f"*{_escape(doc.kind[:1].upper() + doc.kind[1:])}*")
    if doc.title:
        parts.append(f"# {_escape(doc.title)}")
    if doc.subtitle:
        parts.append(f"## {_escape(doc.subtitle)}")
    parts.extend(doc.body)  # already Markdown
    closing = [_escape(line) for line in (doc.issuer.split("\n") if doc.issuer else [])]
    if doc.date:
        closing.append(_escape(format_date(doc.date)))
    if closing:
        parts.append("\\\n".join(closing))
    if doc.signatories or doc.signatories_as_of or doc.further_signatories_possible:
        parts.append(f"## {_signatories_heading(doc)}")
        if doc.signatories:
            parts.append("\n".join(_list_lines(doc, markdown=True)).strip("\n"))
    return "\n\n".join(parts) + "\n"


def roundtrip(text: str) -> Document:
    """parse(render_text(parse(text))) — handy for checks."""
    return parse(render_text(parse(text)))
