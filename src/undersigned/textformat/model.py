"""The structure a plain-text statement is parsed into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Signatory:
    number: int | None
    abbreviation: str | None
    name: str
    name_en: str | None
    country: str | None  # ISO 3166-1 alpha-2, upper-case
    group: str | None  # heading it was listed under ("Africa", "Germany") or None
    kind: str  # "organization" or "person"
    affiliation: str | None  # for a person, else None
    # Whether the source line spelled the country out (", Cyprus") although the names
    # already give it away. Only the renderer looks at it, so a list renders back line by
    # line; it is not part of to_dict() and not compared.
    country_stated: bool = field(default=False, compare=False, repr=False)
    # How sure the parser is that this line is a signatory (0..1). Not part of to_dict():
    # the same list reads back with other certainty once rendered under a heading.
    confidence: float = field(default=1.0, compare=False, repr=False)
    # How sure the parser is of each guessed field (0..1), by field name ("name",
    # "abbreviation", "name_en", "country", "kind", "affiliation", "number", "group"); a field
    # missing here is as sure as the entry. Set where the field is decided (confidence.py);
    # serialized with to_dict(confidence=True), not compared.
    field_confidence: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    # Why a field is unsure, by field name (a short English phrase, for --explain and the CLI).
    doubts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def sureness(self, name: str) -> float:
        """The confidence of one field: its own, never above the entry's bound."""
        return self.field_confidence.get(name, self.confidence)

    def to_dict(self, *, confidence: bool = False) -> dict[str, Any]:
        out = {
            "number": self.number,
            "abbreviation": self.abbreviation,
            "name": self.name,
            "name_en": self.name_en,
            "country": self.country,
            "group": self.group,
            "kind": self.kind,
            "affiliation": self.affiliation,
        }
        if confidence:
            out["confidence"] = self.confidence
            out["field_confidence"] = {
                name: round(value, 3) for name, value in self.field_confidence.items()
            }
        return out


@dataclass
class Document:
    kind: str | None = None  # lower-case English: "statement", "resolution", ...
    title: str | None = None
    subtitle: str | None = None
    issuer: str | None = None  # lines joined by "\n"
    date: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"
    signatories_as_of: str | None = None
    further_signatories_possible: bool = False
    body: list[str] = field(default_factory=list)  # paragraphs, Markdown kept
    signatories: list[Signatory] = field(default_factory=list)

    def to_dict(self, *, confidence: bool = False) -> dict[str, Any]:
        """The structure as JSON-ready data; confidence=True adds each signatory's certainty."""
        return {
            "kind": self.kind,
            "title": self.title,
            "subtitle": self.subtitle,
            "issuer": self.issuer,
            "date": self.date,
            "signatories_as_of": self.signatories_as_of,
            "further_signatories_possible": self.further_signatories_possible,
            "body": list(self.body),
            "signatories": [s.to_dict(confidence=confidence) for s in self.signatories],
        }
