"""What the API reads and writes. Field names follow the pages' words.

Answers are built by django-ninja from the models and the selectors' objects: a field reads the
attribute of the same name, or the `resolve_<field>` beside it. Requests are checked with the
limits of the pages' forms (one limit per field, wherever it is typed), and a field nobody
defined is refused by name rather than ignored.
"""

import datetime as dt
from typing import Annotated, Literal

from django.conf import settings
from django.urls import reverse
from ninja import Schema
from pydantic import ConfigDict, Field, StringConstraints

from undersigned.collection.forms import RejectForm, SignOnForm
from undersigned.signing.forms import RecordForm, WithdrawForm
from undersigned.signing.models import Signature
from undersigned.statements.forms import StateForm, StatementForm, WordsForm
from undersigned.statements.models import Kind, State, Text
from undersigned.transparency import services as log_services


def _limit(form, field: str) -> int:
    return form.base_fields[field].max_length


def absolute(path: str) -> str:
    """From SITE_URL, not the client's Host header."""
    return settings.SITE_URL.rstrip("/") + path


def _line(max_length: int):
    # No control characters (a NUL is refused by PostgreSQL, others break feeds).
    return Annotated[str, StringConstraints(max_length=max_length, pattern=r"^[^\x00-\x1f\x7f]*$")]


def _text(max_length: int):
    return Annotated[str, StringConstraints(max_length=max_length, pattern=r"^[^\x00]*$")]


