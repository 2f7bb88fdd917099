"""A statement's PDF, made off the request path: queued once, rendered under limits, kept.

A request reads what the cache holds for the statement, language, page size and last change:
the PDF, the reason it could not be made, or nothing yet, in which case it queues one render
(a marker in the cache with a short lifetime turns a burst of requests into one task) and
answers "being prepared". The task bounds the document before laying it out, renders it in a
child process with PDF_RENDER_SECONDS of wall time and PDF_RENDER_MEMORY_MB of memory
(core.sandbox) and keeps the PDF or the failure: a text that cannot be laid out costs one
render, not one per request. The CLI renders at once, under the same bounds and limits.
"""

import logging
import re
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.utils import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from undersigned.circulation.pdf import pdf_html
from undersigned.core.errors import ActionError
from undersigned.core.markdown import render_markdown
from undersigned.core.sandbox import LimitExceeded, run_limited
from undersigned.signing.selectors import BY_REGION, signatory_list
from undersigned.statements.models import Statement

log = logging.getLogger(__name__)

# A PDF, or a refusal by the bounds below, is kept until the statement changes (a new key).
KEEP_SECONDS = 7 * 24 * 3600
# A render stopped by its time or memory limit, or by an error, is tried again after this long
# (a quieter machine, higher limits, a fix), not on the next request.
RETRY_FAILED_AFTER = 3600
# A render queued this long ago that left no outcome (its task lost) is queued again.
QUEUED_SECONDS = 600
# The "being prepared" page asks to be loaded again after this many seconds.
RETRY_AFTER = 3

# Bounds checked before anything is laid out. The text's elements (paragraphs, list items,
# emphasis…) are what WeasyPrint's time grows with: 24,750 list items in 99 kB took it minutes.
# A long statement has a few hundred.
MAX_TEXT_ELEMENTS = 3000
MAX_TEXT_CHARS = 300_000

_BOUNDS = ("too_long", "too_many_signatories")
REASONS = {
    "too_long": _(
        "This PDF could not be made: the text is too long for a PDF, with more paragraphs, list "
        "items or characters than one may hold. The statement can still be read on its page."
    ),
    "too_many_signatories": _(
        "This PDF could not be made: the list of signatories is longer than a PDF may hold. "
        "The whole list is on the statement's page."
    ),
    "time": _(
        "This PDF could not be made: the text is too long to lay out in the time a PDF may "
        "take. The statement can still be read on its page."
    ),
    "memory": _(
        "This PDF could not be made: laying out the text needs more memory than a PDF may "
        "take. The statement can still be read on its page."
    ),
    "error": _(
        "This PDF could not be made because of an error, which was recorded for the site's "
        "operators. The statement can still be read on its page."
    ),
}

# One render at a time per process: the worker runs several tasks at once (TASK_THREADS), and
# each render may take PDF_RENDER_MEMORY_MB.
_one_at_a_time = threading.Lock()


class PdfNotMade(ActionError):
    """The PDF was not made; `reason` is a key of REASONS, `message` says it to a reader."""

    def __init__(self, reason: str) -> None:
        super().__init__(str(REASONS[reason]))
        self.reason = reason


@dataclass(frozen=True)
class Outcome:
    """What a render left: the PDF, or the reason (a key of REASONS) it could not be made."""

    pdf: bytes | None = None
    failure: str = ""


def _key(statement: Statement, language: str, size: str) -> str:
    return f"pdf:{statement.pk}:{language}:{size}:{statement.updated_at.timestamp()}"


def kept_outcome(statement: Statement, language: str, size: str) -> Outcome | None:
    value = cache.get(_key(statement, language, size))
    if value is None:
        return None
    kind, payload = value
    return Outcome(pdf=payload) if kind == "pdf" else Outcome(failure=payload)


def ask_for_pdf(statement: Statement, language: str, size: str) -> Outcome | None:
    """The outcome of the render if there is one; else None, and one render is queued."""
    if (outcome := kept_outcome(statement, language, size)) is not None:
        return outcome
    marker = "queued:" + _key(statement, language, size)
    if cache.add(marker, True, QUEUED_SECONDS):  # atomic: only one request gets True
        try:
            render_pdf_task.enqueue(statement.pk, language, size)
        except OperationalError:  # SQLite busy: a later request queues it
            cache.delete(marker)
            log.warning("Could not queue the PDF of %s: the database is busy.", statement.slug)
    return None


def make_pdf(statement: Statement, language: str, size: str = "a4") -> bytes:
    """The PDF, bounded, then laid out in a child process under the limits. Raises PdfNotMade."""
    text = statement.current_text(language)
    body = text.body if text else ""
    elements = len(re.findall(r"<[a-z]", render_markdown(body)))
    if len(body) > MAX_TEXT_CHARS or elements > MAX_TEXT_ELEMENTS:
        raise PdfNotMade("too_long")
    signatories = signatory_list(statement, order=BY_REGION)
    if signatories.count > settings.PDF_MAX_SIGNATORIES:
        raise PdfNotMade("too_many_signatories")
    html = pdf_html(statement, language, size, signatories).encode()
    try:
        with _one_at_a_time:
            return run_limited(
                "undersigned.circulation.pdf_render:html_to_pdf",
                html,
                seconds=settings.PDF_RENDER_SECONDS,
                memory_mb=settings.PDF_RENDER_MEMORY_MB,
            )
    except LimitExceeded as error:
        report = log.error if error.reason == "error" else log.warning
        report("The PDF of %s (%s, %s) was not made: %s", statement.slug, language, size, error)
        raise PdfNotMade(error.reason) from error


@task(queue_name="pdf")
def render_pdf_task(statement_id: int, language: str, size: str) -> str:
    """Make and keep the PDF of the statement as it is now (queued by ask_for_pdf)."""
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None or statement.current_text(language) is None:
        return "gone"
    key = _key(statement, language, size)
    if cache.get(key) is not None:  # queued twice (a marker expired): made already
        return "made already"
    try:
        pdf = make_pdf(statement, language, size)
    except PdfNotMade as refusal:
        keep = KEEP_SECONDS if refusal.reason in _BOUNDS else RETRY_FAILED_AFTER
        cache.set(key, ("failed", refusal.reason), keep)
        return f"not made: {refusal.reason}"
    cache.set(key, ("pdf", pdf), KEEP_SECONDS)
    return f"made: {len(pdf)} bytes"


def pdf_status_response(
    request: HttpRequest, statement: Statement, language: str, outcome: Outcome | None
) -> HttpResponse:
    """The page "being prepared" (202, reloading itself) or why the PDF could not be made (422)."""
    response = render(
        request,
        "circulation/pdf_status.html",
        {
            "statement": statement,
            "text": statement.current_text(language),
            "message": REASONS[outcome.failure] if outcome else "",
            "retry_after": RETRY_AFTER,
        },
        status=422 if outcome else 202,
    )
    if outcome is None:
        response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response
