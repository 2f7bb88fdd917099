"""Writing, with a personal API token, through the same actions as the pages: each checks the
permission rules for the token's owner, writes in one transaction and records its audit event.
Nothing here writes a model itself.

Input is checked as the pages' forms check it (the same fields, limits and messages); what
refers to something by its slug in the body (a coalition, an organization) that does not exist
is a field error (422), as any other invalid input.
"""

import datetime as dt
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema, Status

from undersigned.api import schemas as s
from undersigned.api.auth import token
from undersigned.api.errors import ERRORS, WRITE_ERRORS, InvalidInput
from undersigned.api.router import router
from undersigned.coalitions.models import Coalition, Organization
from undersigned.coalitions.permissions import (
    can_import_statements,
    can_translate,
    can_write_open_letters,
    coordinated_coalitions,
    represented_organizations,
    require,
)
from undersigned.signing import actions as signing
from undersigned.signing.forms import RecordForm, WithdrawForm
from undersigned.signing.models import Signature
from undersigned.statements import actions as statements
from undersigned.statements.forms import WordsForm
from undersigned.statements.models import State, Text
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import save_translation
from undersigned.textformat import FormatError
from undersigned.transfer.forms import ImportForm
from undersigned.transfer.importing import import_document

WRITING = {"auth": token, "tags": ["writing"]}


# Checking input as the pages do.


def _form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}


def _clean(form_class: type[forms.Form], name: str, value):
    """One field through the page's form field: its rules and its translated messages."""
    try:
        return form_class.base_fields[name].clean(value)
    except ValidationError as error:
        raise InvalidInput({name: error.messages}) from None


def _words(data: Schema, current: Text | None) -> dict:
    """The words sent, what was left out taken from `current`, checked as the editor checks."""
    sent = data.model_dump(include={"title", "subtitle", "body"}, exclude_none=True)
    before = (
        {"title": current.title, "subtitle": current.subtitle, "body": current.body}
        if current
        else {}
    )
    form = WordsForm({**before, **sent})
    if not form.is_valid():
        raise InvalidInput(_form_errors(form))
    return form.cleaned_data


def _find(model, field: str, slug: str | None):
    found = model.objects.filter(slug=slug).first() if slug else None
    if found is None:
        raise InvalidInput(
            {field: [_("Nothing has this address (slug): %(slug)s.") % {"slug": slug}]}
        )
    return found


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _saved(made: bool, value):
    """201 for what was made now; 200 for what was there already (or changed in place)."""
    return Status(201 if made else 200, value)


@router.get("/me", response={200: s.MeOut, **ERRORS}, **WRITING)
def me(request: HttpRequest):
    """Whose token this is, and where they may write."""
    return {
        "username": request.user.get_username(),
        "coordinates": list(coordinated_coalitions(request.user).values_list("slug", flat=True)),
        "represents": list(represented_organizations(request.user).values_list("slug", flat=True)),
    }


# Statements: draft, details, words, state, translations.


@router.post("/statements", response={201: s.StatementDetailOut, **WRITE_ERRORS}, **WRITING)
def create_statement(request: HttpRequest, data: s.NewStatementIn):
    """A new draft, as "New statement" makes it: for a coalition one coordinates (staff: also
    an open letter without a coalition)."""
    coalition = None
    if data.coalition or not can_write_open_letters(request.user):
        if not data.coalition:
            raise InvalidInput({"coalition": [str(forms.Field.default_error_messages["required"])]})
        coalition = _find(Coalition, "coalition", data.coalition)
    statement = statements.create_statement(
        user=request.user,
        coalition=coalition,
        kind=data.kind,
        issuer=data.issuer.strip(),
        language=data.language,
        deadline=_aware(data.deadline),
        accepts_endorsements=data.accepts_endorsements,
        **_words(data, None),
    )
    return Status(201, get_statement_for(request, statement.slug))


@router.patch("/statements/{slug}", response={200: s.StatementDetailOut, **WRITE_ERRORS}, **WRITING)
def update_details(request: HttpRequest, slug: str, data: s.DetailsIn):
    """What a statement is, who issues it, its deadline, whether individuals may add their
    name: as the editor changes them. What is left out stays as it is."""
    statement = get_statement_for(request, slug)
    sent = data.model_fields_set
    statements.update_details(
        statement=statement,
        user=request.user,
        kind=data.kind if data.kind is not None else statement.kind,
        issuer=data.issuer.strip() if data.issuer is not None else statement.issuer,
        deadline=_aware(data.deadline) if "deadline" in sent else statement.deadline,
        accepts_endorsements=data.accepts_endorsements,
    )
    return get_statement_for(request, slug)


@router.post(
    "/statements/{slug}/versions",
    response={200: s.TextOut, 201: s.TextOut, **WRITE_ERRORS},
    **WRITING,
)
def add_version(request: HttpRequest, slug: str, data: s.VersionIn):
    """New words for the original text, as the editor saves them: a new version (201) once the
    statement is public or signed (signers are asked to confirm again, with the change note).
    200 when no version was made: the words were the same, or a draft nobody signed was edited
    in place. What is left out stays as it is."""
    statement = get_statement_for(request, slug)
    current = statement.current_text()
    text = statements.edit_text(
        statement=statement,
        user=request.user,
        change_note=data.change_note,
        **_words(data, current),
    )
    return _saved(text.pk != current.pk, text)


