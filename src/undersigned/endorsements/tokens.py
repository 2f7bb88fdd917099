"""Links in endorsement mail: signed, so they cannot be guessed or altered, and bound to the
endorsement's own secret, not only its id: after a restore reuses an id, an old link must not
act on someone else's signature. The confirm link expires; the remove link works as long as the
endorsement exists."""

from django.conf import settings
from django.core import signing

_CONFIRM = "undersigned.endorsement.confirm.v2"
_REMOVE = "undersigned.endorsement.remove.v2"


def confirm_token(endorsement_id: int, secret: str) -> str:
    return signing.dumps([endorsement_id, secret], salt=_CONFIRM, compress=False)


def remove_token(endorsement_id: int, secret: str) -> str:
    return signing.dumps([endorsement_id, secret], salt=_REMOVE, compress=False)


def _read(value: object) -> tuple[int, str]:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)):
        raise signing.BadSignature("not an endorsement link")
    return int(value[0]), value[1]


def read_confirm_token(token: str) -> tuple[int, str]:
    """(endorsement id, its secret); raises signing.BadSignature (SignatureExpired when old)."""
    return _read(signing.loads(token, salt=_CONFIRM, max_age=settings.ENDORSE_TOKEN_MAX_AGE))


def read_remove_token(token: str) -> tuple[int, str]:
    return _read(signing.loads(token, salt=_REMOVE))
