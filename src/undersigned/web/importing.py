"""Import a parsed statement: the statement, its text, its signatory organizations and signatures.

`import_document` plans and writes in one transaction, so a failure leaves nothing behind, and a
dry run is the same code rolled back. Importing the same document again changes nothing; importing
a longer list of signatories adds only the new ones.
"""

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.models import Coalition, Membership, Organization, unique_slug
from undersigned.endorsements.models import Endorsement
from undersigned.endorsements.models import Source as EndorsementSource
from undersigned.signing.models import Method, Signature
from undersigned.statements.models import DatePrecision, Kind, State, Statement, Text
from undersigned.textformat import Document, FormatError, Signatory


@dataclass
class OrganizationMatch:
    entry: Signatory
    organization: Organization | None  # None: it will be created
    already_signed: bool = False


@dataclass
class ImportPlan:
    document: Document
    coalition: Coalition | None
    language: str
    title: str
    statement: Statement | None  # the existing statement this import adds to, if any
    new_text: bool
    organizations: list[OrganizationMatch] = field(default_factory=list)
    duplicates: list[Signatory] = field(default_factory=list)  # listed twice in the document
    people: list[Signatory] = field(default_factory=list)
    people_already_listed: int = 0
    saved: Statement | None = None  # the statement written, once the plan is carried out

    @property
    def new_organizations(self) -> list[OrganizationMatch]:
        return [m for m in self.organizations if m.organization is None]

    @property
    def new_signatures(self) -> list[OrganizationMatch]:
        return [m for m in self.organizations if not m.already_signed]

    @property
    def changes_nothing(self) -> bool:
        return (
            self.statement is not None
            and not self.new_text
            and not self.new_signatures
            and len(self.people) == self.people_already_listed
        )

    def summary(self) -> list[str]:
        """What the import creates, in sentences for the CLI and the preview page."""
        if self.statement is None:
            lines = [_("New statement: “%(title)s”.") % {"title": self.title}]
        elif self.new_text:
            lines = [_("New version of the text of “%(title)s”.") % {"title": self.title}]
        else:
            lines = [
                _("“%(title)s” exists already; its text is unchanged.") % {"title": self.title}
            ]
        new_orgs, signed = len(self.new_organizations), len(self.new_signatures)
        reused = len(self.organizations) - new_orgs
        lines.append(
            ngettext("%(n)d new signature", "%(n)d new signatures", signed) % {"n": signed}
            + "; "
            + ngettext("%(n)d new organization", "%(n)d new organizations", new_orgs)
            % {"n": new_orgs}
            + "; "
            + ngettext("%(n)d existing organization", "%(n)d existing organizations", reused)
            % {"n": reused}
            + "."
        )
        new_people = len(self.people) - self.people_already_listed
        if self.people:
            lines.append(
                ngettext(
                    "%(n)d new individual signatory.",
                    "%(n)d new individual signatories.",
                    new_people,
                )
                % {"n": new_people}
            )
        for entry in self.duplicates:
            lines.append(_("Listed twice, imported once: %(name)s.") % {"name": entry.name})
        if self.changes_nothing:
            lines.append(_("Nothing to import: everything is here already."))
        return lines


def import_document(
    document: Document,
    *,
    coalition: Coalition | None = None,
    title: str | None = None,
    language: str = "en",
    dry_run: bool = False,
    user=None,
) -> ImportPlan:
    """Plan the import of a parsed document and, unless dry_run, write it, all or nothing.

    A dry run only reads, outside any transaction: on SQLite a transaction takes the write lock
    (IMMEDIATE), and planning a long paste must not hold up every writer meanwhile."""
    with transaction.atomic() if not dry_run else contextlib.nullcontext():
        plan = plan_import(document, coalition=coalition, title=title, language=language)
        if not dry_run:
            plan.saved = _write(plan)
            if not plan.changes_nothing:
                record_event(
                    kind=Event.Kind.STATEMENT_IMPORTED,
                    actor=user,
                    statement=plan.saved,
                    details={
                        "new_text": plan.new_text,
                        "signatories": len(plan.new_signatures),
                        "organizations": len(plan.new_organizations),
                    },
                )
    return plan


