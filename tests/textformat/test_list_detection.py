"""Finding lists whose shape is damaged by copying: markers lost on some lines, lines
glued together, lists of names written in sentence case under a lead-in.

Every list here is written for the test; the statements and most names are invented.
"""

from __future__ import annotations

from undersigned.textformat import parse, render_text

BODY = (
    "We are deeply concerned about the proposed regulation, which would weaken the security "
    "of everybody's communications and harm small companies across the continent."
)


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def _assert_fixed_point(text: str) -> None:
    doc = parse(text)
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_a_marked_list_goes_on_over_lines_that_lost_their_marker():
    text = (
        f"Solidarité\n\n{BODY}\n\nLes signataires de la déclaration :\n"
        "– Association des Amis du Port (AAP)\n"
        "– Fédération des Jardins Ouvriers (FJO)\n"
        "Collectif des Habitants du Centre (CHC)\n"
        "L’Union des Artisans Réunis (UAR)\n"
        "– Ligue pour la Lecture Publique (LLP)\n"
        "Réseau des Bibliothèques Libres (RBL)\n"
    )
    assert _names(text) == [
        "Association des Amis du Port",
        "Fédération des Jardins Ouvriers",
        "Collectif des Habitants du Centre",
        "L’Union des Artisans Réunis",
        "Ligue pour la Lecture Publique",
        "Réseau des Bibliothèques Libres",
    ]
    _assert_fixed_point(text)


def test_a_marked_list_still_ends_at_an_unmarked_line_when_no_marked_line_follows():
    text = (
        f"Title\n\n{BODY}\n\nSigned by:\n- Amnesty International\n- Access Now\n"
        "Privacy International\n\nWe will publish the answers we receive in the spring.\n"
    )
    assert _names(text) == ["Amnesty International", "Access Now"]
