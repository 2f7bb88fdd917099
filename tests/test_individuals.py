"""Individual endorsements where they belong: a switch per statement, the form before the
numbers, and the title the person read in the mail and on the pages."""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from undersigned.audit.models import Event
from undersigned.core.l10n import local_number
from undersigned.endorsements.models import Endorsement
from undersigned.statements.actions import save_statement
from undersigned.statements.translations import save_translation

from .test_endorsements import PERSON, endorse


def test_a_resolution_of_organizations_takes_no_names(client, open_statement, carol):
    save_statement(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer=open_statement.issuer,
        deadline=None,
        title=open_statement.current_text().title,
        subtitle="",
        body=open_statement.current_text().body,
        accepts_endorsements=False,
    )
    open_statement.refresh_from_db()
    assert not open_statement.accepts_endorsements
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_DETAILS_CHANGED).get()
    assert event.details == {"accepts_endorsements": False}
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert 'id="endorse"' not in html and "Add your name" not in html
    response = endorse(client, open_statement)
    assert response.status_code == 409
    assert "Organizations alone sign this statement." in response.content.decode()
    assert not Endorsement.objects.exists()


def test_the_coordinator_sets_the_switch_in_the_editor(client, open_statement, carol):
    client.force_login(carol)
    form = client.get(f"/s/{open_statement.slug}/edit/").content.decode()
    assert 'name="accepts_endorsements"' in form and "checked" in form
    text = open_statement.current_text()
    client.post(
        f"/s/{open_statement.slug}/edit/",
        {"kind": open_statement.kind, "issuer": "", "title": text.title, "body": text.body},
    )
    open_statement.refresh_from_db()
    assert open_statement.accepts_endorsements is False  # an unticked box


def test_the_form_comes_first_and_no_empty_map_or_chart(client, open_statement):
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert html.index('id="endorse"') < html.index('class="numbers"')
    assert "map.svg" not in html and "chart.svg" not in html
    Endorsement.objects.create(
        statement=open_statement,
        name="Ana",
        email="ana@example.org",
        email_canonical="ana@example.org",
        country="PT",
        confirmed_at="2026-01-01T00:00:00Z",
    )
    cache.clear()
    open_statement.touch()
    html = client.get(open_statement.get_absolute_url()).content.decode()
    assert "map.svg" in html and "chart.svg" in html


def test_mail_and_pages_use_the_title_the_person_read(
    client, open_statement, carol, smtp_server, run_tasks
):
    save_translation(
        statement=open_statement,
        user=carol,
        language="fa",
        title="همبستگی با کارگران بندر",
        subtitle="",
        body="اعتصاب کارگران بندر سزاوار پشتیبانی ماست.",
    )
    response = client.post(f"/fa/s/{open_statement.slug}/endorse/", PERSON)
    assert response.status_code == 201
    assert "همبستگی با کارگران بندر" in response.content.decode()
    run_tasks()
    [mail] = smtp_server.messages
    text = mail.get_body(("plain",)).get_content()
    assert "همبستگی با کارگران بندر" in text and "Solidarity with the dockers" not in text
    with translation.override("fa"):
        days = local_number(settings.ENDORSE_TOKEN_MAX_AGE // 86400)
    assert f"{days} روز" in text
    confirm = re.search(r"https?://[^/\s]+(/\S*e/confirm/\S+/)", text).group(1)
    assert confirm.startswith("/fa/")
    page = client.get(confirm).content.decode()
    assert "همبستگی با کارگران بندر" in page and "Solidarity with the dockers" not in page
