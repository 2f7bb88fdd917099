"""Reading one entry: short forms, countries and persons as real lists write them.

The entries are written for the test; the organizations named are real.
"""

from __future__ import annotations

import pytest

from undersigned.textformat import decode_source, parse
from undersigned.textformat.signatories import parse_signatory
from undersigned.textformat.source import FormatError


@pytest.mark.parametrize(
    ("line", "abbreviation", "name"),
    [
        ("Chaos Computer Club (CCC)", "CCC", "Chaos Computer Club"),
        ("Confédération Générale du Travail – CGT", "CGT", "Confédération Générale du Travail"),
        ("Arab Digital Expression Foundation - ADEF", "ADEF", "Arab Digital Expression Foundation"),
        ("FSU – Fédération Syndicale Unitaire", "FSU", "Fédération Syndicale Unitaire"),
        ("D64 – Zentrum für digitalen Fortschritt.", "D64", "Zentrum für digitalen Fortschritt"),
        ("WDC, Whale and Dolphin Conservation", "WDC", "Whale and Dolphin Conservation"),
        ("FSFE (Free Software Foundation Europe)", "FSFE", "Free Software Foundation Europe"),
        ("Fédération Syndicale Unitaire FSU", "FSU", "Fédération Syndicale Unitaire"),
        ("Idec - Instituto Brasileiro de Defesa do Consumidor", "Idec",
         "Instituto Brasileiro de Defesa do Consumidor"),
        ("Verbraucherzentrale Bundesverband (vzbv)", "vzbv", "Verbraucherzentrale Bundesverband"),
        ("Rede de Direitos Humanos e Cultura (DHnet)", "DHnet",
         "Rede de Direitos Humanos e Cultura"),
        ("EFF", "EFF", "EFF"),
        ("SEP-UNSA", "SEP-UNSA", "SEP-UNSA"),
        ("LAG 21 NRW", "LAG 21 NRW", "LAG 21 NRW"),
        # Names that merely look like short forms stay names.
        ("BUND Jugend", None, "BUND Jugend"),
        ("ARTICLE 19", None, "ARTICLE 19"),
        ("CADTM France", None, "CADTM France"),
        ("Intervozes - Coletivo Brasil de Comunicação Social", None,
         "Intervozes - Coletivo Brasil de Comunicação Social"),
        ("SÜDWIND e. V. – Institut für Ökonomie und Ökumene", None,
         "SÜDWIND e. V. – Institut für Ökonomie und Ökumene"),
        ("EINE WELT Netzwerk Sachsen-Anhalt e. V.", None,
         "EINE WELT Netzwerk Sachsen-Anhalt e. V."),
    ],
)  # fmt: skip
def test_it_reads_short_forms(line, abbreviation, name):
    signatory = parse_signatory(line)
    assert (signatory.abbreviation, signatory.name) == (abbreviation, name)


def test_it_reads_a_numbered_short_form_followed_by_its_country():
    signatory = parse_signatory("MLPD Germany", number=4)
    assert (signatory.number, signatory.abbreviation, signatory.name, signatory.country) == (
        4,
        "MLPD",
        "MLPD",
        "DE",
    )


@pytest.mark.parametrize(
    ("line", "name", "country"),
    [
        ("Mailfence (Belgium)", "Mailfence", "BE"),
        ("Les Amis de la Terre (Allemagne)", "Les Amis de la Terre", "DE"),
        ("Movimiento Sin Tierra – Brasil", "Movimiento Sin Tierra", "BR"),
        ("Sindicato Único, Perú", "Sindicato Único", "PE"),
        # Several countries, a region or a description give no country.
        ("Nym (France / Switzerland)", "Nym", None),
        ("European Digital SME Alliance (EU trade association representing 45.000 SMEs)",
         "European Digital SME Alliance", None),
    ],
)  # fmt: skip
def test_it_reads_countries_written_beside_the_name(line, name, country):
    signatory = parse_signatory(line)
    assert (signatory.name, signatory.country, signatory.name_en) == (name, country, None)


