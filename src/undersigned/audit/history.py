"""A statement's public history: which events the public sees, and one sentence for each."""

from collections.abc import Callable

from django.utils.translation import get_language_info, gettext, ngettext

from undersigned.audit.actors import SYSTEM
from undersigned.audit.models import Event, EventKind

# Roles, invitations and membership requests concern an organization's internal affairs, and a
# forgotten person must stay forgotten: those never appear in a public history.
PUBLIC_KINDS = frozenset(
    {
        EventKind.STATEMENT_CREATED,
        EventKind.STATEMENT_STATE_CHANGED,
        EventKind.TEXT_VERSION_CREATED,
        EventKind.SIGNATURE_GIVEN,
        EventKind.SIGNATURE_RECORDED,
        EventKind.SIGNATURE_WITHDRAWN,
        EventKind.SIGNATURE_RECONFIRMED,
        EventKind.STATEMENT_IMPORTED,
        EventKind.ENDORSEMENTS_HIDDEN,
    }
)


def public_actor_name(event: Event) -> str:
    """The coordinator's name as shown to the public; empty for an account kept by number (its
    name was an address) or an old event that kept an address.

    Only coordinator actions name their actor: a delegate signs for the organization, and the
    organization, not the person, is what the public list shows.
    """
    name = event.actor_name
    if event.actor_id is None and name == SYSTEM.name:
        return ""  # the command line: the public reads "The statement was created."
    return "" if "@" in name or name.startswith("#") else name


def _isolated(name: str) -> str:
    """A name or note set apart from the sentence around it (Unicode first-strong isolate), so
    that "MLPD (Germany)" in a Persian sentence keeps its own direction and punctuation."""
    return f"\u2068{name}\u2069" if name else ""


def describe(event: Event, number: Callable[[int], str] = str, *, isolate: bool = False) -> str:
    """One translated sentence saying what happened.

    `number` writes a number in the reader's language (Persian digits); the audit trail imports
    no app, so the page that shows the sentence passes core's formatter in. `isolate` sets names
    and notes apart for a page that may be right to left.
    """
    keep = _isolated if isolate else (lambda name: name)
    d = event.details or {}
    org = keep(event.organization_label) or gettext("An organization")
    version = number(d["version"]) if d.get("version") else None
    actor = keep(public_actor_name(event))
    match event.kind:
        case EventKind.SIGNATURE_GIVEN:
            if version:
                return gettext("%(org)s signed version %(version)s.") % {
                    "org": org,
                    "version": version,
                }
            return gettext("%(org)s signed.") % {"org": org}
        case EventKind.SIGNATURE_RECONFIRMED:
            return gettext("%(org)s confirmed its signature for version %(version)s.") % {
                "org": org,
                "version": version or "?",
            }
        case EventKind.SIGNATURE_WITHDRAWN:
            if d.get("by_coordination"):
                return gettext("The coordination removed the signature of %(org)s.") % {"org": org}
            return gettext("%(org)s withdrew its signature.") % {"org": org}
        case EventKind.SIGNATURE_RECORDED:
            if actor:
                return gettext("%(actor)s recorded the signature of %(org)s.") % {
                    "actor": actor,
                    "org": org,
                }
            return gettext("The coordinators recorded the signature of %(org)s.") % {"org": org}
        case EventKind.STATEMENT_CREATED:
            if actor:
                return gettext("%(actor)s created the statement.") % {"actor": actor}
            return gettext("The statement was created.")
        case EventKind.STATEMENT_IMPORTED:
            count = int(d.get("signatories") or 0)
            return ngettext(
                "The statement was imported with %(count)s signatory.",
                "The statement was imported with %(count)s signatories.",
                count,
            ) % {"count": number(count)}
        case EventKind.TEXT_VERSION_CREATED:
            values = {
                "version": version or "?",
                "language": _language_name(d.get("language", "")),
                "note": keep(d.get("note", "")),
            }
            if values["note"]:
                return (
                    gettext(
                        "Version %(version)s of the %(language)s text was published. What "
                        "changed: %(note)s"
                    )
                    % values
                )
            return gettext("Version %(version)s of the %(language)s text was published.") % values
        case EventKind.STATEMENT_STATE_CHANGED:
            return _state_sentence(d.get("state", ""), actor)
        case EventKind.ENDORSEMENTS_HIDDEN:
            count = int(d.get("count") or 0)
            return ngettext(
                "The coordinators hid %(count)s endorsement.",
                "The coordinators hid %(count)s endorsements.",
                count,
            ) % {"count": number(count)}
    return str(EventKind(event.kind).label)


def _state_sentence(state: str, actor: str) -> str:
    with_actor = {
        "open": gettext("%(actor)s opened the statement for signatures."),
        "closed": gettext("%(actor)s closed the statement for signatures."),
        "withdrawn": gettext("%(actor)s withdrew the statement."),
        "draft": gettext("%(actor)s returned the statement to draft."),
    }
    without_actor = {
        "open": gettext("The statement was opened for signatures."),
        "closed": gettext("The statement was closed for signatures."),
        "withdrawn": gettext("The statement was withdrawn."),
        "draft": gettext("The statement was returned to draft."),
    }
    if state not in with_actor:
        return gettext("The statement changed state.")
    return with_actor[state] % {"actor": actor} if actor else without_actor[state]


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
