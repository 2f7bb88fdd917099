"""Import a parsed statement: the statement, its text, its signatory organizations and signatures.

`plan_import` only reads: the preview and a dry run are the plan, with no transaction open (on
SQLite a transaction takes the write lock). `import_document` plans again and writes in one
transaction, so a failure leaves nothing behind. It writes nothing itself: each part goes
through its domain action, which checks permission and records its event — the statement
(`create_statement`), a changed text (`add_text_version`, under the statement's lock), new
organizations (`admit_organizations`, one event each), the signatures (`import_signatures`,
audited one by one with their source), the people (`import_listed_people`) and the state it
was published in (`change_state`, on the day of its list).

An import records signatures only: it never makes an organization a member of the coalition.
A new statement is a draft unless the person importing chooses its state. The same statement
imported again (same title and issuer, or the same text) is recognized, and only what is new
is added.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.actions import admit_organizations, remember_aliases
from undersigned.coalitions.models import Coalition, Organization, OrganizationAlias
from undersigned.coalitions.permissions import can_import_into, require
from undersigned.core.errors import ActionError
from undersigned.endorsements.actions import ListedPerson, import_listed_people
from undersigned.signing.actions import IMPORTABLE_STATES, import_signatures
from undersigned.statements.actions import add_text_version, change_state, create_statement
from undersigned.statements.models import DatePrecision, Kind, State, Statement, Text
from undersigned.statements.trail import text_digests
from undersigned.statements.validators import refuse_control_characters
from undersigned.textformat import Document, Signatory

# Below this the parser is unsure that a line is a signatory: the preview marks the entry.
LOW_CONFIDENCE = 0.8

# The states an import may give a new statement; a draft unless the person importing says so.
STATES = (State.DRAFT, State.OPEN, State.CLOSED)

# The longest value each field of an entry may have (the columns that store them).
LIMITS = {
    "organization": {"abbreviation": 60, "name": 300, "name_en": 300},
    "person": {"name": 200, "affiliation": 300},
}


def field_labels() -> dict[str, str]:
    return {
        "abbreviation": _("abbreviation"),
        "name": _("name"),
        "name_en": _("English name"),
        "affiliation": _("affiliation"),
    }


class Status:
    """What the import does with one entry of the list."""

    NEW = "new"  # a new organization, and its signature
    EXISTING = "existing"  # a known organization signs
    SIGNED = "signed"  # the organization signed (or withdrew) already: nothing changes
    TWICE = "twice"  # the same organization listed twice: imported once
    PERSON = "person"  # a person: listed with the statement
    PERSON_LISTED = "person-listed"  # a person listed already: nothing changes


@dataclass
class EntryPlan:
    entry: Signatory
    status: str
    organization: Organization | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def low_confidence(self) -> bool:
        return self.entry.confidence < LOW_CONFIDENCE


@dataclass
class ImportPlan:
    document: Document
    coalition: Coalition | None
    language: str
    title: str
    state: State  # the state the statement has after the import
    statement: Statement | None  # the existing statement this import adds to, if any
    new_text: bool
    entries: list[EntryPlan] = field(default_factory=list)  # one per signatory, in order
    problems: list[str] = field(default_factory=list)  # why it cannot be imported as it is
    recognized_by: str = ""  # how the existing statement was recognized
    saved: Statement | None = None  # the statement written, once the plan is carried out
    # The entries as the parser read them, by index, where staff corrected them in the preview:
    # remembered as aliases of the organizations they became.
    parsed: dict[int, Signatory] = field(default_factory=dict)

    @property
    def organizations(self) -> list[EntryPlan]:
        """Entries that name an organization, each organization once."""
        return [e for e in self.entries if e.status in (Status.NEW, Status.EXISTING, Status.SIGNED)]

    @property
    def new_organizations(self) -> list[EntryPlan]:
        return [e for e in self.entries if e.status == Status.NEW]

    @property
    def new_signatures(self) -> list[EntryPlan]:
        return [e for e in self.entries if e.status in (Status.NEW, Status.EXISTING)]

    @property
    def duplicates(self) -> list[Signatory]:
        return [e.entry for e in self.entries if e.status == Status.TWICE]

    @property
    def people(self) -> list[Signatory]:
        return [e.entry for e in self.entries if e.status in (Status.PERSON, Status.PERSON_LISTED)]

    @property
    def new_people(self) -> list[Signatory]:
        return [e.entry for e in self.entries if e.status == Status.PERSON]

    @property
    def all_problems(self) -> list[str]:
        return self.problems + [p for e in self.entries for p in e.problems]

    @property
    def changes_nothing(self) -> bool:
        return (
            self.statement is not None
            and not self.new_text
            and not self.new_signatures
            and not self.new_people
        )

    def summary(self) -> list[str]:
        """What the import creates (once saved: what it did), in sentences for the CLI, the
        preview page and the message after saving."""
        if self.saved is not None:
            lines = [self._saved_line()]
            if self.statement is not None and self.new_text:
                lines.append(_("Its text differed: the import added a new version."))
        elif self.statement is None:
            lines = [
                _("New statement: “%(title)s”.") % {"title": self.title},
                _("It will be saved as: %(state)s.") % {"state": self.state.label},
            ]
        else:
            lines = [
                _(
                    "“%(title)s” exists already (%(how)s, at /s/%(slug)s/): only what is new is "
                    "added, and it stays %(state)s."
                )
                % {
                    "title": self.title,
                    "how": self.recognized_by,
                    "slug": self.statement.slug,
                    "state": self.state.label,
                }
            ]
            if self.new_text:
                lines.append(_("Its text differs: the import adds a new version."))
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
        if self.people:
            new_people = len(self.new_people)
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

    def _saved_line(self) -> str:
        if self.statement is None:
            return _("Imported “%(title)s”, saved as: %(state)s.") % {
                "title": self.title,
                "state": self.state.label,
            }
        return _(
            "Added what was new to “%(title)s” (%(how)s, at /s/%(slug)s/); it stays %(state)s."
        ) % {
            "title": self.title,
            "how": self.recognized_by,
            "slug": self.statement.slug,
            "state": self.state.label,
        }


def import_document(
    document: Document,
    *,
    user,
    coalition: Coalition | None = None,
    title: str | None = None,
    language: str = "en",
    state: State | str = State.DRAFT,
    source: str = "",
    dry_run: bool = False,
    parsed: dict[int, Signatory] | None = None,
    separate: bool = False,
    separate_option: str | None = None,
) -> ImportPlan:
    """Plan the import of a parsed document and, unless dry_run, write it, all or nothing.

    `user` is the person importing, or SYSTEM (audit.actors) for the command line; its
    permission is checked either way. `source` (a file name, "import page") becomes the evidence
    of each signature. ActionError says why a document cannot be imported; nothing is written
    then. `parsed` holds the entries as the parser read them where staff corrected them (by
    index in the document's list): each is remembered as an alias of its organization.
    `separate` imports a text found under another title as a statement of its own;
    `separate_option` names how the caller asks for that (the command line's `--separate`),
    where it is not the import page's tick box.
    """
    options = {
        "coalition": coalition,
        "title": title,
        "language": language,
        "state": state,
        "separate": separate,
        "separate_option": separate_option,
    }
    if dry_run:
        # Reads only, outside any transaction: a preview holds up no writer.
        plan = plan_import(document, **options)
        plan.parsed = parsed or {}
        _require_may_import(user, plan)
        return plan
    with transaction.atomic():
        _one_import_at_a_time()
        plan = plan_import(document, **options)
        plan.parsed = parsed or {}
        _require_may_import(user, plan)
        if plan.all_problems:
            raise ActionError(" ".join(plan.all_problems))
        if plan.changes_nothing:
            return plan
        plan.saved = _write(plan, user=user, source=source or "import")
        record_event(
            kind=Event.Kind.STATEMENT_IMPORTED,
            actor=user,
            statement=plan.saved,
            details={
                "new_text": plan.new_text,
                "signatories": len(plan.new_signatures),
                "organizations": len(plan.new_organizations),
                "state": plan.state.value,
                "source": source,
                "texts": text_digests(plan.saved),
            },
        )
    return plan


def plan_import(
    document: Document,
    *,
    coalition: Coalition | None,
    title: str | None,
    language: str,
    state: State | str = State.DRAFT,
    separate: bool = False,
    separate_option: str | None = None,
) -> ImportPlan:
    """What importing the document would do, and what stands in the way; writes nothing."""
    state = State(state)
    problems: list[str] = []
    if state not in STATES:
        problems.append(_("An import can be saved as a draft, open or closed, not withdrawn."))
    title = " ".join((title or document.title or "").split())
    body = "\n\n".join(document.body).strip()
    if not title:
        suggestion = suggested_title(document)
        problems.append(
            _("The text has no title. Give it one (its first sentence: “%(suggestion)s”).")
            % {"suggestion": suggestion}
            if suggestion
            else _("The text has no title. Give it one.")
        )
    if not body:
        problems.append(
            _(
                "The text has no paragraphs, only “%(start)s”. Paste the whole statement: title, "
                "paragraphs and signatories."
            )
            % {"start": _shorten(title or document.subtitle or "")}
        )
    for name, value, limit in (
        (_("title"), title, Text._meta.get_field("title").max_length),
        (_("subtitle"), document.subtitle or "", Text._meta.get_field("subtitle").max_length),
    ):
        if len(value) > limit:
            problems.append(_too_long(name, len(value), limit))
    for value in (title, document.subtitle, document.issuer, body):
        try:
            refuse_control_characters(value or "")
        except ValidationError as error:
            problems.extend(error.messages)
            break
    statement, recognized_by, retitled = _existing_statement(document, title, body, language)
    if retitled is not None and not separate:
        # The same words under another title: the same statement renamed, or another one that
        # shares its text? Only the person importing knows; nothing is attached unasked.
        problems.append(
            _(
                "The same text is at /s/%(slug)s/ under another title, “%(existing)s”. To add "
                "to it, give this import that title; to import it as a statement of its own, "
                "tick “%(separate)s”."
            )
            % {"slug": retitled.slug, "existing": retitled, "separate": separate_label()}
            if separate_option is None
            else _(
                "The same text is at /s/%(slug)s/ under another title, “%(existing)s”. To add "
                "to it, give this import that title; to import it as a statement of its own, "
                "add %(option)s."
            )
            % {"slug": retitled.slug, "existing": retitled, "option": separate_option}
        )
    if statement is not None and statement.coalition_id != (coalition.pk if coalition else None):
        problems.append(
            _(
                "“%(title)s” exists already at /s/%(slug)s/, %(where)s. Choose that to add to it; "
                "nothing else is imported."
            )
            % {
                "title": statement,
                "slug": statement.slug,
                "where": _("under %(coalition)s") % {"coalition": statement.coalition.abbreviation}
                if statement.coalition
                else _("as an open letter"),
            }
        )
    current = statement.current_text(language) if statement else None
    plan = ImportPlan(
        document=document,
        coalition=coalition,
        language=language,
        title=title,
        state=State(statement.state) if statement else state,
        statement=statement,
        new_text=current is None or _text_fields(current) != _document_text(document, title),
        problems=problems,
        recognized_by=recognized_by,
    )
    _plan_entries(plan)
    adds = plan.new_signatures or plan.new_text or plan.new_people
    if statement is not None and statement.state not in IMPORTABLE_STATES and adds:
        plan.problems.append(
            _("“%(title)s” is %(state)s: reopen it before importing into it.")
            % {"title": statement, "state": statement.get_state_display().lower()}
        )
    return plan


def suggested_title(document: Document) -> str:
    """A title for a text that has none: its first sentence, shortened to a title's length."""
    if not document.body:
        return ""
    sentence = re.split(r"(?<=[.!?])\s", document.body[0].strip(), maxsplit=1)[0]
    sentence = re.sub(r"[*_`#>]", "", sentence).strip()
    return sentence if len(sentence) <= 120 else sentence[:117].rsplit(" ", 1)[0] + "…"


def entry_problems(entry: Signatory) -> list[str]:
    """What keeps an entry from being stored: a missing name, a field longer than its column."""
    label = _shorten(entry.name) or (str(entry.number) if entry.number else "?")
    if not entry.name.strip():
        return [_("Signatory %(entry)s has no name.") % {"entry": label}]
    kind = "person" if entry.kind == "person" else "organization"
    labels = field_labels()
    return [
        _("Signatory “%(entry)s”: %(problem)s")
        % {"entry": label, "problem": _too_long(labels[name], len(value), limit)}
        for name, limit in LIMITS[kind].items()
        if len(value := getattr(entry, name) or "") > limit
    ]


def document_from_json(text: str) -> Document:
    """A statement exported as JSON (`export --format json`), read back field for field: the
    lossless way to move a statement, whatever its signatories' names look like.

    ActionError says what is wrong with a file that is not such an export.
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ActionError(_("Not valid JSON: %(error)s.") % {"error": error}) from None
    try:
        if not isinstance(data, dict) or not isinstance(data.get("signatories", []), list):
            raise TypeError
        signatories = [
            Signatory(
                number=_optional(entry.get("number"), int),
                abbreviation=_optional(entry.get("abbreviation"), str),
                name=_optional(entry.get("name"), str) or "",
                name_en=_optional(entry.get("name_en"), str),
                country=(_optional(entry.get("country"), str) or "").upper() or None,
                group=_optional(entry.get("group"), str),
                kind="person" if entry.get("kind") == "person" else "organization",
                affiliation=_optional(entry.get("affiliation"), str),
            )
            for entry in data.get("signatories", [])
        ]
        body = data.get("body") or []
        if not isinstance(body, list) or not all(isinstance(p, str) for p in body):
            raise TypeError
        for day in (data.get("date"), data.get("signatories_as_of")):
            if day is not None:
                dt.date.fromisoformat(day if len(day) > 7 else day + "-01")
        return Document(
            kind=_optional(data.get("kind"), str),
            title=_optional(data.get("title"), str),
            subtitle=_optional(data.get("subtitle"), str),
            issuer=_optional(data.get("issuer"), str),
            date=_optional(data.get("date"), str),
            signatories_as_of=_optional(data.get("signatories_as_of"), str),
            further_signatories_possible=bool(data.get("further_signatories_possible")),
            body=body,
            signatories=signatories,
        )
    except (TypeError, AttributeError, ValueError):
        raise ActionError(
            _("This JSON is not a statement as undersigned exports it (export --format json).")
        ) from None


def is_json(text: str) -> bool:
    return text.lstrip().startswith("{")


def _optional(value, kind: type):
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError
    return value


def find_organization(entry: Signatory) -> Organization | None:
    """The organization an entry names: same abbreviation and (country or name), else same name
    and country. None when there is no such organization yet."""
    return OrganizationIndex([entry]).find(entry)


class OrganizationIndex:
    """The organizations a list may name, read in a few queries for all of its entries (one
    query per entry made a 2,000-line preview take seconds), matched as `find_organization`
    says: the abbreviation or name compared without regard to case."""

    CHUNK = 500  # values per query, well under SQLite's limit of bound parameters

    def __init__(self, entries: list[Signatory]) -> None:
        organizations = [e for e in entries if e.kind != "person" and e.name.strip()]
        abbreviations = {e.abbreviation for e in organizations if e.abbreviation}
        names = {e.name for e in organizations if not e.abbreviation}
        self._by_abbreviation = self._read("abbreviation", abbreviations)
        self._by_name = self._read("name", names)
        self._aliases = self._read_aliases({e.name for e in entries if e.name.strip()})

    @classmethod
    def _read_aliases(cls, names: set[str]) -> dict[tuple, Organization]:
        keys = sorted({k for v in names for k in (v.lower(), _ascii_lower(v))})
        aliases: dict[tuple, Organization] = {}
        for start in range(0, len(keys), cls.CHUNK):
            query = (
                OrganizationAlias.objects.annotate(folded=Lower("name"))
                .filter(folded__in=keys[start : start + cls.CHUNK])
                .select_related("organization")
                .order_by("pk")
            )
            for alias in query:
                key = (alias.abbreviation.casefold(), alias.name.casefold(), alias.country)
                aliases.setdefault(key, alias.organization)
        return aliases

    @classmethod
    def _read(cls, column: str, values: set[str]) -> dict[str, list[Organization]]:
        """The organizations whose column equals one of the values, up to case, by folded value
        in the model's order. Both foldings are asked for: SQLite's lower() folds ASCII only."""
        keys = sorted({k for v in values for k in (v.lower(), _ascii_lower(v))})
        found: dict[int, Organization] = {}
        for start in range(0, len(keys), cls.CHUNK):
            chunk = keys[start : start + cls.CHUNK]
            query = Organization.objects.annotate(folded=Lower(column)).filter(folded__in=chunk)
            found.update((org.pk, org) for org in query)
        index: dict[str, list[Organization]] = {}
        for org in sorted(found.values(), key=_model_order):
            index.setdefault(getattr(org, column).casefold(), []).append(org)
        return index

    def find(self, entry: Signatory) -> Organization | None:
        """The organization the entry names: the one staff once corrected this very entry to,
        else the one it names as written; None for a person staff never corrected."""
        country = entry.country or ""
        alias = self._aliases.get(_alias_key(entry))
        if alias is not None or entry.kind == "person":
            return alias
        if entry.abbreviation:
            for org in self._by_abbreviation.get(entry.abbreviation.casefold(), []):
                if (
                    country and org.country.code == country
                ) or org.name.casefold() == entry.name.casefold():
                    return org
            return None
        for org in self._by_name.get(entry.name.casefold(), []):
            if org.country.code == country:
                return org
        return None


def _alias_key(entry: Signatory) -> tuple:
    return ((entry.abbreviation or "").casefold(), entry.name.casefold(), entry.country or "")


def _ascii_lower(value: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in value)


def _model_order(org: Organization) -> tuple:
    return (org.abbreviation.lower(), org.name.lower(), org.pk)


def _plan_entries(plan: ImportPlan) -> None:
    statement = plan.statement
    signed = (
        set(statement.signatures.values_list("organization_id", flat=True)) if statement else set()
    )
    listed = (
        {n.casefold() for n in statement.endorsements.values_list("name", flat=True)}
        if statement
        else set()
    )
    seen: set = set()
    index = OrganizationIndex(plan.document.signatories)
    for entry in plan.document.signatories:
        problems = entry_problems(entry)
        if problems:
            plan.entries.append(EntryPlan(entry, Status.NEW, problems=problems))
            continue
        organization = index.find(entry)
        if entry.kind == "person" and organization is None:
            key = ("person", entry.name.casefold())
            status = Status.PERSON_LISTED if entry.name.casefold() in listed else Status.PERSON
            plan.entries.append(EntryPlan(entry, Status.TWICE if key in seen else status))
            seen.add(key)
            continue
        key = organization.pk if organization else _entry_key(entry)
        if key in seen:
            plan.entries.append(EntryPlan(entry, Status.TWICE, organization))
            continue
        seen.add(key)
        if organization is None:
            status = Status.NEW
        elif organization.pk in signed:
            status = Status.SIGNED
        else:
            status = Status.EXISTING
        plan.entries.append(EntryPlan(entry, status, organization))


def separate_label() -> str:
    return _("A separate statement")


def _existing_statement(
    document: Document, title: str, body: str, language: str
) -> tuple[Statement | None, str, Statement | None]:
    """The statement this document is, if it was imported or written here before: the same
    title and issuer, or the same text under the same title, in its language. Last, a statement
    with the same text under another title, which the import does not take as its own."""
    issuer = document.issuer or ""
    if title:
        same = Statement.objects.filter(
            issuer=issuer, texts__language=language, texts__title=title
        ).first()
        if same:
            return same, _("same title and issuer"), None
    if body:
        same_text = Statement.objects.filter(texts__language=language, texts__body=body)
        if same := same_text.filter(texts__title=title).first():
            return same, _("same text"), None
        return None, "", same_text.first()
    return None, "", None


def _one_import_at_a_time() -> None:
    """Serialize imports, so that two imports of the same text at once give one statement: the
    second plans after the first committed, and recognizes it. SQLite's IMMEDIATE transactions
    serialize writers already; PostgreSQL takes a lock held until the transaction ends."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_IMPORT_LOCK])


_IMPORT_LOCK = 0x696D706F7274  # "import"


def _require_may_import(user, plan: ImportPlan) -> None:
    require(can_import_into(user, plan.coalition, plan.statement))


def _write(plan: ImportPlan, *, user, source: str) -> Statement:
    document = plan.document
    # The day of the list, else of the text: when its signatures were given and it was opened.
    as_of = _aware(document.signatories_as_of) or _aware(document.date) or timezone.now()
    words = _document_text(document, plan.title)
    statement = plan.statement
    if statement is not None:
        # The statement's row first, as every action on it takes it first: taken only after
        # the trail's head (admitting organizations records events), it would cross a closing
        # that holds the row and waits for the head: a deadlock on PostgreSQL.
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement is None:  # a draft until its signatures are in (drafts take imported ones)
        issued_on, precision = _issued_on(document.date)
        statement = create_statement(
            user=user,
            coalition=plan.coalition,
            kind=Kind.from_word(document.kind),
            issuer=document.issuer or "",
            language=plan.language,
            issued_on=issued_on,
            issued_precision=precision,
            **words,
        )
    elif plan.new_text:
        add_text_version(statement=statement, user=user, language=plan.language, **words)
    # To the directory alone: an import records signatures and makes no member.
    new = plan.new_organizations
    admitted = admit_organizations(
        coalition=plan.coalition,
        organizations=[_new_organization(match.entry) for match in new],
        user=user,
        as_members=False,
    )
    for match, organization in zip(new, admitted, strict=True):
        match.organization = organization
    if aliases := _corrections(plan):
        remember_aliases(coalition=plan.coalition, aliases=aliases, user=user)
    signing = [(match.organization, _evidence(match.entry)) for match in plan.new_signatures]
    if signing:
        import_signatures(
            statement=statement, organizations=signing, user=user, source=source, signed_at=as_of
        )
    import_listed_people(
        statement=statement,
        people=[
            ListedPerson(person.name, person.country or "", person.affiliation or "")
            for person in plan.new_people
        ],
        user=user,
        source=source,
        confirmed_at=as_of,
    )
    if plan.statement is None and plan.state != State.DRAFT:
        # Published as it was: opened (and closed) on the day of its list.
        statement = change_state(statement=statement, user=user, state=State.OPEN, at=as_of)
        if plan.state == State.CLOSED:
            statement = change_state(statement=statement, user=user, state=State.CLOSED, at=as_of)
    statement.touch()
    return statement


def _corrections(plan: ImportPlan) -> list[tuple[Organization, str, str, str]]:
    """The entries staff corrected into an organization, as the parser read them."""
    aliases = []
    for index, match in enumerate(plan.entries):
        original = plan.parsed.get(index)
        if original is None or match.organization is None or not original.name.strip():
            continue
        if _alias_key(original) == _alias_key(match.entry) and original.kind == match.entry.kind:
            continue  # not corrected
        if entry_problems(original):  # too long to be kept
            continue
        abbreviation = "" if original.kind == "person" else (original.abbreviation or "")
        aliases.append((match.organization, abbreviation, original.name, original.country or ""))
    return aliases


def _new_organization(entry: Signatory) -> Organization:
    return Organization(
        abbreviation=entry.abbreviation or "",
        name=entry.name,
        name_en=entry.name_en or "",
        country=entry.country or "",
    )


def _evidence(entry: Signatory) -> str:
    return f"#{entry.number}" if entry.number is not None else entry.name


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


def _too_long(name: str, length: int, limit: int) -> str:
    return _("the %(field)s is %(length)d characters long; at most %(limit)d fit.") % {
        "field": name,
        "length": length,
        "limit": limit,
    }


def _shorten(value: str, width: int = 60) -> str:
    value = " ".join(value.split()[:40])
    return value if len(value) <= width else value[: width - 1] + "…"


def _issued_on(value: str | None) -> tuple[dt.date | None, str]:
    if not value:
        return None, DatePrecision.DAY
    if len(value) == 7:  # YYYY-MM
        return dt.date.fromisoformat(value + "-01"), DatePrecision.MONTH
    return dt.date.fromisoformat(value), DatePrecision.DAY


def _aware(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    day = dt.date.fromisoformat(value if len(value) > 7 else value + "-01")
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
