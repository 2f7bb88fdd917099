"""Checking a domain proof over the network: a DNS TXT record, or a file at a well-known address.

The checks run outside any transaction (a slow server must not hold a database lock) and under
strict limits: one time limit for the whole check, a size limit for the file, HTTPS only (a
setting lets tests use plain HTTP), no redirect to another host, and never a private, loopback
or link-local address: the host is resolved first, every address it has must be public, and the
connection goes to the address that was checked (a second lookup could answer otherwise).
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

# dnspython is imported where a name is looked up: ~60 modules that a web worker serving pages
# and signatures never needs (this module comes with the site's URLs).
if TYPE_CHECKING:
    import dns.resolver

RECORD_PREFIX = "_undersigned"
VALUE_PREFIX = "undersigned-verification="
WELL_KNOWN_PATH = "/.well-known/undersigned-verification.txt"
MAX_REDIRECTS = 3

# Addresses anyone can get: a confirmed address there says nothing about an organization.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.de",
        "hotmail.fr",
        "hotmail.es",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.de",
        "yahoo.fr",
        "yahoo.es",
        "yahoo.co.uk",
        "ymail.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        "web.de",
        "t-online.de",
        "freenet.de",
        "posteo.de",
        "mailbox.org",
        "mail.ru",
        "inbox.ru",
        "list.ru",
        "bk.ru",
        "yandex.ru",
        "yandex.com",
        "ya.ru",
        "rambler.ru",
        "proton.me",
        "protonmail.com",
        "protonmail.ch",
        "pm.me",
        "tutanota.com",
        "tutanota.de",
        "tuta.io",
        "zoho.com",
        "mail.com",
        "orange.fr",
        "laposte.net",
        "free.fr",
        "sfr.fr",
        "wanadoo.fr",
        "libero.it",
        "virgilio.it",
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "naver.com",
        "daum.net",
        "rediffmail.com",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "interia.pl",
        "onet.pl",
        "yandex.com.tr",
        "mynet.com",
        "fastmail.com",
        "hushmail.com",
        "disroot.org",
        "riseup.net",
    }
)

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_domain(text: str) -> str:
    """A domain as people type it ("Example.org.", "https://www.example.org/about") in the form
    we store and look up ("example.org", "www.example.org"); ValueError when it is none."""
    text = text.strip()
    if "//" in text:
        text = urlsplit(text).hostname or ""
    text = text.strip().rstrip(".").lower()
    try:
        ascii_name = text.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(_("This is not a domain name.")) from None
    labels = ascii_name.split(".")
    if (
        len(labels) < 2
        or len(ascii_name) > 253
        or not all(_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()  # an IPv4 address
    ):
        raise ValueError(_("This is not a domain name."))
    return ascii_name


def is_free_mail(domain: str) -> bool:
    return any(domain == free or domain.endswith("." + free) for free in FREE_MAIL_DOMAINS)


def is_on_domain(address: str, domain: str) -> bool:
    """Whether a mail address is on the domain or one of its subdomains (the domain's holder
    controls both)."""
    host = address.rpartition("@")[2].strip().rstrip(".").lower()
    return bool(host) and (host == domain or host.endswith("." + domain))


def record_name(domain: str) -> str:
    return f"{RECORD_PREFIX}.{domain}"


def record_value(token: str) -> str:
    return f"{VALUE_PREFIX}{token}"


def well_known_url(domain: str) -> str:
    return f"https://{domain}{WELL_KNOWN_PATH}"


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    code: str = ""  # why not, for the audit trail: "no-record", "redirect", "too-large"…
    message: str = ""  # why not, for the delegate
    # False when the network failed rather than the proof: a re-check changes nothing then.
    definitive: bool = True


VERIFIED = CheckResult(ok=True)


def _failed(code: str, message: str, *, definitive: bool = True) -> CheckResult:
    return CheckResult(ok=False, code=code, message=message, definitive=definitive)


def _unreachable() -> CheckResult:
    return _failed(
        "network",
        _("The domain could not be reached just now; it will be checked again."),
        definitive=False,
    )


def resolver() -> dns.resolver.Resolver:
    """The system's resolver, or the servers DNS_NAMESERVERS names; no cache, so a removed
    record is seen as removed."""
    import dns.resolver

    if settings.DNS_NAMESERVERS:
        answerer = dns.resolver.Resolver(configure=False)
        answerer.nameservers = list(settings.DNS_NAMESERVERS)
    else:
        answerer = dns.resolver.Resolver()
    answerer.port = settings.DNS_PORT
    answerer.timeout = answerer.lifetime = settings.DOMAIN_CHECK_TIMEOUT
    answerer.cache = None
    return answerer


def check_dns(domain: str, token: str) -> CheckResult:
    """Whether _undersigned.<domain> has the TXT record "undersigned-verification=<token>"."""
    import dns.exception
    import dns.resolver

    name = record_name(domain)
    try:
        answer = resolver().resolve(name, "TXT")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return _failed("no-record", _("There is no TXT record at %(name)s.") % {"name": name})
    except dns.exception.DNSException:
        return _unreachable()
    values = {b"".join(record.strings).decode("utf-8", "replace").strip() for record in answer}
    if record_value(token) in values:
        return VERIFIED
    return _failed(
        "wrong-record",
        _("The TXT record at %(name)s does not hold this token.") % {"name": name},
    )


def _allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return settings.DOMAIN_CHECK_ALLOW_LOOPBACK
    return ip.is_global and not ip.is_multicast


def _addresses(host: str) -> list[str] | CheckResult:
    """The host's addresses if every one of them is public, else why not."""
    import dns.exception
    import dns.resolver

    found: list[str] = []
    answerer = resolver()
    for rdtype in ("A", "AAAA"):
        try:
            found += [record.address for record in answerer.resolve(host, rdtype)]
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            continue
        except dns.exception.DNSException:
            return _unreachable()
    if not found:
        return _failed("no-address", _("%(host)s has no address.") % {"host": host})
    if not all(_allowed(address) for address in found):
        return _failed(
            "private-address",
            _("%(host)s points to a private or local address; it is not fetched.") % {"host": host},
        )
    return found


