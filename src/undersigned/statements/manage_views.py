"""Coordinators' pages: draft, edit, open, close, withdraw; and the public version diff."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from undersigned.coalitions.permissions import (
    can_draft,
    can_edit_statement,
    can_translate,
    can_write_open_letters,
    coordinated_coalitions,
    require,
)
from undersigned.core.errors import ActionError
from undersigned.core.markdown import render_markdown
from undersigned.statements import actions
from undersigned.statements.diff import text_diff
from undersigned.statements.forms import StateForm, StatementForm, TranslationForm
from undersigned.statements.models import State
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import save_translation, translations


@login_required
def statement_create(request: HttpRequest) -> HttpResponse:
    coalitions = coordinated_coalitions(request.user)
    require(can_draft(request.user))
    form = StatementForm(
        request.POST or None,
        coalitions=coalitions,
        open_letters=can_write_open_letters(request.user),
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview = render_markdown(data["body"])
        else:
            statement = actions.create_statement(user=request.user, **_fields(data))
            messages.success(request, _("Draft saved. Only your coalition's members can see it."))
            return redirect(statement)
    return render(
        request, "statements/edit.html", {"form": form, "preview": preview, "statement": None}
    )


@login_required
def statement_edit(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    require(can_edit_statement(request.user, statement))
    text = statement.current_text()
    initial = {
        "kind": statement.kind,
        "issuer": statement.issuer,
        "deadline": statement.deadline,
        "accepts_endorsements": statement.accepts_endorsements,
        "title": text.title,
        "subtitle": text.subtitle,
        "body": text.body,
    }
    form = StatementForm(request.POST or None, initial=initial, editing=True)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview = render_markdown(data["body"])
        else:
            try:
                new = actions.save_statement(
                    statement=statement,
                    user=request.user,
                    kind=data["kind"],
                    issuer=data["issuer"],
                    deadline=data["deadline"],
                    title=data["title"],
                    subtitle=data["subtitle"],
                    body=data["body"],
                    change_note=data.get("change_note", ""),
                    accepts_endorsements=data["accepts_endorsements"],
                )
            except ActionError as error:
                form.add_error(None, error.message)
            else:
                if new.version != text.version:
                    messages.success(
                        request,
                        _(
                            "Saved as version %(n)d. Organizations that signed an earlier "
                            "version are asked to confirm again."
                        )
                        % {"n": new.version},
                    )
                else:
                    messages.success(request, _("Saved."))
                return redirect(statement)
    return render(
        request,
        "statements/edit.html",
        {"form": form, "preview": preview, "statement": statement, "text": text},
    )


@require_POST
@login_required
def statement_state(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    require(can_edit_statement(request.user, statement))
    form = StateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a state."))
        return redirect(statement)
    try:
        actions.change_state(
            statement=statement,
            user=request.user,
            state=State(form.cleaned_data["state"]),
            reason=form.cleaned_data["reason"],
        )
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The statement is now “%(state)s”.")
            % {"state": State(form.cleaned_data["state"]).label},
        )
    return redirect(statement)


def statement_diff(request: HttpRequest, slug: str) -> HttpResponse:
    """Any two versions of the original text, changes marked word by word."""
    statement = get_statement_for(request, slug)
    versions = sorted(
        (t for t in statement.texts.all() if t.language == statement.original_language),
        key=lambda t: t.version,
    )
    by_number = {t.version: t for t in versions}
    try:
        new = by_number[int(request.GET.get("to", versions[-1].version))]
        old = by_number[int(request.GET.get("from", max(new.version - 1, 1)))]
    except (KeyError, ValueError, IndexError):
        raise Http404 from None
    return render(
        request,
        "statements/diff.html",
        {
            "statement": statement,
            "old": old,
            "new": new,
            "versions": versions,
            "paragraphs": text_diff(old, new),
        },
    )


def _fields(data: dict) -> dict:
    keys = ("coalition", "kind", "issuer", "language", "title", "subtitle", "body", "deadline")
    keys += ("accepts_endorsements",)
    return {key: data[key] for key in keys}


@login_required
def statement_translate(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    """Write the translation into one language beside the original, seeing what changed."""
    statement = get_statement_for(request, slug)
    if language not in dict(settings.LANGUAGES) or language == statement.original_language:
        raise Http404
    require(can_translate(request.user, statement, language))
    original = statement.current_text()
    current = next((t for t in translations(statement) if t.language == language), None)
    initial = (
        {"title": current.text.title, "subtitle": current.text.subtitle, "body": current.text.body}
        if current
        else {}
    )
    form = TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_translation(
            statement=statement, user=request.user, language=language, **form.cleaned_data
        )
        messages.success(request, _("Translation saved."))
        return redirect(translate_url(statement.get_absolute_url(), language))
    changes = None
    if current and current.is_stale and current.text.translation_of:
        changes = text_diff(current.text.translation_of, original)
    return render(
        request,
        "statements/translate.html",
        {
            "statement": statement,
            "original": original,
            "form": form,
            "current": current,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "changes": changes,
        },
    )