def plan_import(
    document: Document, *, coalition: Coalition | None, title: str | None, language: str
) -> ImportPlan:
    title = (title or document.title or _first_sentence(document.body) or "").strip()
    if not title:
        raise FormatError(
            _("No statement found: the text has no title, paragraphs or signatories.")
        )
    if len(title) > Text._meta.get_field("title").max_length:
        raise FormatError(_("The title is longer than 300 characters; give a shorter one."))
    statement = (
        Statement.objects.filter(coalition=coalition, texts__language=language, texts__title=title)
        .distinct()
        .first()
    )
    current = statement.current_text(language) if statement else None
    plan = ImportPlan(
        document=document,
        coalition=coalition,
        language=language,
        title=title,
        statement=statement,
        new_text=current is None or _text_fields(current) != _document_text(document, title),
    )
    signed = (
        set(statement.signatures.values_list("organization_id", flat=True)) if statement else set()
    )
    seen: set[int | tuple] = set()
    for entry in document.signatories:
        if entry.kind == "person":
            plan.people.append(entry)
            continue
        organization = find_organization(entry)
        key = organization.pk if organization else _entry_key(entry)
        if key in seen:
            plan.duplicates.append(entry)
            continue
        seen.add(key)
        already = organization is not None and organization.pk in signed
        plan.organizations.append(OrganizationMatch(entry, organization, already))
    if statement:
        names = {n.casefold() for n in statement.endorsements.values_list("name", flat=True)}
        plan.people_already_listed = sum(p.name.casefold() in names for p in plan.people)
    return plan


def find_organization(entry: Signatory) -> Organization | None:
    """The organization an entry names: same abbreviation and (country or name), else same name
    and country. None when there is no such organization yet."""
    country = entry.country or ""
    if entry.abbreviation:
        candidates = Organization.objects.filter(abbreviation__iexact=entry.abbreviation)
        for org in candidates:
            if (
                country and org.country.code == country
            ) or org.name.casefold() == entry.name.casefold():
                return org
        return None
    return Organization.objects.filter(name__iexact=entry.name, country=country).first()


def _write(plan: ImportPlan) -> Statement:
    document = plan.document
    as_of = _aware(document.signatories_as_of) or timezone.now()
    statement = plan.statement or _create_statement(plan, opened_at=as_of)
    text = statement.current_text(plan.language)
    if plan.new_text:
        text = Text.objects.create(
            statement=statement,
            language=plan.language,
            version=text.version + 1 if text else 1,
            **_document_text(document, plan.title),
        )
    for match in plan.organizations:
        organization = match.organization or _create_organization(match.entry)
        if not match.already_signed:
            Signature.objects.create(
                statement=statement,
                organization=organization,
                text=text,
                signed_at=as_of,
                method=Method.IMPORTED,
            )
        if plan.coalition:
            Membership.objects.get_or_create(coalition=plan.coalition, organization=organization)
    statement.touch()
    listed = {n.casefold() for n in statement.endorsements.values_list("name", flat=True)}
    Endorsement.objects.bulk_create(
        Endorsement(
            statement=statement,
            name=person.name[:200],
            country=person.country or "",
            affiliation=(person.affiliation or "")[:300],
            listed=True,
            source=EndorsementSource.IMPORTED,
            confirmed_at=as_of,
        )
        for person in plan.people
        if person.name.casefold() not in listed
    )
    return statement


def _create_statement(plan: ImportPlan, *, opened_at: dt.datetime) -> Statement:
    document = plan.document
    issued_on, precision = _issued_on(document.date)
    signable = document.further_signatories_possible
    return Statement.objects.create(
        slug=unique_slug(
            Statement, plan.coalition.abbreviation if plan.coalition else "", plan.title
        ),
        kind=Kind.from_word(document.kind),
        issuer=document.issuer or "",
        coalition=plan.coalition,
        state=State.OPEN if signable else State.CLOSED,
        original_language=plan.language,
        issued_on=issued_on,
        issued_precision=precision,
        opened_at=opened_at,
        closed_at=None if signable else opened_at,
    )


def _create_organization(entry: Signatory) -> Organization:
    return Organization.objects.create(
        abbreviation=(entry.abbreviation or "")[:60],
        name=entry.name[:300],
        name_en=(entry.name_en or "")[:300],
        country=entry.country or "",
    )


def _document_text(document: Document, title: str) -> dict:
    return {
        "title": title,
        "subtitle": document.subtitle or "",
        "body": "\n\n".join(document.body),
    }


def _text_fields(text: Text) -> dict:
    return {"title": text.title, "subtitle": text.subtitle, "body": text.body}


def _entry_key(entry: Signatory) -> tuple:
    return ((entry.abbreviation or "").casefold(), entry.name.casefold(), entry.country)


def _first_sentence(paragraphs: list[str]) -> str | None:
    """A title for a text that has none: its first sentence, shortened to a title's length."""
    if not paragraphs:
        return None
    sentence = re.split(r"(?<=[.!?])\s", paragraphs[0].strip(), maxsplit=1)[0]
    sentence = re.sub(r"[*_`#>]", "", sentence).strip()
    return sentence if len(sentence) <= 120 else sentence[:117].rsplit(" ", 1)[0] + "…"


def _issued_on(value: str | None) -> tuple[dt.date | None, str]:
    if not value:
        return None, DatePrecision.DAY
    if len(value) == 7:  # YYYY-MM
        return dt.date.fromisoformat(value + "-01"), DatePrecision.MONTH
    return dt.date.fromisoformat(value), DatePrecision.DAY


def _aware(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    day = dt.date.fromisoformat(value)
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