def check_well_known(domain: str, token: str) -> CheckResult:
    """Whether https://<domain>/.well-known/undersigned-verification.txt holds the token."""
    deadline = time.monotonic() + settings.DOMAIN_CHECK_TIMEOUT
    scheme = "https" if settings.DOMAIN_CHECK_HTTPS_ONLY else "http"
    port = settings.DOMAIN_CHECK_PORT or (443 if scheme == "https" else 80)
    path = WELL_KNOWN_PATH
    addresses = _addresses(domain)
    if isinstance(addresses, CheckResult):
        return addresses
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            answer = _get(domain, port, path, addresses, scheme == "https", deadline)
        except ssl.SSLCertVerificationError:
            message = _("The HTTPS certificate of %(host)s is not valid.") % {"host": domain}
            return _failed("certificate", message)
        except (OSError, http.client.HTTPException):
            return _unreachable()
        if isinstance(answer, CheckResult):
            return answer
        status, location, body = answer
        if location is None:
            break
        here = f"{scheme}://{domain}:{port}{path}"
        target = urlsplit(urljoin(here, location))
        if (
            target.scheme != scheme
            or (target.hostname or "").rstrip(".").lower() != domain
            or (target.port or port) != port
        ):
            return _failed(
                "redirect",
                _("The file's address sends elsewhere (%(location)s); it is not followed.")
                % {"location": location[:200]},
            )
        path = target.path or "/"
        if target.query:
            path += "?" + target.query
    else:
        return _failed("redirect", _("The file's address sends from one place to another."))
    if status != 200:
        return _failed(
            "http-status",
            _("The file could not be read: the server answered %(status)s.") % {"status": status},
        )
    lines = {line.strip() for line in body.decode("utf-8", "replace").splitlines()}
    if token in lines or record_value(token) in lines:
        return VERIFIED
    return _failed("wrong-file", _("The file does not hold this token."))


def _get(
    host: str, port: int, path: str, addresses: list[str], tls: bool, deadline: float
) -> tuple[int, str | None, bytes] | CheckResult:
    """GET path from host at one of its checked addresses: (status, redirect target, body)."""

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    sock = None
    for address in addresses:
        try:
            sock = socket.create_connection((address, port), timeout=remaining())
            break
        except OSError:
            continue
    if sock is None:
        return _unreachable()
    if tls:
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    connection = http.client.HTTPConnection(host, port, timeout=remaining())
    connection.sock = sock  # connected to the address we checked, not looked up again
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        default_port = 443 if tls else 80
        connection.putheader("Host", host if port == default_port else f"{host}:{port}")
        connection.putheader("User-Agent", "undersigned domain check")
        connection.putheader("Accept", "text/plain")
        connection.endheaders()
        response = connection.getresponse()
        if response.status in (301, 302, 303, 307, 308):
            return response.status, response.getheader("Location", ""), b""
        limit = settings.DOMAIN_CHECK_MAX_BYTES
        declared = response.getheader("Content-Length") or "0"
        if not declared.isdigit() or int(declared) > limit:
            return _too_large(limit)
        body = b""
        while True:
            sock.settimeout(remaining())
            chunk = response.read1(1024)
            if not chunk:
                break
            body += chunk
            if len(body) > limit:
                return _too_large(limit)
        return response.status, None, body
    finally:
        connection.close()


def _too_large(limit: int) -> CheckResult:
    message = _("The file is larger than %(limit)s bytes; it is not read.") % {"limit": limit}
    return _failed("too-large", message)
