"""What a newcomer meets first: the README's prerequisites, `make run` on a taken port, the
country names, the organization lists."""

import socket
import subprocess
import sys
from pathlib import Path

from django.utils import translation

from undersigned.coalitions.actions import invite_organization
from undersigned.coalitions.models import Membership, Organization
from undersigned.coalitions.selectors import members_in_display_order
from undersigned.core.l10n import local_datetime
from undersigned.mail.models import OutboxMessage
from undersigned.statements.models import Text

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_names_chromium_where_it_lists_the_prerequisites():
    readme = (ROOT / "README.md").read_text("utf-8")
    prerequisites = readme.split("## The two commands", 1)[1].split("```", 1)[0]
    assert "Chromium" in prerequisites
    assert "apt-get install chromium" in prerequisites


def test_make_run_on_a_taken_port_says_how_to_choose_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        venv = Path(sys.executable).parent.parent
        result = subprocess.run(
            # -o: take the virtualenv as it is, whatever the age of pyproject.toml.
            ["make", "-s", "-o", f"{venv}/bin/.installed", "run", f"PORT={port}", f"VENV={venv}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert f"Port {port}" in result.stderr
    assert "make run PORT=" in result.stderr
    assert "Serving on" not in result.stdout  # stopped before the demo and the server


def test_country_names_are_the_ones_people_use(db):
    from django_countries import countries

    with translation.override("en"):
        assert countries.name("NR") == "Nauru"
        assert countries.name("BS") == "Bahamas"
    with translation.override("de"):
        assert countries.name("NR") == "Nauru"
    with translation.override("fa"):
        assert countries.name("BS") == "باهاما"


def test_coalition_members_are_sorted_by_the_country_name_shown(icor):
    for abbreviation, country in [("SP", "CH"), ("PCRCI", "CI"), ("MLPD", "DE"), ("AB", "")]:
        organization = Organization.objects.create(
            abbreviation=abbreviation, name=abbreviation, country=country
        )
        Membership.objects.create(coalition=icor, organization=organization)
    with translation.override("en"):
        names = [o.abbreviation for o in members_in_display_order(icor)]
    # Côte d'Ivoire before Germany before Switzerland; no country last.
    assert names == ["PCRCI", "MLPD", "SP", "AB"]
    with translation.override("de"):
        names = [o.abbreviation for o in members_in_display_order(icor)]
    # Côte d'Ivoire, Deutschland, Schweiz.
    assert names == ["PCRCI", "MLPD", "SP", "AB"]
    with translation.override("es"):
        names = [o.abbreviation for o in members_in_display_order(icor)]
    # Alemania, Costa de Marfil, Suiza.
    assert names == ["MLPD", "PCRCI", "SP", "AB"]


def test_the_member_list_writes_the_country_after_a_comma(client, icor):
    organization = Organization.objects.create(
        abbreviation="MLPD", name="Marxistisch", country="DE"
    )
    Membership.objects.create(coalition=icor, organization=organization)
    html = client.get(icor.get_absolute_url()).content.decode()
    assert '<span class="country">, Germany</span>' in html


def test_search_counts_each_signatory_once_when_two_titles_match(client, resolution):
    original = resolution.current_text()
    Text.objects.create(
        statement=resolution,
        language="de",
        title="Nein zu jeder imperialistischen oder expansionistischen Intervention!",
        body=original.body,
        translation_of=original,
    )
    html = client.get("/search/", {"q": "imperialist"}).content.decode()
    assert "34 signatory organizations" in html
    assert "68" not in html


def test_the_outbox_dates_read_like_the_rest_of_the_site(client, alice):
    message = OutboxMessage.objects.create(to="kol@example.org", subject="Hello", body_text="Hi")
    alice.is_superuser = True  # the outbox is for superusers
    alice.save()
    client.force_login(alice)
    expected = local_datetime(message.created_at)  # e.g. "30 November 2026, 05:12"
    assert expected in client.get("/outbox/").content.decode()
    assert expected in client.get(f"/outbox/{message.pk}/").content.decode()


def test_the_invitation_mail_starts_with_the_coalition_not_a_username(
    carol, icor, smtp_server, run_tasks
):
    kol = Organization.objects.create(abbreviation="KOL", name="KOL", country="LU")
    Membership.objects.create(coalition=icor, organization=kol)
    invite_organization(
        coalition=icor,
        organization=kol,
        email="kol@example.org",
        user=carol,
    )
    run_tasks()
    [mail] = smtp_server.messages
    text = mail.get_body(("plain",)).get_content()
    assert text.startswith(f"{icor.name} (ICOR) invites you")
    assert "The invitation comes from carol." in text
