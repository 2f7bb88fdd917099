"""Signatures by e-mail reply: a DKIM-signed "we sign" from the organization's verified domain,
fed to `undersigned inbound`, is recorded; anything else waits on the coordinators' desk.

The messages are signed here with dkimpy and a fresh RSA key whose public half is published in
the real DNS server on loopback (tests/dnsserver.py), as the organization's mail server would.
"""

import base64
import io
import os
import smtplib
import subprocess
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command
from django.utils import timezone

from tests.mailserver import free_port
from tests.test_cli import UNDERSIGNED
from undersigned.audit.models import Event
from undersigned.coalitions.models import DomainProof
from undersigned.collection.inbound import receive_message, statement_address
from undersigned.collection.models import InboundMessage
from undersigned.signing.models import Method, Signature

MAILBOX = "sign@undersigned.example"
SELECTOR = "mail2026"


@pytest.fixture(scope="module")
def keys() -> dict[str, tuple[bytes, list[str]]]:
    """A private key (PEM) and its DKIM TXT record (in strings of at most 255 bytes) per domain."""
    made = {}
    for domain in ("example.org", "elsewhere.example"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        public = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        record = "v=DKIM1; k=rsa; p=" + base64.b64encode(public).decode()
        made[domain] = (pem, [record[i : i + 250] for i in range(0, len(record), 250)])
    return made


@pytest.fixture
def inbound(settings, dns_server, keys, open_statement, mlpd):
    """The mailbox configured; both domains' keys published; the MLPD has proven example.org."""
    settings.INBOUND_MAILBOX = MAILBOX
    for domain, (_pem, record) in keys.items():
        dns_server.add(f"{SELECTOR}._domainkey.{domain}", "TXT", record)
    DomainProof.objects.create(
        organization=mlpd,
        domain="example.org",
        method=DomainProof.Method.DNS,
        token="t0ken-mlpd",
        state=DomainProof.State.VERIFIED,
        verified_at=timezone.now(),
    )
    return open_statement


def message(
    keys,
    *,
    body: str = "We sign.\n\nMaria Weber\nMLPD international department\n",
    sender: str = "Maria Weber <maria@example.org>",
    signer: str | None = "example.org",
    to: str = f"sign+icor-solidarity-with-the-dockers@{MAILBOX.split('@')[1]}",
    subject: str = "Re: Solidarity with the dockers",
    sent: datetime | None = None,
) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, to, subject
    mail["Date"] = format_datetime(sent or timezone.now())
    mail["Message-ID"] = make_msgid(domain="example.org")
    mail.set_content(body)
    raw = mail.as_bytes(policy=SMTP)
    if signer is None:
        return raw
    header = dkim.sign(
        raw,
        SELECTOR.encode(),
        signer.encode(),
        keys[signer][0],
        include_headers=[b"from", b"to", b"subject", b"date", b"message-id"],
    )
    return header + raw


def feed(raw: bytes, *args: str) -> int:
    try:
        call_command("inbound", *args, stdin=io.BytesIO(raw))
    except SystemExit as exit:
        return int(exit.code)
    return 0


def test_the_statement_page_shows_its_address_to_coordinators(client, inbound, carol):
    address = statement_address(inbound)
    assert address == "sign+icor-solidarity-with-the-dockers@undersigned.example"
    client.force_login(carol)
    assert address in client.get(inbound.get_absolute_url()).content.decode()


def test_a_dkim_signed_we_sign_is_recorded_as_the_organizations_signature(
    client, inbound, keys, mlpd
):
    raw = message(keys)
    assert feed(raw) == 0
    signature = Signature.objects.get(statement=inbound, organization=mlpd)
    assert signature.method == Method.EMAIL and signature.withdrawn_at is None
    assert signature.text == inbound.current_text()
    assert "DKIM-verified for example.org" in signature.evidence
    received = InboundMessage.objects.get()
    assert received.state == "recorded" and received.signature == signature
    assert received.dkim == "pass" and received.aligned_domain == "example.org"
    assert bytes(received.raw) == raw
    event = Event.objects.get(kind=Event.Kind.INBOUND_RECEIVED)
    assert event.details["sha256"] == received.sha256 and event.details["recorded"] is True
    assert Event.objects.filter(kind=Event.Kind.SIGNATURE_GIVEN, organization=mlpd).exists()
    # The public list says how it was given.
    page = client.get(inbound.get_absolute_url()).content.decode()
    assert "signed by e-mail, DKIM-verified for example.org" in page


def test_the_same_message_twice_is_kept_once(inbound, keys):
    raw = message(keys)
    assert feed(raw) == 0 and feed(raw) == 0
    assert InboundMessage.objects.count() == 1
    assert Event.objects.filter(kind=Event.Kind.INBOUND_RECEIVED).count() == 1


def test_one_byte_changed_in_the_body_goes_to_the_queue(inbound, keys, mlpd):
    raw = message(keys).replace(b"We sign.", b"We sign!")
    assert feed(raw) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.dkim, received.reason) == ("pending", "fail", "dkim")
    assert received.says_we_sign
    assert not Signature.objects.filter(statement=inbound).exists()


