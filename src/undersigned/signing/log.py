"""What signing writes into a statement's transparency log.

The organization is logged as the list shows it (name, English name, abbreviation, country),
so that an export's list can be checked against the log; its ID ties a withdrawal to its
signature. Called by the signing actions in their transaction, under the statement's lock.
"""

from typing import Any

from undersigned.coalitions.models import Organization
from undersigned.signing.models import Signature
from undersigned.transparency.services import append, now


def organization_fields(organization: Organization) -> dict[str, Any]:
    return {
        "id": organization.pk,
        "name": organization.name,
        "name_en": organization.name_en or None,
        "abbreviation": organization.abbreviation or None,
        "country": organization.country.code or None,
    }


def log_signature(signature: Signature, kind: str = "signature") -> None:
    """A signature given, or re-confirmed for a newer version ("reconfirmation")."""
    append(
        signature.statement_id,
        {
            "kind": kind,
            "at": now(),
            "version": signature.text.version,
            "method": signature.method,
            "organization": organization_fields(signature.organization),
        },
    )


def log_withdrawal(signature: Signature) -> None:
    append(
        signature.statement_id,
        {
            "kind": "withdrawal",
            "at": now(),
            "by_coordination": signature.removed_by_coordination,
            "organization": organization_fields(signature.organization),
        },
    )
