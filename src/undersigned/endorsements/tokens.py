"""Links in endorsement mail: signed, so they cannot be guessed or altered; the confirm link
expires, the remove link works as long as the endorsement exists."""

from django.conf import settings
from django.core import signing

_CONFIRM = "undersigned.endorsement.confirm"
_REMOVE = "undersigned.endorsement.remove"


def confirm_token(endorsement_id: int) -> str:
    return signing.dumps(endorsement_id, salt=_CONFIRM, compress=False)


def remove_token(endorsement_id: int) -> str:
    return signing.dumps(endorsement_id, salt=_REMOVE, compress=False)


def read_confirm_token(token: str) -> int:
    """The endorsement id; raises signing.BadSignature (SignatureExpired when too old)."""
    return int(signing.loads(token, salt=_CONFIRM, max_age=settings.ENDORSE_TOKEN_MAX_AGE))


def read_remove_token(token: str) -> int:
    return int(signing.loads(token, salt=_REMOVE))
