"""Signatory lists written as tables, read by what their cells hold.

Every table here is written for the test; organization names are real, statements are not.
"""

from __future__ import annotations

from undersigned.textformat import parse, render_text
from undersigned.textformat.model import Document
from undersigned.textformat.tables import columns, is_header, is_separator

BODY = (
    "We call on the members of the organization to change course on the rules that govern "
    "trade, so that they serve people and the planet rather than the largest corporations."
)

DESCRIPTION = (
    "works with partners in many countries, including France and Kenya, on trade, "
    "development and the rights of workers and farmers."
)


def _rows(doc: Document) -> list[tuple]:
    return [(s.number, s.name, s.abbreviation, s.country, s.group) for s in doc.signatories]


def test_two_tables_under_group_headings_make_one_grouped_list():
    # The third column describes the body in the first table and names its country in
    # the second; the description names countries too, and is dropped all the same.
    text = (
        f"Letter to the ministers\n\n{BODY}\n\nEndorsed as of 3 May 2021:\n\n"
        "International networks:\n\n"
        f"1 | Friends of the Earth International (FOEI) | FOEI {DESCRIPTION}\n"
        f"2 | Public Services International (PSI) | PSI {DESCRIPTION}\n"
        f"3 | Third World Network | The network {DESCRIPTION}\n\n"
        "National organizations:\n\n"
        "4 | Attac Austria | Austria\n"
        "5 | War on Want | United Kingdom\n"
        "6 | War on Want | United Kingdom\n"
        "7 | Alliance Sud | Switzerland\n"
    )
    doc = parse(text)
    assert _rows(doc) == [
        (1, "Friends of the Earth International", "FOEI", None, "International networks"),
        (2, "Public Services International", "PSI", None, "International networks"),
        (3, "Third World Network", None, None, "International networks"),
        (4, "Attac Austria", None, "AT", "National organizations"),
        (5, "War on Want", None, "GB", "National organizations"),
        (6, "War on Want", None, "GB", "National organizations"),  # duplicates are kept
        (7, "Alliance Sud", None, "CH", "National organizations"),
    ]
    assert doc.signatories_as_of == "2021-05-03"


def test_tables_without_a_signing_heading_are_found_and_their_headings_are_groups():
    text = (
        f"Transform the trade rules\n\n{BODY}\n\nOrganizaciones internacionales\n\n"
        "1 | ActionAid International\n"
        "2 | Greenpeace\n"
        "3 | IndustriALL Global Union\n\n"
        "Organizaciones nacionales\n\n"
        "4 | Amigos de la Tierra Argentina | Argentina\n"
        "5 | PowerShift e.V. | Alemania\n"
        "6 | Ecologistas en Acción | España\n"
    )
    assert _rows(parse(text)) == [
        (1, "ActionAid International", None, None, "Organizaciones internacionales"),
        (2, "Greenpeace", None, None, "Organizaciones internacionales"),
        (3, "IndustriALL Global Union", None, None, "Organizaciones internacionales"),
        (4, "Amigos de la Tierra Argentina", None, "AR", "Organizaciones nacionales"),
        (5, "PowerShift e.V.", None, "DE", "Organizaciones nacionales"),
        (6, "Ecologistas en Acción", None, "ES", "Organizaciones nacionales"),
    ]


def test_a_row_whose_description_wrapped_onto_a_line_of_its_own():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        f"1 | Eco-Accord | Eco-Accord {DESCRIPTION}\n"
        "2 | Greenpeace\n\n"
        "Greenpeace is an independent campaigning organization, which uses peaceful, "
        "creative confrontation to expose global environmental problems.\n\n"
        f"3 | Jubilee Caribbean | Jubilee Caribbean {DESCRIPTION}\n"
    )
    assert [(s.number, s.name) for s in parse(text).signatories] == [
        (1, "Eco-Accord"),
        (2, "Greenpeace"),
        (3, "Jubilee Caribbean"),
    ]


