"""What the API reads and writes. Field names follow the pages' words."""

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints

# No control characters (a NUL is refused by PostgreSQL), bounded lengths.
Line = Annotated[str, StringConstraints(max_length=300, pattern=r"^[^\x00-\x1f\x7f]*$")]
Slug = Annotated[str, StringConstraints(max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")]
Language = Annotated[str, StringConstraints(pattern=r"^(en|de|fr|es|tr|fa)$")]
Words = Annotated[str, StringConstraints(max_length=100_000, pattern=r"^[^\x00]*$")]
Document = Annotated[str, StringConstraints(max_length=5_000_000, pattern=r"^[^\x00]*$")]


class Error(Schema):
    detail: str = Field(description="What went wrong, in words for a person.")


class InvalidInput(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(description="Messages by field.")


class OrganizationOut(Schema):
    slug: str
    abbreviation: str
    name: str
    name_en: str
    country: str = Field(description="ISO 3166 code; empty when not known.")
    region: str | None
    website: str
    url: str


class CoalitionOut(Schema):
    slug: str
    abbreviation: str
    name: str
    description: str
    website: str
    url: str
    member_count: int


class CoalitionDetailOut(CoalitionOut):
    members: list[OrganizationOut]


class TextOut(Schema):
    language: str
    version: int
    title: str
    subtitle: str
    body: str = Field(description="Markdown.")
    translates_version: int | None = Field(description="For a translation: which version.")
    created_at: dt.datetime


class StatementOut(Schema):
    slug: str
    url: str
    kind: str
    state: str
    coalition: str | None = Field(description="The coalition's slug; none for an open letter.")
    issuer: str
    issued_on: dt.date | None
    original_language: str
    title: str
    subtitle: str
    signatory_count: int
    created_at: dt.datetime
    updated_at: dt.datetime


class StatementDetailOut(StatementOut):
    deadline: dt.datetime | None
    withdrawn_reason: str
    languages: list[str]
    texts: list[TextOut] = Field(description="Every version in every language, newest first.")
    pdf_url: str
    feed_url: str
    embed_url: str


class EntryOut(Schema):
    number: int
    organization: OrganizationOut
    signed_version: int
    signed_at: dt.datetime


class GroupOut(Schema):
    name: str | None
    entries: list[EntryOut]


class WithdrawnOut(Schema):
    organization: OrganizationOut
    withdrawn_at: dt.datetime
    reason: str


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


class MeOut(Schema):
    username: str
    coordinates: list[str] = Field(description="Slugs of the coalitions this person coordinates.")
    represents: list[str] = Field(description="Slugs of the organizations this person signs for.")


class NewStatementIn(Schema):
    coalition: Slug | None = None
    kind: str = "statement"
    issuer: Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")] = ""
    language: Language = "en"
    title: Line
    subtitle: Line = ""
    body: Words


class VersionIn(Schema):
    title: Line
    subtitle: Line = ""
    body: Words


class ImportIn(Schema):
    text: Document = Field(description="The statement in the plain-text format.")
    coalition: Slug | None = None
    title: Line = ""
    language: Language = "en"
    save: bool = Field(False, description="False: preview only, nothing is written.")


class ImportOut(Schema):
    saved: bool
    statement: str | None = Field(description="The slug, once saved (or when it exists).")
    title: str
    summary: list[str]
    new_signatures: int
    new_organizations: int


class SignIn(Schema):
    organization: Slug
    version: int = Field(ge=1, le=100_000, description="The version the delegate read.")


class RecordIn(SignIn):
    evidence: Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")]


class WithdrawIn(Schema):
    organization: Slug
    reason: Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")] = ""


class SignatureOut(Schema):
    statement: str
    organization: OrganizationOut
    signed_version: int
    signed_at: dt.datetime
    withdrawn_at: dt.datetime | None