@pytest.mark.parametrize(
    ("line", "name", "affiliation", "country"),
    [
        ("Jane Roe, Associate Professor of Sociology, University of California, Irvine",
         "Jane Roe", "University of California, Irvine", None),
        ("John Poe, Lecturer, Wilbur Wright College, Chicago", "John Poe",
         "Wilbur Wright College", None),
        ("Ann Moe, Professor of Education, Palo Alto College, San Antonio, TX", "Ann Moe",
         "Palo Alto College", None),
        ("Prof. Dr. Ayşe Yılmaz - Marmara Üniversitesi", "Ayşe Yılmaz", "Marmara Üniversitesi",
         None),
        ("Nur Demir - Wellesley College, USA", "Nur Demir", "Wellesley College", "US"),
        ("Sérgio Lima, Presidente da CUT (Central Única dos Trabalhadores)", "Sérgio Lima",
         "CUT (Central Única dos Trabalhadores)", None),
        ("Maria Silva, Secretária-geral da Intersindical", "Maria Silva", "Intersindical", None),
        ("Jane Roe, on behalf of Greenpeace International (GPI)", "Jane Roe",
         "Greenpeace International (GPI)", None),
        ("MEP Jane Roe (Greens/EFA)", "Jane Roe", "Greens/EFA", None),
        ("Daniel Barlow for Liminix", "Daniel Barlow", "Liminix", None),
        ("Thomas Heyward, Jr.", "Thomas Heyward, Jr.", None, None),
        # Members of parliament with their group.
        ("Jane Roe, MEP (Greens/EFA, Germany)", "Jane Roe", "Greens/EFA, Germany", "DE"),
        ("Hans Meier MdB (Die Linke)", "Hans Meier", "Die Linke", None),
        # Roles and degrees alone are not affiliations.
        ("Lisa Fields, Researcher, Freelance", "Lisa Fields", None, None),
    ],
)  # fmt: skip
def test_it_reads_persons_without_titles_or_roles(line, name, affiliation, country):
    signatory = parse_signatory(line)
    assert (signatory.kind, signatory.name, signatory.affiliation, signatory.country) == (
        "person",
        name,
        affiliation,
        country,
    )


def test_it_drops_the_full_stop_that_ends_an_entry_but_not_an_abbreviation():
    assert parse_signatory("Fundación Corona.").name == "Fundación Corona"
    assert parse_signatory("Pengutronix e.K.").name == "Pengutronix e.K."


def test_it_does_not_take_an_organization_for_a_person():
    for line in ("Les Amis de la Terre", "The Good Cloud (Netherlands)"):
        assert parse_signatory(line).kind == "organization"


def test_every_entry_has_a_confidence_between_zero_and_one():
    doc = parse("Title\n\nWe ask for peace.\n\nSincerely,\n\nAttac\nGreenpeace\n")
    assert doc.signatories
    assert all(0 < s.confidence <= 1 for s in doc.signatories)
    assert "confidence" not in doc.to_dict()["signatories"][0]
    assert "confidence" in doc.to_dict(confidence=True)["signatories"][0]


def test_a_headed_list_is_surer_than_a_list_found_without_a_heading():
    body = "We ask the government to protect encryption for everybody, now and later."
    headed = parse(f"Title\n\n{body}\n\nSignatories:\n\n- Attac\n- Greenpeace\n")
    closing = parse(f"Title\n\n{body}\n\nSincerely,\n\nAttac\nGreenpeace\n")
    assert min(s.confidence for s in headed.signatories) > max(
        s.confidence for s in closing.signatories
    )


def test_it_refuses_a_200000_character_name_with_a_message():
    text = "Statement\n\nSignatories:\n\n- " + "A" * 200_000 + "\n"
    with pytest.raises(FormatError) as caught:
        decode_source(text.encode())
    assert caught.value.line == 5
    assert "Line 5 is 200,002 characters long" in caught.value.message
    parse(text)  # the parser itself still never raises