def test_a_signature_by_another_domain_goes_to_the_queue(inbound, keys):
    assert feed(message(keys, signer="elsewhere.example")) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.dkim, received.reason) == ("pending", "pass", "not-aligned")
    assert received.dkim_domains == "elsewhere.example"
    assert not Signature.objects.filter(statement=inbound).exists()


def test_mail_from_a_domain_no_organization_verified_goes_to_the_queue(inbound, keys):
    raw = message(keys, signer="elsewhere.example", sender="ana@elsewhere.example")
    assert feed(raw) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.reason, received.organization) == (
        "pending",
        "no-organization",
        None,
    )


def test_an_unsigned_message_goes_to_the_queue(inbound, keys):
    assert feed(message(keys, signer=None)) == 0
    assert InboundMessage.objects.get().reason == "dkim"
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "Can we discuss paragraph 3 first?\n",
        "We do not sign this.\n",
        "We sign if you change the second paragraph.\n",
        "Thank you for the text.\n",
    ],
)
def test_a_reply_that_is_not_clearly_a_signature_goes_to_the_queue(inbound, keys, mlpd, body):
    assert feed(message(keys, body=body, subject="Re: Solidarity")) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.reason, received.organization) == (
        "pending",
        "not-clear",
        mlpd,
    )
    assert not Signature.objects.filter(statement=inbound).exists()


def test_the_quoted_statement_below_the_reply_does_not_count(inbound, keys, mlpd):
    body = (
        "Wir unterzeichnen.\n\nMaria\n\n"
        "Am 7. Dezember schrieb Carol:\n> We do not accept anything less. Will you sign?\n"
    )
    assert feed(message(keys, body=body)) == 0
    assert InboundMessage.objects.get().state == "recorded"


def test_the_sender_gets_a_receipt_in_their_language(inbound, keys, smtp_server, run_tasks):
    feed(message(keys, body="Wir unterzeichnen.\n\nMaria\n"))
    run_tasks()
    (receipt,) = smtp_server.messages
    assert receipt["To"] == "maria@example.org"
    text = receipt.get_body(preferencelist=("plain",)).get_content()
    assert "Ihre Nachricht" in receipt["Subject"]
    assert "DKIM-geprüft für example.org" in text


def test_a_forged_sender_gets_no_receipt(inbound, keys, smtp_server, run_tasks):
    feed(message(keys).replace(b"We sign.", b"We sign!"))
    run_tasks()
    assert smtp_server.messages == []
    assert InboundMessage.objects.get().receipt_sent is False


def test_an_address_that_names_no_statement_is_refused(inbound, keys):
    raw = message(keys, to="sign+no-such-statement@undersigned.example")
    assert feed(raw) == 67
    assert feed(message(keys), "--recipient", "other@undersigned.example") == 67
    assert not InboundMessage.objects.exists()


def test_what_is_not_mail_or_too_large_is_refused(inbound, keys, settings):
    assert feed(b"\x00\x01 just some bytes") == 65
    settings.INBOUND_MAX_BYTES = 1024
    assert feed(message(keys, body="We sign.\n" + "x" * 2000)) == 65
    assert not InboundMessage.objects.exists()


def test_a_dns_failure_asks_the_mail_server_to_try_again(inbound, keys, settings):
    settings.DNS_PORT = free_port()  # no server answers there
    settings.DOMAIN_CHECK_TIMEOUT = 1
    assert feed(message(keys)) == 75
    assert not InboundMessage.objects.exists()


def test_the_command_refuses_what_is_not_mail_in_its_own_process(tmp_path):
    var = tmp_path / "var"
    result = subprocess.run(
        [str(UNDERSIGNED), "inbound"],
        input=b"hello, this is not a mail message\n",
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "UNDERSIGNED_VAR_DIR": str(var), "INBOUND_MAILBOX": MAILBOX},
        timeout=120,
    )
    assert result.returncode == 65, result.stderr.decode()


