import re

from undersigned.statements.models import State, Text


def signatory_numbers_and_abbreviations(html: str) -> list[tuple[int, str]]:
    return [
        (int(n), abbr)
        for n, abbr in re.findall(
            r'<li class="signatory" value="(\d+)">.*?'
            r'<strong class="abbr"><bdi[^>]*>(.*?)</bdi></strong>',
            html,
            re.S,
        )
    ]


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
    # 9 for the page and its list, 3 for the log's checkpoint: its size, then once per size
    # (the root of a size is cached for good: a log only grows) the leaves and the stored
    # subtree hashes its root is made of: O(log n) rows, not every leaf.
    with django_assert_num_queries(12):
        client.get(resolution.get_absolute_url())


def test_it_answers_404_for_an_unknown_statement(client, db):
    assert client.get("/s/no-such-thing/").status_code == 404
