"""Which domains a received message's DKIM signatures prove (dkimpy), and whether they align.

The keys are looked up through the site's resolver (DNS_NAMESERVERS, DNS_PORT, the time limit of
the domain checks), the same one the domain proofs use. A signature counts only if it verifies
and covers the whole body (a signature with l= lets anyone append text under it) and the From
field. A lookup that fails for want of an answer (a timeout, a server failure) is no verdict:
the message is handed back to the mail server to try again later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from undersigned.coalitions.domain_checks import resolver

# dkimpy, dnspython and the public suffix list are imported when a message is checked: this
# module comes with the site's URLs into every web worker, which mostly never receives one.
if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList


class LookupFailed(Exception):
    """A key could not be looked up just now; the message should be tried again later."""


@dataclass(frozen=True)
class DkimResult:
    # "pass": at least one signature verifies; "fail": signatures, none verifies; "none": unsigned.
    result: str
    passed: tuple[str, ...] = ()  # the d= domains of the signatures that verify
    failed: tuple[str, ...] = ()  # and of those that do not
    detail: str = ""  # what the verifier said of the last failure, for the coordinators
    # The header fields each verified signing domain covers ("from", "to", "date"…).
    covered: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)


def _txt(name: bytes, timeout: int = 5) -> bytes | None:
    """dkimpy's key lookup, through our resolver: the TXT record's strings joined, or None."""
    import dns.exception
    import dns.resolver

    try:
        answer = resolver().resolve(name.decode("ascii").rstrip("."), "TXT")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return None
    except (dns.exception.DNSException, UnicodeDecodeError) as error:
        raise LookupFailed(str(error)) from None
    for record in answer:
        return b"".join(record.strings)
    return None


def verify_dkim(raw: bytes) -> DkimResult:
    """Verify every DKIM-Signature of the message; LookupFailed when a key could not be read."""
    import dkim

    try:
        verifier = dkim.DKIM(raw)
    except dkim.DKIMException as error:
        return DkimResult("fail", detail=str(error)[:300])
    count = sum(1 for name, __ in verifier.headers if name.lower() == b"dkim-signature")
    if count == 0:
        return DkimResult("none")
    passed: list[str] = []
    failed: list[str] = []
    covered: dict[str, frozenset[str]] = {}
    detail = ""
    for index in range(count):
        verifier.signature_fields = {}
        try:
            ok = verifier.verify(idx=index, dnsfunc=_txt)
        except dkim.DKIMException as error:
            ok, detail = False, str(error)[:300]
        fields = verifier.signature_fields or {}
        domain = fields.get(b"d", b"").decode("ascii", "replace").strip().rstrip(".").lower()
        if ok and b"l" in fields:
            ok, detail = False, "the signature covers only part of the body (l=)"
        signed = frozenset(
            name.decode("ascii", "replace") for name in getattr(verifier, "include_headers", ())
        )
        if ok and "from" not in signed:
            ok, detail = False, "the signature does not cover the From field"
        if ok:
            passed.append(domain)
            covered[domain] = covered.get(domain, frozenset()) | signed
        else:
            failed.append(domain)
            detail = detail or "the signature does not verify"
    result = "pass" if passed else "fail"
    return DkimResult(result, tuple(passed), tuple(failed), detail, covered)


@cache
def _suffixes() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()  # the list ships with the package: nothing is fetched


def organizational_domain(domain: str) -> str:
    """The registered domain (example.org for mail.example.org), as DMARC's relaxed alignment
    reads it; the domain itself when the list knows no better."""
    domain = domain.strip().rstrip(".").lower()
    return _suffixes().privatesuffix(domain) or domain


def aligned(signing_domain: str, from_domain: str) -> bool:
    """Relaxed alignment: the signing domain and the From domain share an organizational
    domain."""
    if not signing_domain or not from_domain:
        return False
    return organizational_domain(signing_domain) == organizational_domain(from_domain)


def within(host: str, domain: str) -> bool:
    """Whether host is the domain or one of its subdomains."""
    return host == domain or host.endswith("." + domain)
