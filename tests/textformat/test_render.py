from __future__ import annotations

from markdown_it import MarkdownIt

from undersigned.textformat import Document, Signatory, parse, render_markdown, render_text


def _org(number, name, **fields) -> Signatory:
    values = dict(abbreviation=None, name_en=None, country=None, group=None, affiliation=None)
    values.update(fields)
    return Signatory(number=number, name=name, kind="organization", **values)


DOC = Document(
    kind="resolution",
    title="No to war!",
    subtitle="Peace now",
    issuer="International Conference\nCoordination Committee",
    date="2021-09-15",
    signatories_as_of="2021-09-15",
    further_signatories_possible=True,
    body=["First paragraph with **bold**.", "Second paragraph."],
    signatories=[
        _org(1, "Marxistisch-Leninistische Partei Deutschlands", abbreviation="MLPD",
             name_en="Marxist-Leninist Party of Germany", country="DE", group="Europe"),
        _org(2, "Unité Communiste", name_en="Communist United", country="FR", group="Europe"),
        _org(3, "Partido Comunista Revolucionario del Uruguay", country="UY",
             group="Latin America"),
    ],
)  # fmt: skip


def test_it_renders_the_seed_layout():
    assert render_text(DOC) == (
        "Resolution\n\nNo to war!\n\nPeace now\n\nFirst paragraph with **bold**.\n\n"
        "Second paragraph.\n\nInternational Conference\nCoordination Committee\n"
        "15 September 2021\n\n"
        "Signatories (as of 15 September 2021, further signatories possible):\n\n"
        "Europe\n"
        "1. MLPD Marxistisch-Leninistische Partei Deutschlands "
        "(Marxist-Leninist Party of Germany)\n"
        "2. Unité Communiste (Communist United), France\n"
        "Latin America\n"
        "3. Partido Comunista Revolucionario del Uruguay\n"
    )
    assert parse(render_text(DOC)).to_dict() == DOC.to_dict()


def test_it_writes_a_plain_heading_without_date_and_bullets_without_numbers():
    doc = Document(body=["Text."], signatories=[_org(None, "Foo Collective", country="PE")])
    assert render_text(doc) == "Text.\n\nSignatories:\n\n- Foo Collective, Peru\n"


def test_it_writes_a_group_heading_that_is_not_a_known_place_with_a_colon():
    doc = Document(signatories=[_org(1, "Foo Collective", group="Trade unions etc.")])
    assert "Trade unions etc.:\n1. Foo Collective" in render_text(doc)
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_it_renders_markdown_with_headings_and_a_numbered_list():
    markdown = render_markdown(DOC)
    assert markdown.startswith("*Resolution*\n\n# No to war\\!\n\n## Peace now\n\n")
    assert "First paragraph with **bold**." in markdown
    assert "## Signatories (as of 15 September 2021, further signatories possible)" in markdown
    assert "### Europe\n\n1. MLPD Marxistisch" in markdown
    assert "### Latin America\n\n3. Partido" in markdown
    html = MarkdownIt().render(markdown)
    assert '<ol start="3">' in html
    assert "<strong>bold</strong>" in html
    assert "International Conference<br />" in html


def test_it_escapes_names_that_markdown_would_interpret():
    doc = Document(
        signatories=[
            _org(1, "1. Mai Komitee"),
            _org(2, "Stars * and _stripes_ [x](y) <b>"),
            _org(3, "# Hashtag Front"),
            _org(None, "- Dash League"),
        ]
    )
    markdown = render_markdown(doc)
    tokens = MarkdownIt().parse(markdown)
    items = [t for t in tokens if t.type == "inline"]
    texts = [t.children and "".join(c.content for c in t.children) for t in items]
    assert texts[1:] == [
        "1. Mai Komitee",
        "Stars * and _stripes_ [x](y) <b>",
        "# Hashtag Front",
        "- Dash League",
    ]
    assert [t.info for t in tokens if t.type == "list_item_open"][:3] == ["1", "2", "3"]
    html = MarkdownIt().render(markdown)
    assert "<em>" not in html and "<a " not in html and "<b>" not in html


def test_it_renders_the_icor_seed_as_markdown(seeds_dir):
    doc = parse((seeds_dir / "icor-afghanistan-2021.txt").read_text(encoding="utf-8"))
    html = MarkdownIt().render(render_markdown(doc))
    assert html.count("<li>") == 34
    assert "<h1>No to any imperialist or expansionist intervention!</h1>" in html


def test_it_keeps_a_stated_country_only_when_it_was_written():
    stated = parse("Signatories:\n1. UoC Union of Cypriots, Cyprus")
    unstated = parse("Signatories:\n1. UoC Union of Cypriots")
    assert stated.to_dict() == unstated.to_dict()
    assert render_text(stated).endswith("1. UoC Union of Cypriots, Cyprus\n")
    assert render_text(unstated).endswith("1. UoC Union of Cypriots\n")
