"""Reminders: "remind those who have not signed / not confirmed the current version".

The coordinator first sees how many mails would go (plan_reminders), then sends exactly that
many (send_reminders): if the numbers changed in between, nothing is sent and they look again.
An organization is reminded at most once every REMINDER_INTERVAL_DAYS, whatever the statement;
each reminder is a row and an audit event; each mail is written in its reader's language.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.accounts.languages import languages_of
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.models import Delegate, Organization
from undersigned.coalitions.permissions import can_send_reminders, require
from undersigned.core.errors import ActionError
from undersigned.core.links import link_for_reader
from undersigned.mail.services import send_templated_mail
from undersigned.signing.models import Reminder, Signature
from undersigned.statements.models import Statement
from undersigned.statements.translations import text_for_reader


@dataclass
class Due:
    organization: Organization
    recipients: list[Delegate]  # delegates with an address, their user selected


@dataclass
class ReminderPlan:
    kind: str
    due: list[Due] = field(default_factory=list)
    recent: list[Organization] = field(default_factory=list)  # reminded within the interval
    unreachable: list[Organization] = field(default_factory=list)  # nobody to write to

    @property
    def mails(self) -> int:
        return sum(len(d.recipients) for d in self.due)


def waiting_organizations(statement: Statement, kind: str):
    """Member organizations that have not signed (SIGN), or that signed an earlier version and
    have not confirmed the current one (RECONFIRM)."""
    active = Signature.objects.active().filter(statement=statement)
    if kind == Reminder.Kind.SIGN:
        return Organization.objects.filter(coalitions=statement.coalition_id).exclude(
            pk__in=active.values("organization")
        )
    current = statement.current_text()
    return Organization.objects.filter(pk__in=active.exclude(text=current).values("organization"))


def plan_reminders(statement: Statement, kind: str) -> ReminderPlan:
    """Who a reminder of this kind would reach now, and who it would leave out."""
    if kind not in Reminder.Kind.values:
        raise ActionError(_("Choose whom to remind."))
    organizations = list(waiting_organizations(statement, kind).order_by("abbreviation", "name"))
    since = timezone.now() - timedelta(days=settings.REMINDER_INTERVAL_DAYS)
    recent = set(
        Reminder.objects.filter(organization__in=organizations, sent_at__gt=since).values_list(
            "organization_id", flat=True
        )
    )
    delegates: dict[int, list[Delegate]] = {}
    for delegate in (
        Delegate.objects.filter(organization__in=organizations, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    ):
        delegates.setdefault(delegate.organization_id, []).append(delegate)
    plan = ReminderPlan(kind)
    for organization in organizations:
        if organization.pk in recent:
            plan.recent.append(organization)
        elif organization.pk in delegates:
            plan.due.append(Due(organization, delegates[organization.pk]))
        else:
            plan.unreachable.append(organization)
    return plan


def send_reminders(
    *, statement: Statement, kind: str, user: User, expected_mails: int
) -> list[Reminder]:
    """Remind, in one transaction, the organizations the plan names, if it still sends
    `expected_mails` mails (the number the coordinator saw)."""
    require(can_send_reminders(user, statement))
    with transaction.atomic():
        # Two coordinators pressing at once: the second waits here, then finds the
        # organizations reminded already.
        statement = (
            # of=("self",): the coalition is on the nullable side of a join, which PostgreSQL
            # does not lock.
            Statement.objects.select_for_update(of=("self",))
            .prefetch_related("texts")
            .select_related("coalition")
            .get(pk=statement.pk)
        )
        assert statement.coalition is not None  # can_send_reminders: a coalition's statement
        plan = plan_reminders(statement, kind)
        if not plan.mails:
            raise ActionError(_("Nobody is waiting to be reminded."))
        if plan.mails != expected_mails:
            raise ActionError(_("The numbers changed since you looked: look again before sending."))
        current = statement.current_text()
        assert current is not None  # a statement is made with its first text
        languages = languages_of(d.user_id for due in plan.due for d in due.recipients)
        titles = {
            code: text_for_reader(statement, code).text.title for code in set(languages.values())
        }
        reminders = []
        for due in plan.due:
            reminders.append(
                Reminder.objects.create(
                    statement=statement,
                    organization=due.organization,
                    kind=kind,
                    mails=len(due.recipients),
                    sent_by=user,
                )
            )
            record_event(
                kind=Event.Kind.REMINDER_SENT,
                actor=user,
                statement=statement,
                organization=due.organization,
                details={"reminded_of": kind, "mails": len(due.recipients)},
            )
            for delegate in due.recipients:
                language = languages[delegate.user_id]
                send_templated_mail(
                    template="reminder",
                    to=[delegate.user.email],
                    context={
                        "kind": kind,
                        "organization": str(due.organization),
                        "coalition": statement.coalition.abbreviation,
                        "statement_title": titles[language],
                        "version": current.version,
                        "url": link_for_reader("statement", statement.slug, language=language),
                    },
                    language=language,
                )
    return reminders
