"""What the statements tell the audit trail's verification.

Every change of a statement is an event, so the newest change can be no newer than the newest
event; its state is the one its newest state event gave it; and the texts of a public statement
are the ones the newest event that describes them recorded (a digest per language and version).
A draft's text is edited in place without an event: drafts are checked once they are opened.
"""

import hashlib
import json

from django.db.models import Max

from undersigned.audit.models import Event
from undersigned.statements.models import State, Statement, Text

# The events that say which state a statement is in, and the ones that describe its texts.
_STATE_EVENTS = (
    Event.Kind.STATEMENT_CREATED,
    Event.Kind.STATEMENT_STATE_CHANGED,
    Event.Kind.STATEMENT_IMPORTED,
)
_TEXT_EVENTS = (
    Event.Kind.STATEMENT_STATE_CHANGED,
    Event.Kind.TEXT_VERSION_CREATED,
    Event.Kind.STATEMENT_IMPORTED,
)


def text_digest(text: Text) -> str:
    words = json.dumps([text.title, text.subtitle, text.body], ensure_ascii=False)
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def text_digests(statement: Statement) -> dict[str, str]:
    """Every text of the statement, "language:version" → digest: what an event records so that
    `audit verify` sees a text changed behind the application's back."""
    return {f"{t.language}:{t.version}": text_digest(t) for t in statement.texts.all()}


def statements_agree_with_the_trail(newest: Event | None) -> str | None:
    changed = Statement.objects.aggregate(last=Max("updated_at"))["last"]
    if changed is None:
        return None
    if newest is None:
        return "the trail is empty, yet the database holds statements: its events were deleted"
    if newest.created_at < changed:
        return (
            f"a statement changed at {changed.isoformat()}, after the newest event "
            f"(#{newest.pk}, {newest.created_at.isoformat()}): the newest events were cut off"
        )
    return _states_agree() or _texts_agree()


def _newest_per_statement(kinds) -> dict[int, tuple[str, dict]]:
    newest: dict[int, tuple[str, dict]] = {}
    events = Event.objects.filter(kind__in=kinds, statement_id__isnull=False).order_by("id")
    for statement_id, kind, details in events.values_list("statement_id", "kind", "details"):
        newest[statement_id] = (kind, details or {})
    return newest


def _states_agree() -> str | None:
    said = _newest_per_statement(_STATE_EVENTS)
    for pk, slug, state in Statement.objects.values_list("pk", "slug", "state"):
        if pk not in said:
            continue  # written before the trail recorded statements (nothing to compare)
        kind, details = said[pk]
        expected = (
            State.DRAFT.value if kind == Event.Kind.STATEMENT_CREATED else details.get("state")
        )
        if expected and expected != state:
            return (
                f"statement {slug} is {state}, but its newest event made it {expected}: "
                "its state was changed outside the application"
            )
    return None


def _texts_agree() -> str | None:
    newest = {
        pk: details["texts"]
        for pk, (_kind, details) in _newest_per_statement(_TEXT_EVENTS).items()
        if isinstance(details.get("texts"), dict)
    }
    public = Statement.objects.exclude(state=State.DRAFT).filter(pk__in=newest)
    for statement in public.prefetch_related("texts"):
        recorded = newest[statement.pk]
        current = text_digests(statement)
        for key in sorted(recorded.keys() | current.keys()):
            if recorded.get(key) != current.get(key):
                what = (
                    "was deleted"
                    if key not in current
                    else "was added"
                    if key not in recorded
                    else "was edited"
                )
                return (
                    f"text {key} of statement {statement.slug} {what} outside the application: "
                    "it does not match the newest event that describes its texts"
                )
    return None
