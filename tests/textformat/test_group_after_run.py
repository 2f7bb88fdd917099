"""Names one a paragraph after a letter with no heading, then a short group heading ending in
a colon and more names: one list, the group only for the names below the colon line
(textformat/run_groups.py).

Every letter and every name here is invented for the test.
"""

from __future__ import annotations

import pytest

from undersigned.textformat import parse, render_text

LETTERS = {
    "pl": (
        "Szanowna Pani Minister!\n\n"
        "Zwracamy się do Pani z prośbą o wstrzymanie prac nad ustawą, która ogranicza prawo "
        "do zgromadzeń. Prosimy o rozmowę ze środowiskami, których ona dotyczy.\n\n"
        "Liczymy na Pani rozwagę.",
        ["Marek Zalewski", "Agnieszka Wrona", "Tomasz Kaczmarczyk", "prof. Ewa Bielecka"],
        "Byli więźniowie polityczni:",
        ["Stefan Duda", "Irena Maj-Kowalczyk", "Zofia Grabowska"],
    ),
    "en": (
        "Dear Minister,\n\n"
        "We write to ask you to halt the bill that restricts the right to assemble. We ask you "
        "to meet those it concerns before it goes any further.\n\n"
        "We count on your judgement.",
        ["Mary Collins", "Peter Hanley", "Aisling Moran", "David O'Rourke"],
        "Former detainees:",
        ["Brian Keane", "Niamh Walsh-Doyle", "Sean Fitzgerald"],
    ),
    "de": (
        "Sehr geehrte Frau Ministerin,\n\n"
        "wir bitten Sie, das Gesetz zur Einschränkung der Versammlungsfreiheit anzuhalten und "
        "vorher mit den Betroffenen zu sprechen.\n\n"
        "Wir zählen auf Ihr Urteil.",
        ["Klaus Hoffmann", "Ingrid Schäfer", "Jürgen Wolff", "Dr. Petra Lange"],
        "Zeitzeuginnen und Zeitzeugen:",
        ["Helga Brandt", "Werner Vogt", "Ursula Krämer"],
    ),
}


def _letter(language: str) -> tuple[str, list[str], str, list[str]]:
    body, first, heading, last = LETTERS[language]
    text = body + "\n\n\n" + "\n\n".join([*first, heading, *last]) + "\n"
    return text, first, heading, last


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_names_above_a_colon_group_are_signatories_too(language):
    text, first, heading, last = _letter(language)
    doc = parse(text)
    names = [s.name for s in doc.signatories]
    assert len(names) == len(first) + len(last)
    assert names[-len(last) :] == last
    groups = [s.group for s in doc.signatories]
    assert groups == [None] * len(first) + [heading.rstrip(":")] * len(last)
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_one_name_a_line_without_blank_lines_too():
    body, first, heading, last = LETTERS["en"]
    doc = parse(body + "\n\n" + "\n".join([*first, heading, *last]) + "\n")
    assert [s.name for s in doc.signatories][: len(first)] == first
    assert [s.group for s in doc.signatories][-1] == "Former detainees"


def test_two_names_above_a_lead_in_stay_out_of_the_list():
    """Two closing lines are not yet a run: the colon line leads into its own list."""
    body, _first, heading, last = LETTERS["en"]
    doc = parse(body + "\n\nMary Collins\nPeter Hanley\n\n" + "\n".join([heading, *last]))
    assert [s.name for s in doc.signatories] == last


def test_a_contact_line_is_no_group():
    body, first, _heading, _last = LETTERS["en"]
    tail = "\n".join([*first, "Contact:", "press@example.org", "+44 20 7946 0000"])
    doc = parse(body + "\n\n" + tail + "\n")
    assert all(s.group is None for s in doc.signatories)
    assert "Contact" not in [s.name for s in doc.signatories]
