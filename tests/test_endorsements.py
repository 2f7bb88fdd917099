"""People add their names: confirm by mail, once per address, with limits against abuse."""

import re

import pytest
from django.core.management import call_command

from undersigned.audit.models import Event
from undersigned.endorsements.addresses import canonical_email
from undersigned.endorsements.models import Endorsement
from undersigned.endorsements.stats import compute_stats

PERSON = {
    "name": "Ana Lima",
    "email": "Ana.Lima+news@gmail.com",
    "country": "PT",
    "affiliation": "Sindicato dos Professores",
    "listed": "on",
}


def endorse(client, statement, headers=None, **changes):
    return client.post(f"/s/{statement.slug}/endorse/", {**PERSON, **changes}, headers=headers)


def links(mail) -> tuple[str, str]:
    text = mail.get_body(("plain",)).get_content()
    confirm = re.search(r"https?://[^/\s]+(/e/confirm/\S+/)", text).group(1)
    remove = re.search(r"https?://[^/\s]+(/e/remove/\S+/)", text).group(1)
    return confirm, remove


def test_ana_signs_confirms_and_is_listed(client, open_statement, smtp_server, run_tasks):
    response = endorse(client, open_statement)
    assert response.status_code == 201 and "check your mail" in response.content.decode()
    endorsement = Endorsement.objects.get()
    assert endorsement.confirmed_at is None
    assert endorsement.email_canonical == "analima@gmail.com"
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "Ana.Lima+news@gmail.com"
    confirm, _remove = links(mail)
    # Opening the link (a mail scanner would) confirms nothing.
    assert "Confirm my signature" in client.get(confirm).content.decode()
    assert Endorsement.objects.get().confirmed_at is None
    assert "is confirmed and counted" in client.post(confirm).content.decode()
    assert compute_stats(open_statement.pk).confirmed == 1
    html = client.get(f"/s/{open_statement.slug}/people/").content.decode()
    assert "Ana Lima" in html and "Sindicato dos Professores" in html
    assert "gmail" not in html


def test_the_same_person_twice_makes_one_endorsement(
    client, open_statement, smtp_server, run_tasks
):
    endorse(client, open_statement)
    response = endorse(client, open_statement, email="analima@GMAIL.com", name="Ana L.")
    # The same answer as a first signature: the page must not tell who signed (the mail does).
    assert response.status_code == 201 and "check your mail" in response.content.decode()
    assert Endorsement.objects.count() == 1
    run_tasks()
    assert len(smtp_server.messages) == 2  # the link is sent again
    for _ in range(3):
        endorse(client, open_statement)
    run_tasks()
    assert len(smtp_server.messages) == 3  # but at most three mails an hour to one address


@pytest.mark.parametrize(
    ("email", "canonical"),
    [
        ("A.B.C+x@googlemail.com", "abc@gmail.com"),
        ("Jo+tag@outlook.com", "jo@outlook.com"),
        ("first.last+tag@example.org", "first.last+tag@example.org"),
        ("MiXeD@Example.ORG", "mixed@example.org"),
    ],
)
def test_addresses_fold_to_one_form(email, canonical):
    assert canonical_email(email) == canonical


def test_bad_input_is_refused_field_by_field(client, open_statement):
    html = endorse(client, open_statement, name="", email="not-an-address").content.decode()
    assert "This field is required." in html and "Enter a valid email address." in html
    html = endorse(client, open_statement, email="x@localhost").content.decode()
    assert "no valid domain" in html
    html = endorse(client, open_statement, name="Buy now https://spam.example").content.decode()
    assert "leave links out" in html
    html = endorse(client, open_statement, name="cheap pills www.pills.ru").content.decode()
    assert "leave links out" in html
    assert endorse(client, open_statement, name="x" * 201).status_code == 400
    assert not Endorsement.objects.exists()


