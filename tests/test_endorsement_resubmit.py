"""A person signs again with another spelling of the same address (the same canonical form):
the page tells the truth without telling whether the address had signed, the mail goes to the
address given, and the details given now are the ones the link confirms."""

from undersigned.endorsements.models import Endorsement

from .test_endorsements import PERSON, endorse, links

FIRST = {**PERSON, "email": "jane.doe+0@gmail.com", "name": "Jane Doe", "country": "DE"}
AGAIN = {
    "email": "j.a.n.e.doe+1@gmail.com",
    "name": "Jane D. Doe",
    "country": "FR",
    "affiliation": "ver.di Berlin",
}


def _recipient(message) -> str:
    return message["To"]


def test_jane_signs_again_before_confirming_and_confirms_what_she_gave_now(
    client, open_statement, smtp_server, run_tasks
):
    endorse(client, open_statement, **FIRST)
    response = endorse(client, open_statement, **{**FIRST, **AGAIN})
    assert response.status_code == 201
    page = response.content.decode()
    assert "We sent a link to j.a.n.e.doe+1@gmail.com." in page
    run_tasks()
    assert [_recipient(m) for m in smtp_server.messages] == [
        "jane.doe+0@gmail.com",
        "j.a.n.e.doe+1@gmail.com",  # the address the page names
    ]
    confirm, _remove = links(smtp_server.messages[1])
    client.post(confirm)
    endorsement = Endorsement.objects.get()
    assert endorsement.confirmed_at is not None
    assert (endorsement.name, endorsement.country, endorsement.affiliation) == (
        "Jane D. Doe",
        "FR",
        "ver.di Berlin",
    )


def test_a_confirmed_signature_keeps_its_details_and_the_page_reads_the_same(
    client, open_statement, smtp_server, run_tasks
):
    endorse(client, open_statement, **FIRST)
    run_tasks()
    client.post(links(smtp_server.messages[0])[0])
    again = endorse(client, open_statement, **{**FIRST, **AGAIN}).content.decode()
    fresh = endorse(
        client, open_statement, **{**FIRST, **AGAIN, "email": "someone.else@example.org"}
    ).content.decode()
    # Word for word the answer to an address that never signed: nothing to enumerate.
    assert again.replace("j.a.n.e.doe+1@gmail.com", "someone.else@example.org") == fresh
    run_tasks()
    mail = smtp_server.messages[1]
    assert _recipient(mail) == "j.a.n.e.doe+1@gmail.com"
    text = mail.get_body(("plain",)).get_content()
    assert "signed it already" in text and "remove it with the link below and sign again" in text
    endorsement = Endorsement.objects.get(email_canonical="janedoe@gmail.com")
    assert (endorsement.name, endorsement.country) == ("Jane Doe", "DE")