Line = _line(300)
Slug = Annotated[str, StringConstraints(max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")]
Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]  # type: ignore[misc]
Title = _line(_limit(WordsForm, "title"))
Subtitle = _line(_limit(WordsForm, "subtitle"))
Body = _text(_limit(WordsForm, "body"))
Document = _text(5_000_000)
KindName = Literal[tuple(Kind.values)]  # type: ignore[misc]


# Errors.


class Error(Schema):
    detail: str = Field(description="What went wrong, in words for a person.")


class InvalidInput(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(
        description="Messages by field, under the field's name as sent (`title`, `page`)."
    )


class Index(Schema):
    docs: str
    openapi: str
    statements: str


# Reading.


class OrganizationOut(Schema):
    slug: str
    abbreviation: str
    name: str
    name_en: str
    country: str = Field(description="ISO 3166 code; empty when not known.")
    region: str | None
    website: str
    url: str

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())


class CoalitionOut(Schema):
    slug: str
    abbreviation: str
    name: str
    description: str
    website: str
    url: str
    member_count: int

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_member_count(obj) -> int:
        counted = getattr(obj, "member_count", None)
        return obj.members.count() if counted is None else counted


class CoalitionDetailOut(CoalitionOut):
    members: list[OrganizationOut]

    @staticmethod
    def resolve_members(obj):
        return obj.members.order_by("country", "abbreviation", "name")


class TextOut(Schema):
    language: str
    version: int
    title: str
    subtitle: str
    body: str = Field(description="Markdown.")
    change_note: str = Field(description="What changed, for a new version of the original.")
    translates_version: int | None = Field(description="For a translation: which version.")
    created_at: dt.datetime

    @staticmethod
    def resolve_translates_version(obj: Text) -> int | None:
        return obj.translation_of.version if obj.translation_of_id else None


class StatementOut(Schema):
    slug: str
    url: str
    kind: str
    state: str = Field(description="The state now: past its deadline, an open one is closed.")
    coalition: str | None = Field(description="The coalition's slug; none for an open letter.")
    issuer: str
    issued_on: dt.date | None
    original_language: str
    title: str
    subtitle: str
    signatory_count: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_state(obj) -> str:
        return obj.state_now.value

    @staticmethod
    def resolve_coalition(obj) -> str | None:
        return obj.coalition.slug if obj.coalition_id else None

    @staticmethod
    def resolve_title(obj) -> str:
        text = obj.current_text()
        return text.title if text else ""

    @staticmethod
    def resolve_subtitle(obj) -> str:
        text = obj.current_text()
        return text.subtitle if text else ""

    @staticmethod
    def resolve_signatory_count(obj) -> int:
        counted = getattr(obj, "signatory_count", None)
        if counted is None:
            return Signature.objects.active().filter(statement=obj).count()
        return counted


class StatementDetailOut(StatementOut):
    deadline: dt.datetime | None
    accepts_endorsements: bool
    withdrawn_reason: str
    next_states: list[str] = Field(description="The states a coordinator may move it to.")
    languages: list[str]
    texts: list[TextOut] = Field(description="Every version in every language, newest first.")
    pdf_url: str
    feed_url: str
    embed_url: str
    log_size: int = Field(
        description="How many entries the statement's transparency log holds (signatures, "
        "withdrawals, re-confirmations and public versions)."
    )
    checkpoint: str | None = Field(
        description="The log's signed checkpoint now (a C2SP signed note; the key is at "
        "/.well-known/undersigned-log-key). None while the statement is a draft."
    )

    @staticmethod
    def resolve_log_size(obj) -> int:
        return log_services.size(obj.pk)

    @staticmethod
    def resolve_checkpoint(obj) -> str | None:
        if not State(obj.state).is_public:
            return None
        return log_services.signed_checkpoint(obj.pk)

    @staticmethod
    def resolve_next_states(obj) -> list[str]:
        return [state.value for state in obj.state_enum.next_states]

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return sorted({t.language for t in obj.texts.all()})

    @staticmethod
    def resolve_texts(obj) -> list[Text]:
        texts = sorted(obj.texts.all(), key=lambda t: (t.language, -t.version))
        by_id = {t.pk: t for t in texts}
        for text in texts:  # what each translates, from the texts at hand: no query per text
            text.translation_of = by_id.get(text.translation_of_id)
        return texts

    @staticmethod
    def resolve_pdf_url(obj) -> str:
        return absolute(reverse("statement-pdf", args=[obj.slug]))

    @staticmethod
    def resolve_feed_url(obj) -> str:
        return absolute(reverse("feed-statement", args=[obj.slug]))

    @staticmethod
    def resolve_embed_url(obj) -> str:
        return absolute(reverse("statement-embed", args=[obj.slug]))


class EntryOut(Schema):
    number: int
    organization: OrganizationOut
    signed_version: int
    signed_at: dt.datetime
    given: str = Field(
        description="How the signature was given: delegate-domain-verified, email (DKIM-signed "
        "mail), delegate (a delegate's log-in), sign-on (approved by the coordination), "
        "imported (from a published list) or recorded (by the coordination, with evidence)."
    )
    given_domain: str | None = Field(description="The verified domain it rests on, if any.")
    given_label: str = Field(description="The same, as the page says it in your language.")
    log_index: int | None = Field(
        description="The entry of the transparency log that put the signature in force."
    )

    @staticmethod
    def resolve_given(obj) -> str:
        return obj.given.how

    @staticmethod
    def resolve_given_domain(obj) -> str | None:
        return obj.given.domain

    @staticmethod
    def resolve_given_label(obj) -> str:
        return obj.given.label

    @staticmethod
    def resolve_signed_version(obj) -> int:
        return obj.signature.text.version

    @staticmethod
    def resolve_signed_at(obj) -> dt.datetime:
        return obj.signature.signed_at


class GroupOut(Schema):
    name: str | None
    entries: list[EntryOut]

    @staticmethod
    def resolve_name(obj) -> str | None:
        return str(obj.name) if obj.name else None


class WithdrawnOut(Schema):
    organization: OrganizationOut
    withdrawn_at: dt.datetime
    reason: str

    @staticmethod
    def resolve_reason(obj) -> str:
        return obj.withdrawal_reason


class SignatoriesOut(Schema):
    as_of: dt.datetime | None
    count: int
    further_signatories_possible: bool
    groups: list[GroupOut]
    withdrawn: list[WithdrawnOut]


class EndorsementsOut(Schema):
    confirmed: int
    by_country: dict[str, int]
    computed_at: dt.datetime

    @staticmethod
    def resolve_by_country(obj) -> dict[str, int]:
        return {code or "": n for code, n in obj.by_country.items()}


class PersonOut(Schema):
    name: str
    country: str = Field(description="ISO 3166 code; empty when not given.")
    affiliation: str
    listed: bool = Field(description="Consented to be listed publicly (false: seen by you only).")
    confirmed_at: dt.datetime | None

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""


class SignatureOut(Schema):
    statement: str
    organization: OrganizationOut
    signed_version: int
    signed_at: dt.datetime
    withdrawn_at: dt.datetime | None

    @staticmethod
    def resolve_statement(obj) -> str:
        return obj.statement.slug

    @staticmethod
    def resolve_signed_version(obj) -> int:
        return obj.text.version


class MeOut(Schema):
    username: str
    coordinates: list[str] = Field(description="Slugs of the coalitions this person coordinates.")
    represents: list[str] = Field(description="Slugs of the organizations this person signs for.")


class ImportOut(Schema):
    saved: bool
    statement: str | None = Field(description="The slug, once saved (or when it exists).")
    title: str
    summary: list[str]
    new_signatures: int
    new_organizations: int


# Writing: every field is named; one nobody defined is refused (422), not ignored.


class In(Schema):
    model_config = ConfigDict(extra="forbid")


class NewStatementIn(In):
    coalition: Slug | None = Field(None, description="Required unless you write open letters.")
    kind: KindName = Kind.STATEMENT.value
    issuer: _text(_limit(StatementForm, "issuer")) = ""
    language: Language = "en"
    title: Title
    subtitle: Subtitle = ""
    body: Body
    deadline: dt.datetime | None = None
    accepts_endorsements: bool = True


class DetailsIn(In):
    """What is left out stays as it is; `"deadline": null` removes the deadline."""

    kind: KindName | None = None
    issuer: _text(_limit(StatementForm, "issuer")) | None = None
    deadline: dt.datetime | None = None
    accepts_endorsements: bool | None = None


class WordsIn(In):
    """What is left out stays as it is in the newest version."""

    title: Title | None = None
    subtitle: Subtitle | None = None
    body: Body | None = None


class VersionIn(WordsIn):
    change_note: _text(_limit(StatementForm, "change_note")) = Field(
        "", description="What changed: the mail to the organizations asked to confirm shows it."
    )


class StateIn(In):
    state: Literal[State.OPEN.value, State.CLOSED.value, State.WITHDRAWN.value]
    reason: _text(_limit(StateForm, "reason")) = Field(
        "", description="Why it is withdrawn (required then); the public page shows it."
    )


class ImportIn(In):
    text: Document = Field(description="The statement in the plain-text format.")
    coalition: Slug | None = None
    title: Line = ""
    language: Language = "en"
    save: bool = Field(False, description="False: preview only, nothing is written.")
    separate: bool = Field(
        False,
        description="Import the text as a statement of its own where the same text exists "
        "under another title (without it, the import is refused and names that statement).",
    )


class OrganizationIn(In):
    organization: Slug


class SignIn(OrganizationIn):
    version: int = Field(ge=1, le=100_000, description="The version the delegate read.")


class RecordIn(SignIn):
    evidence: _text(_limit(RecordForm, "evidence")) = Field(
        description="How the signature reached you, e.g. “E-mail from the secretary, 3 May”."
    )
    signed_at: dt.datetime | None = Field(None, description="When it was given; now if left out.")


class WithdrawIn(OrganizationIn):
    reason: _text(_limit(WithdrawForm, "reason")) = Field(
        description="Why, in a sentence: the public list shows it."
    )


# Organizations asking to sign, and the coordinators' decisions.


def _sign_on_limit(field: str) -> int:
    return _limit(SignOnForm, field)


class NewOrganizationIn(In):
    """An organization not in the directory, as the requester describes it."""

    name: _line(_sign_on_limit("org_name")) = Field(description="In its own language.")
    abbreviation: _line(_sign_on_limit("org_abbreviation")) = ""
    name_en: _line(_sign_on_limit("org_name_en")) = Field("", description="Its English name.")
    country: str = Field("", pattern=r"^([A-Z]{2})?$", description="ISO 3166 code.")
    website: _line(_sign_on_limit("org_website")) = ""


class SignOnIn(In):
    """Either `organization` (a known one) or `new_organization` (described), not both."""

    organization: Slug | None = Field(None, description="A known organization's slug.")
    new_organization: NewOrganizationIn | None = None
    person_name: _line(_sign_on_limit("person_name")) = Field(description="Who asks.")
    person_role: _line(_sign_on_limit("person_role")) = Field(
        "", description="Their role in the organization."
    )
    email: _line(_sign_on_limit("email")) = Field(
        description="Confirms the request by a mailed link; never shown publicly."
    )
    language: Language = Field(description="The language of the mails to the requester.")
    listed: bool = Field(description="The organization agrees to be listed publicly: true.")
    version: int = Field(ge=1, le=100_000, description="The version of the text read.")


class Accepted(Schema):
    detail: str


class DescribedOrganizationOut(Schema):
    name: str
    abbreviation: str
    name_en: str
    country: str
    website: str


SignOnState = Literal["requested", "confirmed", "approved", "rejected", "merged"]


class SignOnRequestOut(Schema):
    id: int
    statement: str
    state: SignOnState = Field(
        description="requested (the address has not answered the mailed link), confirmed "
        "(waits for the coordinators), approved, rejected, or merged into a known organization."
    )
    organization: OrganizationOut | None = Field(
        description="The known organization: chosen, merged into, or entered on approval."
    )
    new_organization: DescribedOrganizationOut | None = Field(
        description="The organization as the requester described it, when it was not known."
    )
    logo_url: str | None
    person_name: str
    person_role: str
    email: str
    language: str
    listed: bool
    version: int = Field(description="The version the requester read, which the signature gets.")
    reason: str = Field(description="Why it was rejected (mailed to the requester).")
    created_at: dt.datetime
    confirmed_at: dt.datetime | None
    decided_at: dt.datetime | None

    @staticmethod
    def resolve_statement(obj) -> str:
        return obj.statement.slug

    @staticmethod
    def resolve_new_organization(obj) -> dict | None:
        if not obj.org_name:
            return None
        return {
            "name": obj.org_name,
            "abbreviation": obj.org_abbreviation,
            "name_en": obj.org_name_en,
            "country": obj.org_country.code or "",
            "website": obj.org_website,
        }

    @staticmethod
    def resolve_logo_url(obj) -> str | None:
        return absolute(reverse("organization-logo", args=[obj.logo])) if obj.logo else None

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.text.version


class RejectIn(In):
    reason: _text(_limit(RejectForm, "reason")) = Field(
        description="Why, in a sentence or two: mailed to the requester."
    )


class MergeIn(OrganizationIn):
    """`organization`: the known organization that signs instead of the one described."""