def test_a_message_needs_someone_who_may_receive_mail(inbound, keys, bob):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        receive_message(raw=message(keys), user=bob)


@pytest.mark.django_db(transaction=True)
def test_the_lmtp_listener_takes_a_message_over_a_socket(inbound, keys, mlpd):
    from undersigned.collection.lmtp import lmtp_controller

    port = free_port()
    controller = lmtp_controller("127.0.0.1", port)
    controller.start()
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            refused = client.sendmail(
                "maria@example.org",
                ["sign+icor-solidarity-with-the-dockers@undersigned.example"],
                message(keys),
            )
            assert refused == {}
            client.mail("maria@example.org")
            code, __ = client.rcpt("sign+nothing-here@undersigned.example")
            assert code == 550
            # One answer per recipient after DATA (RFC 2033): the same address twice here.
            client.rset()
            client.mail("maria@example.org")
            address = "sign+icor-solidarity-with-the-dockers@undersigned.example"
            assert [client.rcpt(address)[0] for __ in range(2)] == [250, 250]
            first = client.data(message(keys, body="Wir unterzeichnen.\n"))
            second = client.getreply()
            assert (first[0], second[0]) == (250, 250)
            assert b"Received (" in first[1] and second[1] == b"2.0.0 Received before"
    finally:
        controller.stop()
    assert Signature.objects.get(statement=inbound, organization=mlpd).method == Method.EMAIL


def test_the_desk_shows_what_waits_and_a_coordinator_records_it(client, inbound, keys, carol, mlpd):
    feed(message(keys, body="Thank you! Count us in, with greetings from Essen.\n"))
    received = InboundMessage.objects.get()
    assert received.reason == "not-clear"
    client.force_login(carol)
    desk = client.get("/c/icor/desk/").content.decode()
    assert f'id="inbound-{received.pk}"' in desk and "maria@example.org" in desk
    assert '<strong data-count="inbound">1</strong>' in desk
    evidence = client.get(f"/c/icor/desk/mail/{received.pk}.eml")
    assert evidence["Content-Type"] == "message/rfc822"
    assert evidence.content == bytes(received.raw)

    response = client.post(f"/c/icor/desk/mail/{received.pk}/", {"decision": "record"})
    assert response.status_code == 302
    received.refresh_from_db()
    signature = Signature.objects.get(statement=inbound, organization=mlpd)
    assert received.state == "recorded" and received.signature == signature
    assert received.decided_by == carol
    assert signature.method == Method.RECORDED and received.sha256 in signature.evidence
    recorded = Event.objects.get(kind=Event.Kind.INBOUND_RECORDED)
    assert recorded.details["sha256"] == received.sha256
    assert f'id="inbound-{received.pk}"' not in client.get("/c/icor/desk/").content.decode()


def test_a_coordinator_dismisses_a_message_and_it_is_kept(client, inbound, keys, carol):
    feed(message(keys, signer=None, body="Buy cheap watches.\n", subject="Offer"))
    received = InboundMessage.objects.get()
    client.force_login(carol)
    client.post(f"/c/icor/desk/mail/{received.pk}/", {"decision": "dismiss", "note": "Spam."})
    received.refresh_from_db()
    assert (received.state, received.note) == ("dismissed", "Spam.")
    assert bytes(received.raw) and not Signature.objects.exists()
    assert Event.objects.filter(kind=Event.Kind.INBOUND_DISMISSED).count() == 1
    # Decided once: a second decision changes nothing.
    client.post(f"/c/icor/desk/mail/{received.pk}/", {"decision": "record"})
    received.refresh_from_db()
    assert received.state == "dismissed" and not Signature.objects.exists()


def test_only_the_coordinators_see_and_decide_the_messages(client, inbound, keys, dave):
    feed(message(keys, body="Maybe later.\n"))
    received = InboundMessage.objects.get()
    client.force_login(dave)
    assert client.get(f"/c/icor/desk/mail/{received.pk}.eml").status_code == 404
    response = client.post(f"/c/icor/desk/mail/{received.pk}/", {"decision": "dismiss"})
    assert response.status_code == 404
    received.refresh_from_db()
    assert received.state == "pending"