def test_a_row_cut_inside_its_name_is_joined():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "1 | Attac Austria | Austria\n"
        "2 | Friends of the Earth Latin America and the\n"
        "Caribbean (ATALC) | Uruguay\n"
        "3 | Alliance Sud | Switzerland\n"
    )
    assert _rows(parse(text)) == [
        (1, "Attac Austria", None, "AT", None),
        (2, "Friends of the Earth Latin America and the Caribbean", "ATALC", "UY", None),
        (3, "Alliance Sud", None, "CH", None),
    ]


def test_a_markdown_table_with_header_separator_links_and_empty_cells():
    text = (
        f"# Open letter\n\n{BODY}\n\n## Who signed\n\n"
        "| Name | Type | Country | Link |\n"
        "|------|:----:|---------|------|\n"
        "| Framasoft | Association | France | https://framasoft.org |\n"
        "| NixOS Foundation | Foundation | The Netherlands | |\n"
        "| Interpeer Project | Association | Global | https://interpeer.io |\n"
        "| Chaos Computer Club | Association | Germany | ccc.de |\n"
    )
    assert [(s.name, s.country) for s in parse(text).signatories] == [
        ("Framasoft", "FR"),
        ("NixOS Foundation", "NL"),
        ("Interpeer Project", None),
        ("Chaos Computer Club", "DE"),
    ]


def test_header_rows_repeated_in_each_table_are_skipped():
    header = "Nom / Name | Pays / Country\n"
    text = (
        f"Lettre ouverte\n\n{BODY}\n\nSignataires / Signatories\n\n"
        f"Europe\n{header}Framasoft | France\nAttac Austria | Autriche\n\n"
        f"Afrique\n{header}Econews Africa | Kenya\nHumanitaire Plus | Togo\n"
    )
    assert [(s.name, s.country, s.group) for s in parse(text).signatories] == [
        ("Framasoft", "FR", "Europe"),
        ("Attac Austria", "AT", "Europe"),
        ("Econews Africa", "KE", "Afrique"),
        ("Humanitaire Plus", "TG", "Afrique"),
    ]


def test_an_abbreviation_column_and_a_type_column_before_the_name():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "Union | ICTU | Irish Congress of Trade Unions | Ireland\n"
        "Union | TUC | Trades Union Congress | United Kingdom\n"
        "Union | DGB | Deutscher Gewerkschaftsbund | Germany\n"
        "Union | CGT | Confédération générale du travail | France\n"
        "NGO | SOMO | Centre for Research on Multinational Corporations | Netherlands\n"
    )
    assert [(s.name, s.abbreviation, s.country) for s in parse(text).signatories] == [
        ("Irish Congress of Trade Unions", "ICTU", "IE"),
        ("Trades Union Congress", "TUC", "GB"),
        ("Deutscher Gewerkschaftsbund", "DGB", "DE"),
        ("Confédération générale du travail", "CGT", "FR"),
        ("Centre for Research on Multinational Corporations", "SOMO", "NL"),
    ]


def test_a_grouped_table_list_reads_back_alike_after_rendering():
    text = (
        f"Letter\n\n{BODY}\n\nSignatories:\n\nNetworks:\n"
        "1 | Friends of the Earth International | Global\n2 | Greenpeace | Global\n\n"
        "National organizations:\n3 | Attac Austria | Austria\n4 | Alliance Sud | Switzerland\n"
    )
    doc = parse(text)
    assert [s.group for s in doc.signatories] == ["Networks"] * 2 + ["National organizations"] * 2
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_column_roles_come_from_the_cells():
    rows = [
        ["1", "Attac Austria", "Austria", "https://attac.at"],
        ["2", "War on Want", "United Kingdom", "waronwant.org"],
        ["3", "Alliance Sud", "Switzerland", "-"],
    ]
    found = columns(rows)
    assert (found.number, found.name, found.country, found.dropped) == (0, 1, 2, (3,))
    assert found.names
    assert is_separator("|---|:---:|") and is_separator("--- | ---")
    assert not is_separator("Attac | Austria")
    assert is_header(["N°", "Nom / Name", "Pays / Country"])
    assert not is_header(["1", "Attac", "Austria"])


