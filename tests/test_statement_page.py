import re

from undersigned.statements.models import State, Text


def signatory_numbers_and_abbreviations(html: str) -> list[tuple[int, str]]:
    """(number, abbreviation) of each line, numbered as a browser numbers them: each list
    starts at its `start`, and its lines count on from there (none carries a value)."""
    listed = []
    for start, lines in re.findall(
        r'<ol class="signatory-list" start="(\d+)">(.*?)</ol>', html, re.S
    ):
        for offset, line in enumerate(re.findall(r"<li>(.*?)</li>", lines, re.S)):
            abbreviation = re.match(r'<a href="[^"]*"><b><bdi>(.*?)</bdi></b> ', line)
            listed.append((int(start) + offset, abbreviation and abbreviation.group(1)))
    return listed


def test_it_shows_the_resolution_and_its_numbered_signatories(client, resolution):
    response = client.get(resolution.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "No to any imperialist or expansionist intervention!" in html
    assert "<strong>the biggest defeat since the Vietnam War</strong>" in html
    assert "Signatories (as of 15 September 2021)" in html
    listed = signatory_numbers_and_abbreviations(html)
    assert [n for n, _ in listed] == list(range(1, 35))
    assert listed[0] == (1, "PCPCI") and listed[16] == (17, "MLPD") and listed[33] == (34, "BDP")
    for region in ("Africa", "Asia", "Oceania", "Europe", "Latin America and the Caribbean"):
        assert f'<h3 class="signatories__group">{region}</h3>' in html
    assert "Côte d&#x27;Ivoire" in html


def test_it_lists_in_signing_order_on_request(client, resolution):
    html = client.get(resolution.get_absolute_url() + "?order=signed").content.decode()
    assert [n for n, _ in signatory_numbers_and_abbreviations(html)] == list(range(1, 35))
    assert 'class="signatories__group"' not in html


def test_it_leaves_withdrawn_signatures_out_of_the_numbering(client, resolution):
    signature = resolution.signatures.get(organization__abbreviation="PCPCI")
    signature.withdrawn_at = signature.signed_at
    signature.withdrawal_reason = "Our congress decided otherwise."
    signature.save()
    html = client.get(resolution.get_absolute_url()).content.decode()
    listed = signatory_numbers_and_abbreviations(html)
    assert len(listed) == 33 and listed[0] == (1, "ORC")
    assert "1 signature withdrawn" in html and "Our congress decided otherwise." in html


def test_it_keeps_drafts_from_the_public_but_shows_them_to_staff(client, resolution, alice):
    resolution.state = State.DRAFT
    resolution.save()
    assert client.get(resolution.get_absolute_url()).status_code == 404
    assert client.get("/").content.decode().count(resolution.get_absolute_url()) == 0
    client.force_login(alice)
    assert client.get(resolution.get_absolute_url()).status_code == 200


def test_it_never_renders_html_from_the_text(client, resolution):
    Text.objects.filter(statement=resolution).update(
        title='<script>alert("t")</script>',
        body="Hello <img src=x onerror=alert(1)> [x](javascript:alert(2)) <b>bold</b>",
    )
    html = client.get(resolution.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_it_reads_the_page_of_34_signatories_in_a_fixed_number_of_queries(
    client, resolution, django_assert_num_queries
):
    # 7 for the page and its list (its numbers, never counted yet, in one query), 3 for the
    # log's checkpoint: its size, then once per size
    # (the root of a size is cached for good: a log only grows) the leaves and the stored
    # subtree hashes its root is made of: O(log n) rows, not every leaf.
    with django_assert_num_queries(10):
        client.get(resolution.get_absolute_url())


def test_it_answers_404_for_an_unknown_statement(client, db):
    assert client.get("/s/no-such-thing/").status_code == 404


def _list_lines(html: str) -> list[str]:
    """Each line of the signatory lists, from <li…> to </li>."""
    lists = "".join(re.findall(r'<ol class="signatory-list"[^>]*>(.*?)</ol>', html, re.S))
    return re.findall(r"<li\b.*?</li>", lists, re.S)


def test_an_imported_list_says_how_once_above_it(client, resolution):
    html = client.get(resolution.get_absolute_url()).content.decode()
    assert (
        '<p class="signatories__how">Every signature: imported from a published list.</p>' in html
    )
    lines = _list_lines(html)
    assert len(lines) == 34 and not any('class="how' in line for line in lines)
    # The legend still explains it.
    assert "“Imported from a published list”: the organization was on the list" in html


def test_a_signatory_line_is_its_words_and_little_markup(client, resolution):
    """534 signatories made a page of 267 KB at ~500 bytes each, two thirds of it markup and
    indentation: no class, value or dir="auto" a line can do without."""
    html = client.get(resolution.get_absolute_url()).content.decode()
    lines = _list_lines(html)
    assert len(lines) == 34
    for line in lines:
        markup = re.sub(r'href="[^"]*"', 'href=""', re.sub(r">[^<]+<", "><", line))
        # <li><a href=""><b><bdi></bdi></b><bdi></bdi></a><bdi lang="en"></bdi><bdi></bdi></li>
        assert len(markup) <= 85, line
        assert "\n" not in line and 'dir="auto"' not in line


def test_the_usual_way_is_said_once_and_other_ways_on_their_lines(
    client, open_statement, icor, carol, dave, mlpd
):
    from undersigned.coalitions.models import Membership, Organization
    from undersigned.signing.actions import record_signature, sign_statement

    for abbreviation in ("KSP", "PCE", "TKP"):
        organization = Organization.objects.create(abbreviation=abbreviation, name=abbreviation)
        Membership.objects.create(coalition=icor, organization=organization)
        record_signature(statement=open_statement, organization=organization, user=carol,
                         evidence="Letter", version=1)  # fmt: skip
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert (
        '<p class="signatories__how">Unless a line says otherwise: recorded by the coordination.'
        in html
    )
    lines = _list_lines(html)
    marked = [line for line in lines if 'class="how' in line]
    assert len(lines) == 4 and len(marked) == 1 and "MLPD" in marked[0]
    assert (
        '<span class="how how--delegate">confirmed by a delegate&#x27;s log-in</span>' in marked[0]
    )
    legend = html.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    assert "“Recorded by the coordination”" in legend and "“Confirmed by a delegate" in legend


def test_a_list_of_many_ways_marks_every_line(client, open_statement, icor, carol, dave, mlpd):
    """No way is most lines' way: each line says its own, and nothing is said above."""
    from undersigned.coalitions.models import Membership, Organization
    from undersigned.signing.actions import record_signature, sign_statement

    organization = Organization.objects.create(abbreviation="KSP", name="KSP")
    Membership.objects.create(coalition=icor, organization=organization)
    record_signature(statement=open_statement, organization=organization, user=carol,
                     evidence="Letter", version=1)  # fmt: skip
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert 'class="signatories__how"' not in html
    assert all('class="how how--' in line for line in _list_lines(html))


def test_the_sign_on_form_suggests_only_organizations_that_have_not_signed(client, resolution):
    """An organization that signed would only be told so: its name is no suggestion (534 of
    them were 25 KB of the page)."""
    from undersigned.coalitions.models import Organization

    resolution.accepts_sign_ons = True
    resolution.save()
    Organization.objects.create(abbreviation="KKE", name="Kommounistiko Komma Elladas")

    def suggestions() -> str:
        html = client.get(resolution.get_absolute_url()).content.decode()
        return html.split('<datalist id="known-organizations">', 1)[1].split("</datalist>", 1)[0]

    assert suggestions() == '<option value="KKE Kommounistiko Komma Elladas">'
    signature = resolution.signatures.get(organization__abbreviation="MLPD")
    signature.withdrawn_at = signature.signed_at
    signature.save()
    resolution.touch()
    assert '<option value="MLPD Marxistisch-Leninistische Partei Deutschlands">' in suggestions()
