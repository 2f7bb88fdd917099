"""Finding the signatory list the way real statements write it: with or without a heading,
in groups, as a table, wrapped, split, before the body or inside a sentence, among decoys.

Every list here is written for the test; organization names are real, statements are not.
"""

from __future__ import annotations

import pytest

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


# --- no heading ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    ["Sincerely,", "Atentamente,", "Cordialement,", "Mit solidarischen Grüßen", "Saudações,"],
)
def test_it_finds_a_list_after_a_closing_formula(closing):
    entries = "Amnesty International\nAccess Now\nPrivacy International"
    text = f"Open letter\n\n{BODY}\n\n{closing}\n\n{entries}\n"
    assert _names(text) == ["Amnesty International", "Access Now", "Privacy International"]
    _assert_fixed_point(text)


def test_it_finds_a_list_after_a_place_and_date_line():
    text = (
        f"Joint note\n\n{BODY}\n\nBrasília, 3 de março de 2023\n\n"
        "Central Única dos Trabalhadores\n\nForça Sindical\n\nUnião Geral dos Trabalhadores\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == [
        "Central Única dos Trabalhadores",
        "Força Sindical",
        "União Geral dos Trabalhadores",
    ]
    assert doc.date == "2023-03-03"


def test_it_takes_the_last_paragraphs_as_the_list_when_they_are_entries():
    entries = ["Greenpeace", "Friends of the Earth Europe", "WWF", "Oxfam", "ActionAid"]
    text = f"Statement\n\n{BODY}\n\n" + "\n".join(entries) + "\n"
    assert _names(text) == entries


def test_it_leaves_an_issuer_block_alone():
    text = f"Statement\n\n{BODY}\n\nInternational Coordination\nExecutive Committee\n"
    doc = parse(text)
    assert doc.signatories == []
    assert doc.issuer == "International Coordination\nExecutive Committee"


# --- headings outside the vocabulary ----------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Firman la Declaración las siguientes organizaciones:",
        "Entidades firmantes",
        "Les signataires :",
        "Unterzeichnenden Organisationen",
        "Kampanyayı başlatanlar:",
        "States who joined the statement:",
        "[INITIAL SIGNERS – more signers below]",
        "Hanno firmato:",
        "Organisations supporting this statement:",
        "Unterstützende Organisationen:",
        "Con el apoyo de:",
    ],
)
def test_it_knows_headings_that_introduce_the_list(heading):
    text = f"Title\n\n{BODY}\n\n{heading}\n\nAttac\nFoodwatch\nLobbyControl\n"
    assert _names(text) == ["Attac", "Foodwatch", "LobbyControl"]
    assert heading not in parse(text).body


def test_it_skips_an_explanation_between_the_heading_and_the_list():
    text = (
        f"Title\n\n{BODY}\n\nSignatory organisations\n\n"
        "This statement was signed by the organisations below, and others are welcome to sign "
        "it too by writing to the campaign coordinator.\n\n"
        "Chaos Computer Club\nDigitalcourage\nLa Quadrature du Net\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == [
        "Chaos Computer Club",
        "Digitalcourage",
        "La Quadrature du Net",
    ]
    assert doc.further_signatories_possible


# --- groups ---------------------------------------------------------------------------


def test_it_reads_group_headings_in_a_bulleted_list():
    text = (
        f"Title\n\n{BODY}\n\nSignatories:\n\n"
        "Organisations nationales\n- Attac France\n- Ligue des droits de l'Homme\n"
        "Regional\n- Alternatiba Paris\n"
        "Deutschland\n- BUND\n"
    )
    doc = parse(text)
    assert [(s.group, s.name) for s in doc.signatories] == [
        ("Organisations nationales", "Attac France"),
        ("Organisations nationales", "Ligue des droits de l'Homme"),
        ("Regional", "Alternatiba Paris"),
        ("Deutschland", "BUND"),
    ]
    _assert_fixed_point(text)


def test_it_reads_state_headings_without_a_list_heading():
    text = (
        f"Declaration\n\n{BODY}\n\n"
        "- They have refused to hear our petitions.\n- They have taxed us without consent.\n\n"
        "And for the support of this declaration we pledge our lives.\n\n"
        "Georgia\n- Button Gwinnett\n- Lyman Hall\nMaryland:\n- Samuel Chase\n"
    )
    doc = parse(text)
    assert [(s.group, s.name, s.country) for s in doc.signatories] == [
        ("Georgia", "Button Gwinnett", None),
        ("Georgia", "Lyman Hall", None),
        ("Maryland", "Samuel Chase", None),
    ]


