"""A real DNS server on loopback (dnslib) that the site's resolver asks, for tests.

def test_it_reads_the_record(dns_server):
    dns_server.add("_undersigned.example.org", "TXT", "undersigned-verification=abc")
    dns_server.add("example.org", "A", "127.0.0.1")
    ...
    dns_server.remove("_undersigned.example.org")

Names it does not know get NXDOMAIN; a known name without the asked type, an empty answer.
"""

import threading
from collections.abc import Iterator

import pytest
from dnslib import AAAA, QTYPE, RCODE, RR, TXT, A
from dnslib.server import BaseResolver, DNSLogger, DNSServer

from tests.mailserver import free_port

_RDATA = {"A": A, "AAAA": AAAA, "TXT": TXT}


class Zone(BaseResolver):
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], list[str]] = {}
        self.questions: list[tuple[str, str]] = []  # what was asked, in order
        self._lock = threading.Lock()

    @staticmethod
    def _name(name: str) -> str:
        return name.rstrip(".").lower()

    def add(self, name: str, rtype: str, value: str) -> None:
        with self._lock:
            self.records.setdefault((self._name(name), rtype), []).append(value)

    def remove(self, name: str, rtype: str | None = None) -> None:
        with self._lock:
            for key in list(self.records):
                if key[0] == self._name(name) and rtype in (None, key[1]):
                    del self.records[key]

    def resolve(self, request, handler):
        reply = request.reply()
        name, rtype = self._name(str(request.q.qname)), QTYPE[request.q.qtype]
        with self._lock:
            self.questions.append((name, rtype))
            values = list(self.records.get((name, rtype), []))
            known = any(key[0] == name for key in self.records)
        if not known:
            reply.header.rcode = RCODE.NXDOMAIN
        for value in values:
            reply.add_answer(RR(name, getattr(QTYPE, rtype), rdata=_RDATA[rtype](value), ttl=60))
        return reply


@pytest.fixture
def dns_server(settings) -> Iterator[Zone]:
    """A DNS server on 127.0.0.1 (UDP and TCP) that the site's resolver asks (DNS_NAMESERVERS,
    DNS_PORT); add and remove records on what it yields."""
    zone, port = Zone(), free_port()
    logger = DNSLogger(log="-request,-reply,-truncated,-error,-recv,-send,-data", prefix=False)
    servers = [
        DNSServer(zone, address="127.0.0.1", port=port, tcp=tcp, logger=logger)
        for tcp in (False, True)
    ]
    for server in servers:
        server.start_thread()
    settings.DNS_NAMESERVERS, settings.DNS_PORT = ["127.0.0.1"], port
    yield zone
    for server in servers:
        server.stop()
        server.server.server_close()
