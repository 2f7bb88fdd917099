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


def test_names_in_sentence_case_one_a_line_under_a_lead_in_are_a_list():
    text = (
        f"Pismo\n\n{BODY}\n\nPismo su podržali:\n"
        "Udruženje za zaštitu reka\nCentar za mirovne studije\nŽene za mir\n"
        "Mreža za pravo na grad\n"
    )
    assert _names(text) == [
        "Udruženje za zaštitu reka",
        "Centar za mirovne studije",
        "Žene za mir",
        "Mreža za pravo na grad",
    ]
    _assert_fixed_point(text)


def test_a_lead_in_above_short_sentences_opens_no_list():
    text = f"Title\n\n{BODY}\n\nWe ask for three things:\nStop it now.\nTell us why.\nMeet us.\n"
    assert _names(text) == []


def test_a_line_glued_to_the_next_is_two_lines():
    text = (
        f"Open letter\n\n{BODY}\n\nSigned by:\n"
        "Amnesty International\nAccess Now\nPrivacy internationalLawyers Committee for Peace\n"
    )
    assert _names(text) == [
        "Amnesty International",
        "Access Now",
        "Privacy international",
        "Lawyers Committee for Peace",
    ]


def test_names_written_in_camel_case_stay_whole():
    text = f"Open letter\n\n{BODY}\n\nSigned by:\nopenDemocracy\nWikiLeaks\neBay Inc.\n"
    assert _names(text) == ["openDemocracy", "WikiLeaks", "eBay Inc."]


def test_names_one_a_line_after_a_place_and_date_then_more_under_a_lead_in_are_one_list():
    text = (
        f"Pismo\n\n{BODY}\n\nNovi Sad, 3.04.2011. godine\n"
        "Udruženje za zaštitu reka\nCentar za mirovne studije\nŽene za mir\n"
        "Pismo su podržali:\n"
        "Mreža za pravo na grad\nKlub ljubitelja knjige\nOdbor za javni prevoz\n"
    )
    assert _names(text) == [
        "Udruženje za zaštitu reka",
        "Centar za mirovne studije",
        "Žene za mir",
        "Mreža za pravo na grad",
        "Klub ljubitelja knjige",
        "Odbor za javni prevoz",
    ]
    assert parse(text).date == "2011-04-03"


def test_a_contact_line_ends_the_list():
    text = (
        f"Open letter\n\n{BODY}\n\nSigned by:\n"
        "Amnesty International\nAccess Now\nPrivacy International\n"
        "Phone: +44 20 7946 0000\nTél. 01 23 45 67 89\n"
    )
    assert _names(text) == ["Amnesty International", "Access Now", "Privacy International"]
