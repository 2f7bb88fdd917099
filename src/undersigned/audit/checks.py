"""What the domain knows about the trail: checks that the apps above register with the audit.

The audit imports no app, yet an emptied or truncated trail is only visible against the domain
tables ("statements exist, but no event does"). Each app registers a check in its
AppConfig.ready(); verify_chain() runs them once the chain itself is intact.
"""

from collections.abc import Callable

from undersigned.audit.models import Event

# Given the newest event (None for an empty trail), the reason the trail disagrees with the
# domain, or None when it agrees.
DomainCheck = Callable[[Event | None], str | None]

_checks: list[DomainCheck] = []


def register(check: DomainCheck) -> DomainCheck:
    if check not in _checks:
        _checks.append(check)
    return check


def disagreement(newest: Event | None) -> str | None:
    for check in _checks:
        if reason := check(newest):
            return reason
    return None
