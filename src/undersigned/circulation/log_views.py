"""Addresses of a statement's transparency log, and how a reader checks a list with them.

/.well-known/undersigned-log-key          the instance's public key (name+keyid+base64)
/s/SLUG/log/checkpoint                    the signed checkpoint of the log now
/s/SLUG/log/proof?index=N[&size=M]        an inclusion proof (c2sp.org/tlog-proof)
/s/SLUG/log/consistency?from=M[&to=N]     a consistency proof, one base64 hash a line
/verify_undersigned.py                    the single-file offline verifier
/how-to-check/                            what all this is, in every language
"""

import base64

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from undersigned.statements.selectors import get_statement_for
from undersigned.tlog.merkle import ProofError
from undersigned.tlog.offline import standalone_source
from undersigned.transparency import services
from undersigned.transparency.keys import earlier_keys, public_key_text


def _text(content: str, cache_seconds: int = 60) -> HttpResponse:
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={cache_seconds}"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers in other sites' pages may read
    return response


def _size(request: HttpRequest, name: str, default: int) -> int:
    value = request.GET.get(name, str(default))
    if not value.isdigit():
        raise ValueError(_("“%(name)s” is a whole number.") % {"name": name})
    return int(value)


def log_key(request: HttpRequest) -> HttpResponse:
    return _text(public_key_text() + "\n", cache_seconds=3600)


def log_checkpoint(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    return _text(services.signed_checkpoint(statement.pk))


def log_inclusion(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    current = services.size(statement.pk)
    try:
        index = _size(request, "index", -1)
        size = _size(request, "size", current)
        if not index < size <= current:
            raise ProofError(
                _("The log has %(size)s entries: ask for an index below the size.")
                % {"size": current}
            )
        return _text(services.inclusion(statement.pk, index, size))
    except (ValueError, ProofError) as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


def log_consistency(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    current = services.size(statement.pk)
    try:
        old = _size(request, "from", -1)
        new = _size(request, "to", current)
        if not 0 <= old <= new <= current:
            raise ProofError(
                _("The log has %(size)s entries: ask from an earlier size to a later one.")
                % {"size": current}
            )
        proof = services.consistency(statement.pk, old, new)
    except (ValueError, ProofError) as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    return _text("".join(base64.b64encode(h).decode() + "\n" for h in proof), 3600)


def verifier_script(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(standalone_source(), content_type="text/x-python; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verify_undersigned.py"'
    return response


def how_to_check(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "circulation/how_to_check.html",
        {"public_key": public_key_text(), "earlier_keys": earlier_keys()},
    )
