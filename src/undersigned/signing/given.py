"""How a signature was given, as the public list, the exports, the API and the PDF say it.

Read off the signature's method and the organization's domain proofs as they stand: a
delegate's signature is "domain verified" while the organization holds a verified proof of its
domain by DNS or a well-known file. A signature by DKIM-signed mail (method "email", once the
inbound mail exists) names the verified domain it aligned with.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from undersigned.coalitions.models import DomainProof
from undersigned.signing.models import Method, Signature

# The codes, in the order the legend explains them; the exports and the API carry the code.
DELEGATE_DOMAIN_VERIFIED = "delegate-domain-verified"
EMAIL = "email"  # Method.EMAIL's value, where the inbound mail added it
DELEGATE = "delegate"
SIGN_ON = "sign-on"
IMPORTED = "imported"
RECORDED = "recorded"
ORDER = (DELEGATE_DOMAIN_VERIFIED, EMAIL, DELEGATE, SIGN_ON, IMPORTED, RECORDED)

LEGEND = {
    DELEGATE_DOMAIN_VERIFIED: gettext_lazy(
        "“Signed by a delegate of …, domain verified”: a person the organization made its "
        "delegate signed after logging in, and the organization proved that it holds the domain "
        "by a DNS record or a file on its website."
    ),
    EMAIL: gettext_lazy(
        "“Signed by e-mail, DKIM-verified”: the organization answered from its own mail, and "
        "the mail's DKIM signature holds for its verified domain."
    ),
    DELEGATE: gettext_lazy(
        "“Confirmed by a delegate's log-in”: a person the organization made its delegate signed "
        "after logging in."
    ),
    SIGN_ON: gettext_lazy(
        "“Sign-on approved by the coordination”: the organization asked to sign on this page, "
        "confirmed its address by mail, and the coordinators approved."
    ),
    IMPORTED: gettext_lazy(
        "“Imported from a published list”: the organization was on the list as the coalition "
        "published it."
    ),
    RECORDED: gettext_lazy(
        "“Recorded by the coordination”: the coordinators recorded a signature they received "
        "otherwise, with evidence."
    ),
}
PROOFS_LEGEND = gettext_lazy(
    "“Domain verified”: the organization proved its domain by a DNS record or a file on its "
    "website (checked every day; “lapsed” when it no longer holds). “Address on”: it confirmed "
    "a mail address on the domain."
)


@dataclass(frozen=True)
class Given:
    how: str
    domain: str | None = None  # the verified domain the signature rests on

    @property
    def label(self) -> str:
        if self.how == DELEGATE_DOMAIN_VERIFIED:
            return _("signed by a delegate of %(domain)s, domain verified") % {
                "domain": self.domain
            }
        if self.how == EMAIL:
            if self.domain:
                return _("signed by e-mail, DKIM-verified for %(domain)s") % {"domain": self.domain}
            return _("signed by e-mail, DKIM-verified")
        if self.how == SIGN_ON:
            return _("sign-on approved by the coordination")
        if self.how == IMPORTED:
            return _("imported from a published list")
        if self.how == RECORDED:
            return _("recorded by the coordination")
        if self.how == DELEGATE:
            return _("confirmed by a delegate's log-in")
        return str(dict(Method.choices).get(self.how, self.how))  # a method newer than this

    @property
    def legend(self) -> str:
        return str(LEGEND.get(self.how, ""))


def how_given(signature: Signature, proofs: list[DomainProof]) -> Given:
    """`proofs`: the organization's shown proofs (signing.selectors), verified ones first."""
    verified = [p for p in proofs if p.state == DomainProof.State.VERIFIED]
    strong = [p for p in verified if p.is_strong]
    if signature.method == Method.DELEGATE:
        if strong:
            return Given(DELEGATE_DOMAIN_VERIFIED, strong[0].domain)
        return Given(DELEGATE)
    if signature.method == EMAIL:
        return Given(EMAIL, (strong or verified)[0].domain if verified else None)
    return Given(signature.method)
