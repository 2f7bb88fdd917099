"""--explain: what every line was taken for, and why."""

from __future__ import annotations

from undersigned.textformat import explain, format_report

TEXT = """Open Letter on Encryption

We ask the Council to protect encryption, because it keeps everybody safe online.

We call on you to:

1. Reject client-side scanning.
2. Protect end-to-end encryption.

Signatories:

National organisations
- Digitalcourage
- MRJC – Mouvement Rural de Jeunesse
Chrétienne
Regional
- Attac Paris

For more information: press@example.org
"""


def _roles() -> dict[str, str]:
    return {report.text: report.role for report in explain(TEXT)}


def test_it_says_what_each_line_was_taken_for():
    roles = _roles()
    assert roles["Open Letter on Encryption"] == "title"
    assert roles["We call on you to:"] == "body"
    assert roles["1. Reject client-side scanning."] == "decoy"
    assert roles["Signatories:"] == "heading"
    assert roles["National organisations"] == "group"
    assert roles["- Digitalcourage"] == "entry"
    assert roles["Chrétienne"] == "continuation"
    assert roles["For more information: press@example.org"] == "footer"


def test_it_gives_a_reason_and_a_confidence_for_entries():
    reports = {report.text: report for report in explain(TEXT)}
    entry = reports["- Digitalcourage"]
    assert entry.reason and 0 < entry.confidence <= 1
    assert reports["Signatories:"].confidence is None
    printed = format_report(explain(TEXT))
    assert "entry (" in printed and "why: " in printed
    assert printed.count("\n") == 2 * len(explain(TEXT))


def test_it_numbers_lines_as_the_file_does():
    reports = explain(TEXT)
    lines = TEXT.split("\n")
    assert all(lines[report.number - 1].strip() == report.text for report in reports)