def test_the_honeypot_stores_nothing(client, open_statement):
    response = endorse(client, open_statement, website="http://bot.example")
    assert response.status_code == 201
    assert not Endorsement.objects.exists()


def test_a_draft_takes_no_names(client, draft):
    assert endorse(client, draft).status_code == 404  # a draft is not even visible
    assert not Endorsement.objects.exists()


def test_a_closed_statement_takes_no_names(client, open_statement, carol):
    from undersigned.statements.actions import change_state
    from undersigned.statements.models import State

    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    response = endorse(client, open_statement)
    assert response.status_code == 409 and not Endorsement.objects.exists()


def test_submissions_are_limited_per_address(client, open_statement, settings):
    settings.ENDORSE_LIMIT_PER_IP = 3
    for n in range(3):
        assert endorse(client, open_statement, email=f"p{n}@example.org").status_code == 201
    response = endorse(client, open_statement, email="p4@example.org")
    assert response.status_code == 429 and "Too many signatures" in response.content.decode()
    assert Endorsement.objects.count() == 3


def test_a_forged_forwarded_header_does_not_get_around_the_limit(client, open_statement, settings):
    settings.ENDORSE_LIMIT_PER_IP = 2
    settings.TRUSTED_PROXY_COUNT = 1  # one proxy: it appends the real client address last
    statuses = [
        endorse(
            client,
            open_statement,
            email=f"p{n}@example.org",
            headers={"X-Forwarded-For": f"10.0.0.{n}, 203.0.113.7"},
        ).status_code
        for n in range(4)
    ]
    assert statuses == [201, 201, 429, 429]


def test_the_forwarded_header_is_ignored_without_trusted_proxies(client, open_statement, settings):
    settings.ENDORSE_LIMIT_PER_IP = 1
    first = endorse(
        client, open_statement, email="a@example.org", headers={"X-Forwarded-For": "1.1.1.1"}
    )
    second = endorse(
        client, open_statement, email="b@example.org", headers={"X-Forwarded-For": "2.2.2.2"}
    )
    assert (first.status_code, second.status_code) == (201, 429)


def test_in_place_submission_returns_the_fragment(client, open_statement):
    response = endorse(client, open_statement, headers={"HX-Request": "true"})
    assert response.status_code == 201
    assert response.content.decode().lstrip().startswith('<div class="notice notice--success"')
    invalid = endorse(client, open_statement, headers={"HX-Request": "true"}, email="bad")
    assert (
        invalid.status_code == 200 and '<form class="form endorse-form"' in invalid.content.decode()
    )


def test_the_remove_link_deletes_the_signature(client, open_statement, smtp_server, run_tasks):
    endorse(client, open_statement)
    run_tasks()
    _confirm, remove = links(smtp_server.messages[0])
    client.get(remove)
    assert Endorsement.objects.exists()
    client.post(remove)
    assert not Endorsement.objects.exists()
    assert client.post(remove).status_code == 410


def test_a_tampered_link_is_refused(client, open_statement):
    assert client.post("/e/confirm/abc:def/").status_code == 410


def confirmed(statement, n: int, **fields) -> list[Endorsement]:
    from django.utils import timezone

    return Endorsement.objects.bulk_create(
        Endorsement(
            statement=statement,
            name=f"Person {i}",
            email=f"p{i}@example.org",
            email_canonical=f"p{i}@example.org",
            listed=True,
            confirmed_at=timezone.now(),
            **fields,
        )
        for i in range(n)
    )


def test_coordinators_hide_spam_in_bulk(client, open_statement, carol, dave):
    people = confirmed(open_statement, 5)
    ids = [p.pk for p in people[:3]]
    client.force_login(dave)
    assert (
        client.post(f"/s/{open_statement.slug}/people/hide/", {"endorsement": ids}).status_code
        == 403
    )
    client.force_login(carol)
    client.post(f"/s/{open_statement.slug}/people/hide/", {"endorsement": ids})
    assert Endorsement.objects.filter(hidden=True).count() == 3
    assert compute_stats(open_statement.pk).confirmed == 2
    event = Event.objects.get(kind=Event.Kind.ENDORSEMENTS_HIDDEN)
    assert event.details["count"] == 3 and event.actor_id == carol.pk