@router.post(
    "/statements/{slug}/state", response={200: s.StatementDetailOut, **WRITE_ERRORS}, **WRITING
)
def change_state(request: HttpRequest, slug: str, data: s.StateIn):
    """Open a draft for signatures, close it, reopen it, or withdraw it (with a reason the page
    shows), as the statement's state allows (`next_states`)."""
    statement = get_statement_for(request, slug)
    if data.state == State.WITHDRAWN and not data.reason.strip():
        raise InvalidInput(
            {"reason": [_("Say why the statement is withdrawn; the public page shows it.")]}
        )
    statements.change_state(
        statement=statement, user=request.user, state=State(data.state), reason=data.reason
    )
    return get_statement_for(request, slug)


@router.post(
    "/statements/{slug}/translations/{language}",
    response={200: s.TextOut, 201: s.TextOut, **WRITE_ERRORS},
    **WRITING,
)
def translate(request: HttpRequest, slug: str, language: s.Language, data: s.WordsIn):
    """A new version of the translation into `language`, of the current original (201), as the
    translation page saves it; 200 when it has these words and translates the current original
    already. What is left out is taken from the newest translation."""
    statement = get_statement_for(request, slug)
    require(can_translate(request.user, statement, language))
    if language == statement.original_language:
        raise InvalidInput({"language": [_("This is the statement's original language.")]})
    current = statement.current_text(language)
    words = _words(data, current)
    original = statement.current_text()
    unchanged = current and all(getattr(current, f) == value for f, value in words.items())
    if unchanged and current.translation_of_id == original.pk:
        return Status(200, current)
    return Status(
        201, save_translation(statement=statement, user=request.user, language=language, **words)
    )


# Signatures: one way for each change, through the signing actions.


def _signature_change(
    request: HttpRequest, slug: str, organization: str, action: Callable, **fields
) -> Signature:
    """The statement as the token's owner sees it, the organization named in the body, and the
    signing action that checks the rest."""
    statement = get_statement_for(request, slug)
    return action(
        statement=statement,
        organization=_find(Organization, "organization", organization),
        user=request.user,
        **fields,
    )


@router.post("/statements/{slug}/sign", response={201: s.SignatureOut, **WRITE_ERRORS}, **WRITING)
def sign(request: HttpRequest, slug: str, data: s.SignIn):
    """A delegate signs, for their organization, the version they read."""
    signature = _signature_change(
        request, slug, data.organization, signing.sign_statement, version=data.version
    )
    return Status(201, signature)


@router.post(
    "/statements/{slug}/signatures", response={201: s.SignatureOut, **WRITE_ERRORS}, **WRITING
)
def record_signature(request: HttpRequest, slug: str, data: s.RecordIn):
    """A coordinator records a signature received by e-mail or on paper, with evidence."""
    signature = _signature_change(
        request,
        slug,
        data.organization,
        signing.record_signature,
        version=data.version,
        evidence=_clean(RecordForm, "evidence", data.evidence),
        signed_at=_aware(data.signed_at),
    )
    return Status(201, signature)


@router.post(
    "/statements/{slug}/reconfirm", response={200: s.SignatureOut, **WRITE_ERRORS}, **WRITING
)
def reconfirm(request: HttpRequest, slug: str, data: s.SignIn):
    """A delegate consents to the newest version, the one they read, after the text changed."""
    return _signature_change(
        request, slug, data.organization, signing.reconfirm_signature, version=data.version
    )


@router.post(
    "/statements/{slug}/withdraw", response={200: s.SignatureOut, **WRITE_ERRORS}, **WRITING
)
def withdraw(request: HttpRequest, slug: str, data: s.WithdrawIn):
    """A delegate (or a coordinator) withdraws an organization's signature, with a reason
    the public list shows."""
    reason = _clean(WithdrawForm, "reason", data.reason)
    return _signature_change(
        request, slug, data.organization, signing.withdraw_signature, reason=reason
    )


# Import.


@router.post("/imports", response={200: s.ImportOut, 201: s.ImportOut, **WRITE_ERRORS}, **WRITING)
def import_statement(request: HttpRequest, data: s.ImportIn):
    """Import a published statement with its signatory list, as the Import page does: first
    with save=false to see what it would create (200), then with save=true to create it
    (201)."""
    require(can_import_statements(request.user))
    coalition = _find(Coalition, "coalition", data.coalition) if data.coalition else None
    form = ImportForm(
        {
            "text": data.text,
            "coalition": coalition.pk if coalition else "",
            "title": data.title,
            "language": data.language,
        }
    )
    if not form.is_valid():
        raise InvalidInput(_form_errors(form))
    try:
        plan = import_document(
            form.document,
            dry_run=not data.save,
            user=request.user,
            coalition=coalition,
            title=form.cleaned_data["title"] or None,
            language=data.language,
            separate=data.separate,
            separate_option='"separate": true',
        )
    except FormatError as error:
        raise InvalidInput({"text": [error.message]}) from None
    target = plan.saved or plan.statement
    result = {
        "saved": plan.saved is not None,
        "statement": target.slug if target else None,
        "title": plan.title,
        "summary": [str(line) for line in plan.summary()],
        "new_signatures": len(plan.new_signatures),
        "new_organizations": len(plan.new_organizations),
    }
    return _saved(plan.saved is not None, result)
