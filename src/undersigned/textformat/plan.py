"""What the list finder decides: the entries it found and the role of every line.

Shared by blocks (lists set apart from the text) and running_text (signatories named in
sentences), which both write into a Plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line

# How sure an entry is, by how its list was found (times the line's own likeness).
HOW_SURE = {
    "heading": 0.95,
    "table": 0.9,
    "lead-in": 0.85,
    "sign-off": 0.8,
    "trailing": 0.7,
    "inline": 0.55,
}


@dataclass
class Entry:
    """One signatory as written: its text (wrapped lines joined) and where it came from."""

    text: str
    number: int | None
    group: str | None
    lines: list[int]
    confidence: float
    table_country: str | None = None  # from a table's country column
    from_table: bool = False


@dataclass
class Plan:
    """What each line is, and the entries found."""

    entries: list[Entry] = field(default_factory=list)
    roles: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (role, why)
    signatories_as_of: str | None = None
    further: bool = False

    def mark(self, line: Line, role: str, reason: str) -> None:
        self.roles[line.index] = (role, reason)