# --- tables ---------------------------------------------------------------------------


def test_it_reads_a_table_with_a_bilingual_header_and_a_country_column():
    text = (
        f"Open letter\n\n{BODY}\n\nSignataires / Signatories\n\n"
        "Nom / Name | Statut / Organization type | Pays / Country | Lien / Link\n"
        "Framasoft | Association | France | https://framasoft.org\n"
        "NixOS Foundation | Foundation | The Netherlands | https://nixos.org\n"
        "Fedicat | Collectif | Espagne | -\n"
        "Interpeer Project | Association | Global |\n"
    )
    doc = parse(text)
    assert [(s.name, s.country) for s in doc.signatories] == [
        ("Framasoft", "FR"),
        ("NixOS Foundation", "NL"),
        ("Fedicat", "ES"),
        ("Interpeer Project", None),
    ]
    _assert_fixed_point(text)


def test_it_reads_a_numbered_table():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "1 | Amnesty International | United Kingdom\n"
        "2 | Human Rights Watch | United States\n"
        "3 | FIDH | France\n"
    )
    doc = parse(text)
    assert [(s.number, s.name, s.country) for s in doc.signatories] == [
        (1, "Amnesty International", "GB"),
        (2, "Human Rights Watch", "US"),
        (3, "FIDH", "FR"),
    ]


# --- wrapped, glued, split, early and inline lists ----------------------------------------


def test_it_joins_an_entry_wrapped_over_two_lines():
    text = (
        f"Title\n\n{BODY}\n\nLes signataires :\n"
        "Attac France\nMRJC – Mouvement Rural de Jeunesse\nChrétienne\nSolidaires\n"
    )
    doc = parse(text)
    assert [(s.abbreviation, s.name) for s in doc.signatories] == [
        (None, "Attac France"),
        ("MRJC", "Mouvement Rural de Jeunesse Chrétienne"),
        (None, "Solidaires"),
    ]


def test_it_joins_a_parenthesis_broken_across_paragraphs():
    text = (
        f"Nota\n\n{BODY}\n\nSão Paulo, 8 de janeiro de 2023\n\n"
        "Ana Souza, Presidente da CTB (Central dos Trabalhadores e Trabalhadoras\n\ndo Brasil)\n\n"
        "João Lima, Presidente da UGT (União Geral dos Trabalhadores)\n\n"
        "Rita Melo, Secretária-geral da Intersindical\n"
    )
    doc = parse(text)
    assert [(s.name, s.affiliation) for s in doc.signatories] == [
        ("Ana Souza", "CTB (Central dos Trabalhadores e Trabalhadoras do Brasil)"),
        ("João Lima", "UGT (União Geral dos Trabalhadores)"),
        ("Rita Melo", "Intersindical"),
    ]


def test_it_splits_two_entries_glued_on_one_line():
    text = (
        f"Title\n\n{BODY}\n\nSignatories:\n\nProton (Switzerland)\n\nOlvid (France)Tuta (Germany)\n"
    )
    doc = parse(text)
    assert [(s.name, s.country) for s in doc.signatories] == [
        ("Proton", "CH"),
        ("Olvid", "FR"),
        ("Tuta", "DE"),
    ]


def test_it_reads_a_list_split_in_two_blocks_by_endnotes():
    text = (
        f"Open letter\n\n{BODY}[1]\n\nWith urgency,\n\n"
        "[FIRST SIGNERS – more signers after the notes]\n\n"
        "Jane Roe, Professor of Sociology, Princeton University\n\n"
        "John Poe, Associate Professor of Law, University of California, Irvine\n\n"
        "Endnotes\n\n[1] Jane Roe and John Poe, “Debt and Race,” Journal of Things 3 (2019).\n\n"
        "[MORE SIGNERS]\n\n"
        "Ann Moe, Lecturer, Wilbur Wright College, Chicago\n\n"
        "To add your signature, visit: https://example.org/sign\n"
    )
    doc = parse(text)
    assert [(s.name, s.affiliation) for s in doc.signatories] == [
        ("Jane Roe", "Princeton University"),
        ("John Poe", "University of California, Irvine"),
        ("Ann Moe", "Wilbur Wright College"),
    ]
    assert doc.further_signatories_possible