def test_a_country_column_with_merged_cells_carries_down():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "**Country** | **Organization**\n"
        "Argentina | Amigos de la Tierra Argentina\n"
        " | CTA Autónoma\n"
        "Australia | ActionAid Australia\n"
        " | Australian Council of Trade Unions (ACTU)\n"
    )
    assert [(s.name, s.country) for s in parse(text).signatories] == [
        ("Amigos de la Tierra Argentina", "AR"),
        ("CTA Autónoma", "AR"),
        ("ActionAid Australia", "AU"),
        ("Australian Council of Trade Unions", "AU"),
    ]


def test_a_table_without_heading_wins_over_a_short_headed_decoy():
    rows = "".join(
        f"{n} | {name} | {country}\n"
        for n, (name, country) in enumerate(
            [
                ("Attac Austria", "Austria"),
                ("War on Want", "United Kingdom"),
                ("Alliance Sud", "Switzerland"),
                ("Both ENDS", "Netherlands"),
                ("PowerShift", "Germany"),
                ("Fairwatch", "Italy"),
            ],
            start=1,
        )
    )
    text = f"Statement\n\nSupported by:\nAttac France\n\n{BODY}\n\n{rows}"
    assert [s.name for s in parse(text).signatories][:2] == ["Attac Austria", "War on Want"]
    assert len(parse(text).signatories) == 6


def test_html_tables_as_a_browser_like_renderer_writes_them():
    # <th> header rows, a <p> inside a cell (its own paragraph), a <br> inside a name, an
    # empty number cell (which leaves no " | " behind) and an empty last cell.
    text = (
        f"Open letter on trade\n\n{BODY}\n\nSignatories as of 3 May 2021:\n\n"
        "International and regional networks\n\n"
        "No. | Organization | Description\n"
        f"1 | Friends of the Earth International (FOEI) | FOEI {DESCRIPTION}\n"
        "2 | Greenpeace |\n\n"
        "Greenpeace is an independent campaigning organization, which uses peaceful, "
        "creative confrontation.\n\n"
        "3 | Public Services\n"
        f"International (PSI) | PSI {DESCRIPTION}\n\n"
        "National organizations\n\n"
        "No. | Organization | Country\n"
        "4 | Attac Austria | Austria\n"
        "War on Want | United Kingdom\n"
        "6 | Alliance Sud |\n"
        "7 | Both ENDS | Netherlands\n"
    )
    doc = parse(text)
    networks, national = "International and regional networks", "National organizations"
    assert _rows(doc) == [
        (1, "Friends of the Earth International", "FOEI", None, networks),
        (2, "Greenpeace", None, None, networks),
        (3, "Public Services International", "PSI", None, networks),
        (4, "Attac Austria", None, "AT", national),
        (None, "War on Want", None, "GB", national),
        (6, "Alliance Sud", None, None, national),
        (7, "Both ENDS", None, "NL", national),
    ]
    assert doc.signatories_as_of == "2021-05-03"


def test_without_a_country_column_only_a_stated_country_counts():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "1 | Irish Congress of Trade Unions (ICTU), Ireland\n"
        "2 | Tchad Agir Pour l'Environnement (TCHAPE)\n"
        "3 | Attac (France)\n"
        "4 | Friends of the Earth Uganda\n"
    )
    assert [(s.name, s.country) for s in parse(text).signatories] == [
        ("Irish Congress of Trade Unions", "IE"),
        ("Tchad Agir Pour l'Environnement", None),
        ("Attac", "FR"),
        ("Friends of the Earth Uganda", None),
    ]


def test_a_second_table_under_a_heading_is_a_group_and_the_first_has_none():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "Attac Austria | Austria\nWar on Want | United Kingdom\n\n"
        "Individuals (in personal capacity):\n\n"
        "Jane Goodall | United Kingdom\nNoam Chomsky | United States\n"
    )
    assert [(s.name, s.group) for s in parse(text).signatories] == [
        ("Attac Austria", None),
        ("War on Want", None),
        ("Jane Goodall", "Individuals (in personal capacity)"),
        ("Noam Chomsky", "Individuals (in personal capacity)"),
    ]


def test_a_country_column_of_iso_codes():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "Organisation | Land\n"
        "Chaos Computer Club | DE\nFramasoft | FR\nBits of Freedom | NL\nepicenter.works | AT\n"
    )
    assert [(s.name, s.abbreviation, s.country) for s in parse(text).signatories] == [
        ("Chaos Computer Club", None, "DE"),
        ("Framasoft", None, "FR"),
        ("Bits of Freedom", None, "NL"),
        ("epicenter.works", None, "AT"),
    ]