def test_exports_keep_emails_for_coordinators_and_defuse_formulas(client, open_statement, carol):
    confirmed(open_statement, 2)
    Endorsement.objects.filter(name="Person 0").update(name='=HYPERLINK("http://x")')
    Endorsement.objects.filter(name="Person 1").update(listed=False)
    public = b"".join(
        client.get(f"/s/{open_statement.slug}/people/public.csv").streaming_content
    ).decode()
    assert "'=HYPERLINK" in public and "@" not in public and "Person 1" not in public
    assert client.get(f"/s/{open_statement.slug}/people/full.csv").status_code == 403
    client.force_login(carol)
    full = b"".join(
        client.get(f"/s/{open_statement.slug}/people/full.csv").streaming_content
    ).decode()
    assert "p0@example.org" in full and "Person 1" in full
    data = b"".join(client.get(f"/s/{open_statement.slug}/people/public.json").streaming_content)
    import json

    assert [row["name"] for row in json.loads(data)] == ['=HYPERLINK("http://x")']


def test_the_public_csv_reads_back_as_stored_whatever_people_typed(client, open_statement):
    """On PostgreSQL the database writes the CSV (COPY), elsewhere the csv module: either way a
    spreadsheet reads back every value, and never a formula."""
    import csv
    import io

    typed = ['Smith, "Jo"', "two\nlines", "-1+2", "@cmd", "Ünïcødé ✍", "plain"]
    for person, name in zip(confirmed(open_statement, len(typed)), typed, strict=True):
        person.name, person.affiliation = name, "+formula" if name == "plain" else ""
        person.save()
    body = b"".join(client.get(f"/s/{open_statement.slug}/people/public.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["name", "country", "affiliation", "confirmed_at"]
    assert [(row[0], row[2]) for row in rows[1:]] == [
        ('Smith, "Jo"', ""),
        ("two\nlines", ""),
        ("'-1+2", ""),
        ("'@cmd", ""),
        ("Ünïcødé ✍", ""),
        ("plain", "'+formula"),
    ]
    assert all(row[3].startswith(str(open_statement.created_at.year)) for row in rows[1:])


def test_forget_removes_a_person_everywhere(open_statement, resolution, capsys):
    confirmed(open_statement, 1)
    Endorsement.objects.create(
        statement=resolution, name="P", email="P0+x@example.org", email_canonical="p0+x@example.org"
    )
    Endorsement.objects.create(
        statement=resolution, name="Q", email="q@example.org", email_canonical="q@example.org"
    )
    call_command("forget", "p0@example.org")
    assert "Deleted 1 endorsement" in capsys.readouterr().out
    assert list(Endorsement.objects.values_list("name", flat=True).order_by("name")) == ["P", "Q"]
    event = Event.objects.get(kind=Event.Kind.PERSON_FORGOTTEN)
    assert "p0" not in str(event.details)


def test_the_numbers_are_refreshed_by_the_worker_after_a_change(open_statement, run_tasks):
    from datetime import timedelta

    from django.core.cache import cache
    from django.utils import timezone

    from undersigned.endorsements.stats import endorsement_stats, numbers_changed

    confirmed(open_statement, 2)
    first = endorsement_stats(open_statement)  # never counted: counted now
    assert first.confirmed == 2
    Endorsement.objects.create(
        statement=open_statement,
        name="Late",
        email="late@example.org",
        email_canonical="late@example.org",
        confirmed_at=timezone.now(),
    )
    stale = first
    stale.computed_at = timezone.now() - timedelta(seconds=60)
    cache.set(f"endorsement-stats:{open_statement.pk}", stale)
    numbers_changed(open_statement.pk)  # as every action that writes endorsements does
    assert endorsement_stats(open_statement).confirmed == 2  # served stale at once
    run_tasks()
    fresh = endorsement_stats(open_statement)
    assert fresh.confirmed == 3 and fresh.computed_at > stale.computed_at
    assert [n for _day, n in fresh.by_day] == [3]


def test_a_download_cut_short_leaves_the_connection_usable(open_statement):
    from undersigned.endorsements.exports import PUBLIC_FIELDS, stream_csv

    confirmed(open_statement, 5000)
    stream = stream_csv(Endorsement.objects.filter(statement=open_statement), PUBLIC_FIELDS)
    next(stream), next(stream)
    stream.close()  # the reader went away: the server closes the stream mid-way
    assert Endorsement.objects.filter(statement=open_statement).count() == 5000


def test_the_answer_to_a_signature_leads_back_to_the_statement_not_to_the_form(
    client, open_statement
):
    """Switching language or logging in from "Check your mail" must not GET the address the
    form was posted to (a 405): it returns to the statement."""
    for response in (endorse(client, open_statement), endorse(client, open_statement, email="x")):
        html = response.content.decode()
        assert f'name="next" value="{open_statement.get_absolute_url()}"' in html
        assert f"?next={open_statement.get_absolute_url()}" in html.replace("%2F", "/")
        assert 'hreflang="' not in html, "an answer to a POST has no versions in other languages"


def test_a_signature_reads_the_statement_as_it_is_now(client, open_statement, carol):
    """The endorse path keeps the statement in the cache under its page version; closing it
    replaces the version, so the next signature is refused at once."""
    from undersigned.statements.actions import change_state
    from undersigned.statements.models import State

    assert endorse(client, open_statement).status_code == 201
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    response = endorse(client, open_statement, email="later@example.org")
    assert response.status_code == 409
    assert "not open for signatures" in response.content.decode()
    assert not Endorsement.objects.filter(email="later@example.org").exists()


def test_each_answer_shows_its_own_address_escaped(client, open_statement):
    """The answer is rendered once and filled in per person (core.fillin): nobody sees
    another's address, and what they typed is escaped."""
    first = endorse(client, open_statement, email="ana@example.org").content.decode()
    second = endorse(client, open_statement, email="b&o'b@example.org").content.decode()
    assert "ana@example.org" in first and "ana@example.org" not in second
    assert "b&amp;o&#x27;b@example.org" in second and "b&o'b" not in second
    assert "\ue000" not in second


def test_the_numbers_are_counted_in_one_pass(open_statement, django_assert_num_queries):
    """A recount reads the statement's rows once: at a million rows each pass is the database's
    time taken from the people signing during a surge."""
    from django.utils import timezone

    confirmed(open_statement, 3, country="DE")
    Endorsement.objects.create(
        statement=open_statement, name="Pending", email="x@example.org", email_canonical="x"
    )
    Endorsement.objects.create(
        statement=open_statement,
        name="Spam",
        email="s@example.org",
        email_canonical="s",
        confirmed_at=timezone.now(),
        hidden=True,
        country="FR",
    )
    with django_assert_num_queries(1):
        stats = compute_stats(open_statement.pk)
    assert (stats.total, stats.confirmed) == (4, 3)
    assert stats.by_country == {"DE": 3}
    assert [n for _day, n in stats.by_day] == [3]
    assert "took_seconds" not in stats.as_json()


def test_a_slow_count_waits_longer_before_the_next(open_statement):
    """However often people sign, counting takes at most a twentieth of the time."""
    from datetime import timedelta

    from undersigned.endorsements.stats import FRESH_SECONDS, next_recount_after

    stats = compute_stats(open_statement.pk)
    stats.took_seconds = 0.01
    assert next_recount_after(stats) == stats.computed_at + timedelta(seconds=FRESH_SECONDS)
    stats.took_seconds = 2.0
    assert next_recount_after(stats) == stats.computed_at + timedelta(seconds=40)
