"""Who hears of a signature: the signer (a receipt with what to do next), an organization's
delegates (when the coordination records or removes its signature), and the coalition's
coordinators (at once or in a daily summary, as each chose on "My account").

Every mail is written in its reader's language, with the statement's title in that language
where a current translation exists. The coordinators' news is read off the audit trail: a mail
at once when an event is recorded (connected in signing.apps), a summary of the day's events by
the daily task (signing.tasks).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from undersigned.accounts.languages import language_of, languages_of
from undersigned.accounts.models import Notices, Profile
from undersigned.audit.models import Event
from undersigned.coalitions.models import CoalitionRole, Delegate, Organization
from undersigned.core.links import link_for_reader
from undersigned.mail.services import send_templated_mail
from undersigned.statements.models import Statement
from undersigned.statements.translations import text_for_reader

# What coordinators hear of: signatures, withdrawals and organizations asking to sign (the
# last recorded by the collection app above us, named here by their kind).
NOTICE_KINDS = (
    Event.Kind.SIGNATURE_GIVEN,
    Event.Kind.SIGNATURE_RECORDED,
    Event.Kind.SIGNATURE_WITHDRAWN,
    "sign_on.confirmed",
)


def _title(statement: Statement, language: str) -> str:
    text = text_for_reader(statement, language).text
    return text.title if text else statement.slug


def _url(name: str, statement: Statement, language: str) -> str:
    return link_for_reader(name, statement.slug, language=language)


def send_receipt(*, statement: Statement, organization: Organization, user) -> None:
    """The delegate who signed hears that it worked, and what to do next."""
    if not user.email:
        return
    language = language_of(user)
    send_templated_mail(
        template="signature-receipt",
        to=[user.email],
        context={
            "organization": str(organization),
            "statement_title": _title(statement, language),
            "url": _url("statement", statement, language),
            "pdf_url": _url("statement-pdf", statement, language),
            "embed_url": _url("statement-embed", statement, language),
            "invite_url": _invite_url(statement, language),
        },
        language=language,
    )


def _invite_url(statement: Statement, language: str) -> str:
    """Where a partner organization asks to sign: the statement's page, which offers it."""
    return _url("statement", statement, language)


def tell_delegates(
    *, statement: Statement, organization: Organization, user, removed: bool, reason: str = ""
) -> None:
    """An organization's delegates hear that the coordination recorded (or removed) its
    signature: they did not do it themselves."""
    delegates = list(
        Delegate.objects.filter(organization=organization, user__is_active=True)
        .exclude(user=user)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )
    languages = languages_of(d.user_id for d in delegates)
    for delegate in delegates:
        language = languages[delegate.user_id]
        send_templated_mail(
            template="signature-removed" if removed else "signature-recorded",
            to=[delegate.user.email],
            context={
                "organization": str(organization),
                "statement_title": _title(statement, language),
                "reason": reason,
                "url": _url("statement", statement, language),
            },
            language=language,
        )


def _coordinators(coalition_id: int, notices: str) -> list:
    """Active coordinators of the coalition who chose this way of hearing (daily is the
    default of those who never chose)."""
    roles = CoalitionRole.objects.filter(
        coalition_id=coalition_id,
        kind=CoalitionRole.Kind.COORDINATOR,
        user__is_active=True,
    ).exclude(user__email="")
    chose = Profile.objects.filter(user_id__in=roles.values("user_id"))
    if notices == Notices.DAILY:
        roles = roles.exclude(user_id__in=chose.exclude(notices=Notices.DAILY).values("user_id"))
    else:
        roles = roles.filter(user_id__in=chose.filter(notices=notices).values("user_id"))
    return sorted({role.user for role in roles.select_related("user")}, key=lambda u: u.pk)


def notice_context(event: Event) -> dict:
    details = event.details or {}
    return {
        "kind": event.kind,
        # A request to sign for an organization not in the directory names it in its details.
        "organization": event.organization_label or str(details.get("organization", "")),
        "reason": details.get("reason", ""),
        "by_coordination": bool(details.get("by_coordination")),
        "actor": event.actor_name,
    }


def tell_coordinators_now(event: Event) -> None:
    """Mail the coordinators who want each piece of news at once (not the one who acted)."""
    if event.kind not in NOTICE_KINDS or event.statement_id is None:
        return
    statement = (
        Statement.objects.filter(pk=event.statement_id, coalition__isnull=False)
        .prefetch_related("texts")
        .first()
    )
    if statement is None:
        return
    assert statement.coalition_id is not None  # filtered above
    immediate = _coordinators(statement.coalition_id, Notices.IMMEDIATE)
    coordinators = [u for u in immediate if u.pk != event.actor_id]
    languages = languages_of(u.pk for u in coordinators)
    for coordinator in coordinators:
        language = languages[coordinator.pk]
        send_templated_mail(
            template="coordinator-notice",
            to=[coordinator.email],
            context={
                "notice": {**notice_context(event), "statement_title": _title(statement, language)},
                "url": _url("statement", statement, language),
            },
            language=language,
        )


DIGEST_WINDOW = timedelta(days=1)


def send_daily_digests() -> int:
    """One summary per coordinator who chose it, of the news since their last one (the last
    day's, the first time). Returns the number of mails queued."""
    sent = 0
    coordinator_ids = (
        CoalitionRole.objects.filter(kind=CoalitionRole.Kind.COORDINATOR)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in sorted(set(coordinator_ids)):
        sent += _digest_for(user_id)
    return sent


def _digest_for(user_id: int) -> int:
    with transaction.atomic():
        profile, __ = Profile.objects.select_for_update().get_or_create(user_id=user_id)
        user = profile.user
        if profile.notices != Notices.DAILY or not user.is_active or not user.email:
            return 0
        coalitions = CoalitionRole.objects.filter(
            user_id=user_id, kind=CoalitionRole.Kind.COORDINATOR
        ).values("coalition_id")
        events = Event.objects.filter(
            kind__in=NOTICE_KINDS,
            statement_id__in=Statement.objects.filter(coalition_id__in=coalitions).values("pk"),
        ).exclude(actor_id=user_id)
        if profile.digest_event_id is None:
            events = events.filter(created_at__gt=timezone.now() - DIGEST_WINDOW)
        else:
            events = events.filter(pk__gt=profile.digest_event_id)
        news = list(events.order_by("id")[:500])
        if not news:
            return 0
        language = profile.language or settings.LANGUAGE_CODE
        statements = {
            s.pk: s
            for s in Statement.objects.filter(
                pk__in={e.statement_id for e in news}
            ).prefetch_related("texts")
        }
        items = [
            {
                **notice_context(event),
                "statement_title": _title(statements[event.statement_id], language)
                if event.statement_id in statements
                else event.statement_slug,
            }
            for event in news
        ]
        send_templated_mail(
            template="coordinator-digest",
            to=[user.email],
            context={"items": items, "url": link_for_reader("preferences", language=language)},
            language=language,
        )
        profile.digest_event_id = news[-1].pk
        profile.save(update_fields=["digest_event_id"])
    return 1