def test_it_reads_a_delegation_list_before_the_body():
    text = (
        "Joint declaration\n\nThe following organisations sign this declaration:\n\n"
        "- Confédération Générale du Travail (CGT)\n- Union syndicale Solidaires\n"
        "- Fédération Syndicale Unitaire (FSU)\n\n" + "\n\n".join([BODY] * 4) + "\n"
    )
    doc = parse(text)
    assert [s.abbreviation for s in doc.signatories] == ["CGT", None, "FSU"]
    assert doc.body.count(BODY) == 4


def test_it_reads_signatories_named_in_a_sentence():
    text = (
        "Strategische Autonomie in Gefahr\n\n"
        "Eine gemeinsame Stellungnahme der Unternehmen Boxcryptor, Mailfence, Tresorit und "
        "Tutanota.\n\n" + BODY + "\n\nUnterzeichner:\n"
    )
    assert _names(text) == ["Boxcryptor", "Mailfence", "Tresorit", "Tutanota"]


# --- decoys ---------------------------------------------------------------------------


def test_it_leaves_demands_footnotes_contacts_and_about_blocks_out():
    text = (
        "Open letter\n\nWe call on you to:\n\n"
        "1. Protect encryption.\n2. Reject client-side scanning of private messages.\n\n"
        f"{BODY}[^1]\n\n[^1]: See the Council proposal of 2024.\n\n"
        "Signatories:\n\n- Mailfence (Belgium)\n- Proton (Switzerland)\n\n"
        "For more information: press@example.org\n\n"
        "About us\n\nThe Example Coalition brings together 40 organisations since 2010.\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == ["Mailfence", "Proton"]
    assert "1. Protect encryption." in doc.body
    assert not any("press@example.org" in p for p in doc.body)


def test_it_notes_an_invitation_to_sign_and_an_as_of_date():
    text = (
        f"Open letter\n\n{BODY}\n\n120 total signers as of January 26th, 2021.\n\n"
        "Signers:\n\nJane Roe, Professor, Harvard University\n\n"
        "To add your signature, visit: https://example.org/sign\n"
    )
    doc = parse(text)
    assert doc.signatories_as_of == "2021-01-26"
    assert doc.further_signatories_possible
    assert [s.name for s in doc.signatories] == ["Jane Roe"]


def test_it_reads_group_headings_that_open_paragraphs_of_an_unmarked_list():
    text = (
        f"Title\n\n{BODY}\n\nLes signataires :\n\n"
        "Organisations nationales\nAttac France\nLigue des droits de l'Homme\n\n"
        "Organisations locales\nAlternatiba Paris\nAmnesty International Lyon\n"
    )
    doc = parse(text)
    assert [(s.group, s.name) for s in doc.signatories] == [
        ("Organisations nationales", "Attac France"),
        ("Organisations nationales", "Ligue des droits de l'Homme"),
        ("Organisations locales", "Alternatiba Paris"),
        ("Organisations locales", "Amnesty International Lyon"),
    ]
    _assert_fixed_point(text)


def test_it_finds_the_statements_own_heading_below_a_blog_introduction():
    text = (
        "Why we signed: an open letter on chat control\n\n"
        "Today we add our name to a new letter. We thank our friends for their work.\n\n"
        "Open letter to the Member States on the proposed regulation\n\n"
        f"{BODY}\n\nSignatories:\n\n- Tuta (Germany)\n"
    )
    doc = parse(text)
    assert doc.title == "Why we signed: an open letter on chat control"
    assert doc.subtitle == "Open letter to the Member States on the proposed regulation"
    assert doc.subtitle not in doc.body
    _assert_fixed_point(text)


def test_it_does_not_take_a_name_with_a_signing_word_for_a_new_heading():
    text = (
        f"Title\n\n{BODY}\n\nSignatories:\n\n"
        "Netz39\nOpennet Initiative\nInitiative für Netzfreiheit\nPengutronix e.K.\n"
    )
    assert _names(text) == [
        "Netz39",
        "Opennet Initiative",
        "Initiative für Netzfreiheit",
        "Pengutronix e.K.",
    ]
