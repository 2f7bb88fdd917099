"""An organization proves its domain: a TXT record read from a real DNS server on loopback, a
well-known file fetched from a real HTTP server, or (lighter) a confirmed mail address."""

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from undersigned.audit.models import Event
from undersigned.coalitions import domains
from undersigned.coalitions.models import DomainProof
from undersigned.coalitions.tasks import recheck_domain_proofs_task
from undersigned.core.errors import ActionError
from undersigned.signing.actions import sign_statement

DOMAIN = "mlpd.example"


class Site:
    """What the HTTP server answers: path -> (status, headers, body)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (Host header, path)


@pytest.fixture
def web_server(settings) -> Iterator[Site]:
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.headers["Host"], self.path))
            status, headers, body = site.pages.get(self.path, (404, {}, b"not here"))
            self.send_response(status)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.DOMAIN_CHECK_HTTPS_ONLY = False
    settings.DOMAIN_CHECK_PORT = server.server_address[1]
    settings.DOMAIN_CHECK_ALLOW_LOOPBACK = True
    yield site
    server.shutdown()
    server.server_close()


def start(client, mlpd, method: str, **fields) -> DomainProof:
    response = client.post(f"/o/{mlpd.slug}/domain/", {"method": method, **fields})
    assert response.status_code == 302, response.content.decode()
    return DomainProof.objects.filter(organization=mlpd).latest("id")


def check(client, proof: DomainProof) -> DomainProof:
    client.post(f"/o/{proof.organization.slug}/domain/{proof.pk}/check/")
    proof.refresh_from_db()
    return proof


def test_a_delegate_proves_the_domain_by_a_txt_record(
    client, dave, mlpd, open_statement, dns_server
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    client.force_login(dave)
    proof = start(client, mlpd, "dns", domain="https://MLPD.example/about")
    assert proof.domain == DOMAIN and proof.state == "pending"
    page = client.get(f"/o/{mlpd.slug}/domain/").content.decode()
    assert f'_undersigned.{DOMAIN} TXT "undersigned-verification={proof.token}"' in page

    assert check(client, proof).state == "pending"  # no record yet
    assert "There is no TXT record at _undersigned.mlpd.example." in proof.last_error
    dns_server.add(f"_undersigned.{DOMAIN}", "TXT", "undersigned-verification=someone-else")
    assert check(client, proof).state == "pending"
    assert "does not hold this token" in proof.last_error

    dns_server.add(f"_undersigned.{DOMAIN}", "TXT", f"undersigned-verification={proof.token}")
    proof = check(client, proof)
    assert proof.state == "verified" and proof.verified_at and proof.last_error == ""
    event = Event.objects.filter(kind=Event.Kind.DOMAIN_VERIFIED).get()
    assert event.organization_id == mlpd.pk and event.details == {"domain": DOMAIN, "method": "dns"}
    assert "domain verified: mlpd.example" in client.get(f"/o/{mlpd.slug}/").content.decode()
    client.logout()
    listing = client.get(open_statement.get_absolute_url()).content.decode()
    # The delegate's signature says it (issue 21 item 5), instead of a mark of its own.
    assert "signed by a delegate of mlpd.example, domain verified" in listing


def test_only_the_organizations_delegates_prove_its_domain(client, carol, alice, mlpd, dave):
    for someone in (carol, alice):
        client.force_login(someone)
        assert client.get(f"/o/{mlpd.slug}/domain/").status_code == 403
        response = client.post(f"/o/{mlpd.slug}/domain/", {"method": "dns", "domain": DOMAIN})
        assert response.status_code == 403
    assert not DomainProof.objects.exists()


def test_a_well_known_file_proves_the_domain(client, settings, dave, mlpd, dns_server, web_server):
    client.force_login(dave)
    proof = start(client, mlpd, "well-known", domain=DOMAIN)
    dns_server.add(DOMAIN, "A", "127.0.0.1")
    web_server.pages["/.well-known/undersigned-verification.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        f"{proof.token}\n".encode(),
    )
    assert check(client, proof).state == "verified"
    # Asked for the domain by name, at the address its DNS gave.
    assert web_server.requests == [
        (f"{DOMAIN}:{settings.DOMAIN_CHECK_PORT}", "/.well-known/undersigned-verification.txt")
    ]


def test_a_redirect_to_another_host_is_refused(client, dave, mlpd, dns_server, web_server):
    client.force_login(dave)
    proof = start(client, mlpd, "well-known", domain=DOMAIN)
    dns_server.add(DOMAIN, "A", "127.0.0.1")
    dns_server.add("elsewhere.example", "A", "127.0.0.1")
    web_server.pages["/.well-known/undersigned-verification.txt"] = (
        302,
        {"Location": "http://elsewhere.example/token.txt"},
        b"",
    )
    web_server.pages["/token.txt"] = (200, {}, proof.token.encode())
    assert check(client, proof).state == "pending"
    assert "sends elsewhere (http://elsewhere.example/token.txt)" in proof.last_error
    assert [path for __, path in web_server.requests] == [
        "/.well-known/undersigned-verification.txt"
    ]
    # On the same host a redirect is followed.
    web_server.pages["/.well-known/undersigned-verification.txt"] = (
        302,
        {"Location": "/token.txt"},
        b"",
    )
    assert check(client, proof).state == "verified"


def test_private_and_loopback_addresses_are_refused(
    client, settings, dave, mlpd, dns_server, web_server
):
    client.force_login(dave)
    proof = start(client, mlpd, "well-known", domain=DOMAIN)
    web_server.pages["/.well-known/undersigned-verification.txt"] = (200, {}, proof.token.encode())
    dns_server.add(DOMAIN, "A", "127.0.0.1")
    dns_server.add(DOMAIN, "A", "10.1.2.3")  # one private address among others is enough
    assert check(client, proof).state == "pending"
    assert "points to a private or local address" in proof.last_error
    dns_server.remove(DOMAIN)
    dns_server.add(DOMAIN, "AAAA", "fe80::1")  # link-local
    assert check(client, proof).state == "pending"
    assert "points to a private or local address" in proof.last_error
    dns_server.remove(DOMAIN)
    dns_server.add(DOMAIN, "A", "127.0.0.1")
    settings.DOMAIN_CHECK_ALLOW_LOOPBACK = False  # as outside tests
    assert check(client, proof).state == "pending"
    assert "points to a private or local address" in proof.last_error
    assert web_server.requests == []  # nothing was fetched
    settings.DOMAIN_CHECK_ALLOW_LOOPBACK = True
    assert check(client, proof).state == "verified"


def test_a_file_too_large_is_refused(client, settings, dave, mlpd, dns_server, web_server):
    client.force_login(dave)
    proof = start(client, mlpd, "well-known", domain=DOMAIN)
    dns_server.add(DOMAIN, "A", "127.0.0.1")
    body = (proof.token + "\n" + "x" * settings.DOMAIN_CHECK_MAX_BYTES).encode()
    web_server.pages["/.well-known/undersigned-verification.txt"] = (200, {}, body)
    assert check(client, proof).state == "pending"
    assert "larger than 4096 bytes" in proof.last_error
    # Without a Content-Length the limit holds too: the body is read no further.
    web_server.pages["/.well-known/undersigned-verification.txt"] = (
        200,
        {"Content-Length": ""},
        body,
    )
    assert check(client, proof).state == "pending"
    assert "larger than 4096 bytes" in proof.last_error


def test_a_removed_record_lapses_at_the_recheck_and_is_shown_as_lapsed(
    client, dave, mlpd, open_statement, dns_server, run_tasks
):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    client.force_login(dave)
    proof = start(client, mlpd, "dns", domain=DOMAIN)
    dns_server.add(f"_undersigned.{DOMAIN}", "TXT", f"undersigned-verification={proof.token}")
    assert check(client, proof).state == "verified"
    client.logout()
    listing = client.get(open_statement.get_absolute_url()).content.decode()
    # The delegate's signature says it (issue 21 item 5), instead of a mark of its own.
    assert "signed by a delegate of mlpd.example, domain verified" in listing

    dns_server.remove(f"_undersigned.{DOMAIN}")
    recheck_domain_proofs_task.enqueue()
    run_tasks()  # checked just now: not due yet
    proof.refresh_from_db()
    assert proof.state == "verified"
    DomainProof.objects.filter(pk=proof.pk).update(checked_at=proof.checked_at.replace(year=2020))
    recheck_domain_proofs_task.enqueue()
    run_tasks()
    proof.refresh_from_db()
    assert proof.state == "lapsed" and proof.lapsed_at is not None
    lapsed = Event.objects.get(kind=Event.Kind.DOMAIN_LAPSED)
    assert lapsed.actor_id is None and lapsed.details["reason"] == "no-record"
    for page in (f"/o/{mlpd.slug}/", open_statement.get_absolute_url()):
        html = client.get(page).content.decode()
        assert "domain proof lapsed: mlpd.example" in html
        assert "domain verified: mlpd.example" not in html

    # The record is back: the next re-check verifies it again.
    dns_server.add(f"_undersigned.{DOMAIN}", "TXT", f"undersigned-verification={proof.token}")
    DomainProof.objects.filter(pk=proof.pk).update(checked_at=proof.checked_at.replace(year=2020))
    domains.recheck_domain_proofs()
    proof.refresh_from_db()
    assert proof.state == "verified"


def test_a_confirmed_address_on_the_domain_is_a_lighter_proof(
    client, dave, mlpd, smtp_server, run_tasks
):
    client.force_login(dave)
    proof = start(client, mlpd, "mail", address=f"info@{DOMAIN}")
    assert (proof.domain, proof.state) == (DOMAIN, "pending")
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == f"info@{DOMAIN}"
    link = re.search(r"/accounts/domain-address/(\S+)/", mail.get_body(("plain",)).get_content())
    client.logout()
    url = f"/accounts/domain-address/{link.group(1)}/"
    assert "Confirm" in client.get(url).content.decode()
    proof.refresh_from_db()
    assert proof.state == "pending"  # looking confirms nothing
    assert client.post(url).status_code == 302
    proof.refresh_from_db()
    assert proof.state == "verified" and not proof.is_strong
    html = client.get(f"/o/{mlpd.slug}/").content.decode()
    assert "address on mlpd.example" in html and "domain verified" not in html
    assert client.post(url).status_code == 410  # once


def test_a_free_mail_address_is_no_proof(client, dave, mlpd):
    client.force_login(dave)
    response = client.post(
        f"/o/{mlpd.slug}/domain/", {"method": "mail", "address": "mlpd.berlin@gmail.com"}
    )
    assert response.status_code == 200
    assert "Anyone can get an address on gmail.com" in response.content.decode()
    with pytest.raises(ActionError):
        domains.start_domain_proof(
            organization=mlpd, domain="", method="mail", address="x@mail.gmx.de", user=dave
        )
    assert not DomainProof.objects.exists()