def test_a_layout_table_of_sentences_is_not_a_list_without_a_heading():
    sentence = "The ministers meet in Geneva this week to discuss the future of the rules."
    text = (
        f"Statement\n\n{BODY}\n\n"
        + "".join(f"{sentence} | {sentence}\n" for _ in range(4))
        + "\nSincerely,\n\nAttac Austria\nWar on Want\nAlliance Sud\n"
    )
    assert [s.name for s in parse(text).signatories] == [
        "Attac Austria",
        "War on Want",
        "Alliance Sud",
    ]


def test_rows_lacking_their_last_cells_stay_apart():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "Framasoft | Association | France | https://framasoft.org\n"
        "Fedicat | Collectif\n"
        "Hackstub | Association\n"
        "NixOS Foundation | Foundation | The Netherlands | https://nixos.org\n"
    )
    assert [s.name for s in parse(text).signatories] == [
        "Framasoft",
        "Fedicat",
        "Hackstub",
        "NixOS Foundation",
    ]


def test_tables_under_country_headings_take_the_heading_s_country():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "Germany\n\n1 | PowerShift\n2 | Chaos Computer Club\n\n"
        "France\n\n3 | Framasoft\n4 | Attac\n"
    )
    assert [(s.name, s.country, s.group) for s in parse(text).signatories] == [
        ("PowerShift", "DE", "Germany"),
        ("Chaos Computer Club", "DE", "Germany"),
        ("Framasoft", "FR", "France"),
        ("Attac", "FR", "France"),
    ]


def test_a_date_column_before_the_name_is_dropped():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "3 May 2021 | Attac Austria | Austria\n"
        "4 May 2021 | War on Want | United Kingdom\n"
        "2021-05-06 | Alliance Sud | Switzerland\n"
    )
    assert [(s.name, s.country) for s in parse(text).signatories] == [
        ("Attac Austria", "AT"),
        ("War on Want", "GB"),
        ("Alliance Sud", "CH"),
    ]


def test_a_table_of_states_gives_each_its_own_country():
    text = (
        f"Joint statement\n\n{BODY}\n\nSignatories:\n\n"
        "1 | Albania\n2 | Argentina\n3 | Australia\n4 | Austria\n"
    )
    assert [(s.number, s.name, s.country) for s in parse(text).signatories] == [
        (1, "Albania", "AL"),
        (2, "Argentina", "AR"),
        (3, "Australia", "AU"),
        (4, "Austria", "AT"),
    ]


def test_a_plain_text_grid_with_rows_on_two_lines():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "+----+------------------------------+----------+\n"
        "| No | Organization                 | Country  |\n"
        "+====+==============================+==========+\n"
        "| 1  | Association des femmes       | Cameroon |\n"
        "|    | éducatrices                  |          |\n"
        "+----+------------------------------+----------+\n"
        "| 2  | Attac Austria                | Austria  |\n"
        "+----+------------------------------+----------+\n"
        "| 3  | War on Want                  | United   |\n"
        "|    |                              | Kingdom  |\n"
        "+----+------------------------------+----------+\n"
    )
    assert [(s.number, s.name, s.country) for s in parse(text).signatories] == [
        (1, "Association des femmes éducatrices", "CM"),
        (2, "Attac Austria", "AT"),
        (3, "War on Want", "GB"),
    ]


def test_a_page_number_between_rows_is_skipped():
    text = (
        f"Statement\n\n{BODY}\n\nSignatories:\n\n"
        "1 | Attac Austria | Austria\n2 | War on Want | United Kingdom\n"
        "Page 2 of 3\n"
        "3 | Alliance Sud | Switzerland\n4 | Both ENDS | Netherlands\n"
    )
    assert [(s.number, s.name, s.country) for s in parse(text).signatories] == [
        (1, "Attac Austria", "AT"),
        (2, "War on Want", "GB"),
        (3, "Alliance Sud", "CH"),
        (4, "Both ENDS", "NL"),
    ]