def test_a_signature_over_part_of_the_body_does_not_count(inbound, keys):
    """With l= a signature covers only the first bytes: anyone could add text below them."""
    mail = message(keys, signer=None, body="We sign.\n")
    header = dkim.sign(
        mail,
        SELECTOR.encode(),
        b"example.org",
        keys["example.org"][0],
        include_headers=[b"from", b"to", b"subject", b"date", b"message-id"],
        length=True,
    )
    assert feed(header + mail) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.dkim, received.reason) == ("pending", "fail", "dkim")


def test_a_proof_by_a_mail_address_or_a_lapsed_one_is_not_enough(inbound, keys, mlpd):
    DomainProof.objects.filter(organization=mlpd).update(state=DomainProof.State.LAPSED)
    DomainProof.objects.create(
        organization=mlpd,
        domain="example.org",
        method=DomainProof.Method.MAIL,
        address="maria@example.org",
        token="t0ken-mail",
        state=DomainProof.State.VERIFIED,
        verified_at=timezone.now(),
    )
    assert feed(message(keys)) == 0
    assert InboundMessage.objects.get().reason == "no-organization"
    assert not Signature.objects.exists()


def test_an_organization_outside_the_coalition_goes_to_the_queue(inbound, keys, mlpd):
    mlpd.coalitions.clear()
    assert feed(message(keys)) == 0
    received = InboundMessage.objects.get()
    assert (received.reason, received.organization) == ("not-member", mlpd)


def test_a_closed_statement_keeps_the_message_and_says_why(inbound, keys, carol):
    from undersigned.statements.actions import change_state
    from undersigned.statements.models import State

    change_state(statement=inbound, user=carol, state=State.CLOSED)
    assert feed(message(keys)) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.reason) == ("pending", "refused")
    assert received.detail == "This statement is not open for signatures."


def test_an_auto_reply_gets_no_receipt(inbound, keys, smtp_server, run_tasks):
    raw = message(keys, body="I am away until Monday.\n")
    assert feed(b"Auto-Submitted: auto-replied\r\n" + raw) == 0
    run_tasks()
    assert smtp_server.messages == []


def test_the_audit_trail_still_verifies(inbound, keys):
    from io import StringIO

    feed(message(keys))
    out = StringIO()
    call_command("audit", "verify", stdout=out, stderr=StringIO())
    # Verify raises CommandError when the trail and the rows disagree.
    assert out.getvalue().startswith("OK: ")
    assert "chain intact." in out.getvalue()


def test_delegates_see_the_address_too_and_the_public_does_not(client, inbound, dave):
    address = statement_address(inbound)
    assert address not in client.get(inbound.get_absolute_url()).content.decode()
    client.force_login(dave)
    page = client.get(inbound.get_absolute_url()).content.decode()
    assert f'href="mailto:{address}?subject=We%20sign"' in page


def test_a_we_sign_for_one_statement_cannot_be_handed_in_for_another(inbound, keys, carol):
    """The signed To field names the statement: the envelope alone does not."""
    from undersigned.statements.actions import change_state, create_statement
    from undersigned.statements.models import State

    other = create_statement(
        user=carol,
        coalition=inbound.coalition,
        kind="statement",
        issuer="Coordination Committee",
        language="en",
        title="Another statement",
        subtitle="",
        body="Other words.",
    )
    change_state(statement=other, user=carol, state=State.OPEN)
    raw = message(keys)
    assert feed(raw, "--recipient", statement_address(other)) == 0
    received = InboundMessage.objects.get()
    assert (received.statement, received.reason) == (other, "not-addressed")
    assert not Signature.objects.exists()


def test_an_old_we_sign_handed_in_again_is_not_taken(inbound, keys, mlpd, carol):
    from undersigned.signing.actions import withdraw_signature

    raw = message(keys)
    assert feed(raw) == 0
    withdraw_signature(statement=inbound, organization=mlpd, user=carol, reason="Asked to.")
    # The same message again, as a mail server would pass it on: one more header on top.
    assert feed(b"Received: from relay.example by mx.undersigned.example\r\n" + raw) == 0
    again = InboundMessage.objects.latest("id")
    assert (again.state, again.reason) == ("pending", "stale")
    assert again.detail == "a message with this Message-ID arrived before"
    assert Signature.objects.get(statement=inbound, organization=mlpd).withdrawn_at is not None


def test_a_we_sign_sent_weeks_ago_is_not_taken(inbound, keys):
    assert feed(message(keys, sent=timezone.now() - timedelta(days=30))) == 0
    received = InboundMessage.objects.get()
    assert (received.state, received.reason) == ("pending", "stale")
    assert received.detail == "sent more than 14 days ago, or dated in the future"
