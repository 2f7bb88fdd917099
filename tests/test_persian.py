"""Persian that reads right: Persian digits in every number, the Persian comma, and user text
isolated from the right-to-left text around it."""

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from undersigned.core.l10n import local_datetime, local_number
from undersigned.statements.actions import edit_text

LATIN = set("0123456789")


def test_numbers_use_the_digits_and_separators_of_the_locale():
    with translation.override("fa"):
        assert local_number(1234567) == "۱٬۲۳۴٬۵۶۷"
        assert local_number(2.5) == "۲٫۵"
        stamp = local_datetime(timezone.now())
        assert "،" in stamp and "," not in stamp and not LATIN & set(stamp)
    with translation.override("en"):
        assert local_number(1234567) == "1,234,567"
        assert "," in local_datetime(timezone.now())


def test_cards_and_members_count_in_persian_digits(client, resolution):
    html = client.get("/fa/").content.decode()
    assert "۳۴ سازمان امضاکننده" in html and "34 " not in html
    coalition = client.get(f"/fa/c/{resolution.coalition.slug}/").content.decode()
    members = resolution.coalition.members.count()
    with translation.override("fa"):
        assert f"{local_number(members)} " in coalition


def test_the_statement_page_in_persian_has_no_latin_digits_outside_user_text(
    client, open_statement, carol
):
    edit_text(statement=open_statement, user=carol, title="T", subtitle="", body="New words.")
    html = client.get(f"/fa/s/{open_statement.slug}/").content.decode()
    for fragment in (
        html.split('class="numbers__as-of"')[1].split("</span>")[0],
        html.split('class="history__list"')[1].split("</ol>")[0],
    ):
        visible = fragment.split(">", 1)[1]
        text = "".join(part.split(">")[-1] for part in visible.split("<"))
        assert not LATIN & set(text), text
    changes = client.get(f"/fa/s/{open_statement.slug}/changes/").content.decode()
    assert ">۱ — " in changes and ">۲ — " in changes  # the version selector


@pytest.mark.parametrize("path", ["/fa/s/{slug}/people/"])
def test_counts_of_people_in_persian(client, open_statement, path):
    html = client.get(path.format(slug=open_statement.slug)).content.decode()
    assert "۰ " in html
    assert "0 " not in html.split("<main")[1].split("</main>")[0]


def test_the_invitation_mail_counts_its_days_in_persian(icor):
    with translation.override("fa"):
        text = render_to_string(
            "mail/invitation/body.txt",
            {
                "coalition": icor.name,
                "coalition_abbreviation": "ICOR",
                "organization": "KOL",
                "inviter": "carol",
                "url": "https://example.org/",
                "days": 14,
            },
        )
    assert "۱۴" in text and "14" not in text


def test_user_text_is_isolated_in_right_to_left_pages(client, resolution):
    home = client.get("/fa/").content.decode()
    assert "<bdi>No to any imperialist or expansionist intervention!</bdi>" in home
    page = client.get(f"/fa/s/{resolution.slug}/").content.decode()
    assert "<b><bdi>BDP</bdi></b>" in page  # <bdi>: dir=auto is its own default
    assert '<bdi lang="en">(Popular Democratic Bloc)</bdi>' in page
    assert "،\u200f <bdi>پرو</bdi>" in page  # the Persian comma before the country
