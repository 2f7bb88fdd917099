"""People who sign. No enumeration, truthful answers, links bound to their own
endorsement and statement, names without links or invisible characters, no cross-site posts,
and an address deleted from the mail records too."""

import re

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from undersigned.endorsements.addresses import canonical_email, check_address
from undersigned.endorsements.forms import EndorseForm
from undersigned.endorsements.models import Endorsement
from undersigned.mail.models import OutboxMessage
from undersigned.statements.actions import change_state
from undersigned.statements.models import State

from .test_endorsements import PERSON, endorse, links


def test_the_answer_does_not_tell_who_signed(client, open_statement, smtp_server, run_tasks):
    """An address that had signed got "You have signed this already" (200), not "Almost done"
    (201): anyone could test whether someone signed, even unlisted."""
    first = endorse(client, open_statement, listed="")
    again = endorse(client, open_statement, listed="")
    assert first.status_code == again.status_code == 201
    assert first.content == again.content
    run_tasks()
    confirm, _remove = links(smtp_server.messages[1])  # the mail, private, says which case
    client.post(confirm)
    endorse(client, open_statement)
    run_tasks()
    text = smtp_server.messages[2].get_body(("plain",)).get_content()
    assert "signed it already" in text and "/e/confirm/" not in text


def test_the_mail_limit_is_told_and_counted_per_statement(
    client, open_statement, resolution, carol, smtp_server, run_tasks
):
    """The page said "We sent a link" when the limit sent nothing; and three forged submissions
    on one statement blocked a person's own signature on every other for an hour."""
    for _ in range(3):
        assert endorse(client, open_statement).status_code == 201
    refused = endorse(client, open_statement)
    assert refused.status_code == 429
    assert "We sent a link" not in refused.content.decode()
    assert "No new mail sent" in refused.content.decode()
    change_state(statement=resolution, user=carol, state=State.OPEN) if (
        resolution.state != State.OPEN
    ) else None
    assert endorse(client, resolution).status_code == 201
    run_tasks()
    assert len(smtp_server.messages) == 4


def test_a_confirm_link_does_not_count_once_the_statement_is_closed(
    client, open_statement, carol, smtp_server, run_tasks
):
    endorse(client, open_statement)
    run_tasks()
    confirm, _remove = links(smtp_server.messages[0])
    change_state(statement=open_statement, user=carol, state=State.CLOSED)
    response = client.post(confirm)
    assert response.status_code == 410
    assert Endorsement.objects.get().confirmed_at is None


def test_links_are_bound_to_their_own_endorsement(client, open_statement, smtp_server, run_tasks):
    """After a restore reused an id, an old remove link deleted someone else's signature."""
    endorse(client, open_statement)
    run_tasks()
    _confirm, remove = links(smtp_server.messages[0])
    old = Endorsement.objects.get()
    pk = old.pk
    old.delete()
    # Someone else's endorsement now has the same id (as after restoring an older backup).
    Endorsement.objects.create(
        pk=pk, statement=open_statement, name="Bo", email="bo@example.org",
        email_canonical="bo@example.org",
    )  # fmt: skip
    assert client.post(remove).status_code == 410
    assert Endorsement.objects.filter(name="Bo").exists()


@pytest.mark.parametrize(
    "name",
    [
        "Visit evil.de",
        "bit.ly/x",
        "evil。com",
        "Ana\u202eamiL",  # right-to-left override
        "Ana\u200bLima",  # zero-width space
        "\ufeffAna Lima",  # byte order mark
        "Ana\x07Lima",  # control character
        "Ana\u2066Lima",  # bidi isolate
    ],
)
def test_names_with_links_or_invisible_characters_are_refused(db, name):
    form = EndorseForm({**PERSON, "name": name})
    assert not form.is_valid() and "name" in form.errors


@pytest.mark.parametrize(
    "name", ["J. R. R. Tolkien", "St. John Smith", "علی\u200cرضا", "Ana María"]
)
def test_ordinary_names_pass(db, name):
    assert EndorseForm({**PERSON, "name": name}).is_valid()


def test_quoted_addresses_fold_and_are_refused():
    assert canonical_email('"ana.lima"@gmail.com') == "analima@gmail.com"
    with pytest.raises(Exception, match="quotation"):
        check_address('"ana"@gmail.com')


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://sub.example.org"},
    ],
)
def test_another_site_cannot_make_its_visitors_sign(client, open_statement, headers):
    response = endorse(client, open_statement, headers=headers)
    assert response.status_code == 403
    assert not Endorsement.objects.exists()


def test_our_own_pages_still_post(client, open_statement):
    """Same origin, as the statement page and the embeddable form (our document in a frame)."""
    ours = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    assert endorse(client, open_statement, headers=ours).status_code == 201


def test_forget_and_remove_delete_the_address_from_the_mail_records(
    client, open_statement, settings, run_tasks
):
    """forget and the remove link said the address was deleted; it stayed in the outbox and the
    task results."""
    from undersigned.endorsements.stats import refresh_stats

    settings.EMAIL_BACKEND = "undersigned.mail.backends.OutboxBackend"
    # The mail tasks (recounts of the numbers hold no address).
    mail_tasks = DBTaskResult.objects.exclude(task_path=refresh_stats.module_path)
    endorse(client, open_statement)
    endorse(client, open_statement, email="bo@example.org", name="Bo")
    run_tasks()
    assert OutboxMessage.objects.count() == 2
    assert mail_tasks.count() == 2
    call_command("forget", "analima@gmail.com", stdout=None)
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["bo@example.org"]
    assert mail_tasks.count() == 1
    bo = OutboxMessage.objects.get()
    remove = re.search(r"/e/remove/\S+/", bo.body_text).group(0)
    client.post(remove)
    assert not OutboxMessage.objects.exists() and not mail_tasks.exists()
