"""The transparency log in a JSON export: every entry, the signed checkpoint, the public key,
and for each organization of the list the entry that put it there (`log_index`), so that
`undersigned verify` (or the single-file verifier) can check the list offline; and how each
signature was given (`given`, `given_domain`)."""

from typing import Any

from undersigned.signing.selectors import signatory_list
from undersigned.statements.models import Statement
from undersigned.tlog.entries import active_signatures
from undersigned.transparency import services
from undersigned.transparency.keys import public_key_text

# A signature committed between reading the log and reading the list: read both again.
_ATTEMPTS = 3


def add_log(statement: Statement, document: dict[str, Any]) -> dict[str, Any]:
    """`document` (an export's dict, organizations first in list order) with the log added."""
    for _attempt in range(_ATTEMPTS):
        entries = services.entries(statement.pk)
        active = active_signatures(entries)
        listing = signatory_list(statement).entries
        if {entry.organization.pk for entry in listing} == set(active):
            break
    # A signature the log does not hold (written around the actions) gets no log_index: the
    # verifiers then name it, and `audit verify` reports the log and the rows apart.
    listed = [s for s in document["signatories"] if s.get("kind") == "organization"]
    for signatory, entry in zip(listed, listing, strict=True):
        if entry.organization.pk in active:
            signatory["log_index"] = active[entry.organization.pk]
        # How it was given (signing.given's code), and the verified domain it rests on. The
        # import and the verifiers read neither: they are what the list says, not what it is.
        given = entry.given
        signatory["given"] = given.how
        if given.domain:
            signatory["given_domain"] = given.domain
    document["transparency"] = {
        "origin": services.origin(statement.pk),
        "public_key": public_key_text(),
        "checkpoint": services.signed_checkpoint(statement.pk, len(entries)),
        "entries": entries,
    }
    return document
