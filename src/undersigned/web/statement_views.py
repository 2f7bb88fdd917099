from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from undersigned.audit.selectors import events_for_statement
from undersigned.coalitions.permissions import (
    can_edit_statement,
    can_invite_to_sign,
    can_translate,
)
from undersigned.core.pagecache import cache_public_page
from undersigned.endorsements.forms import EndorseForm
from undersigned.endorsements.models import Source
from undersigned.endorsements.stats import endorsement_stats
from undersigned.signing.panel import signing_panel
from undersigned.signing.selectors import BY_REGION, ORDERS, signatory_list
from undersigned.statements.models import Statement
from undersigned.statements.selectors import get_statement_for
from undersigned.statements.translations import text_for_reader, translations
from undersigned.transfer.exporting import FORMATS


def _last_change(request: HttpRequest, slug: str) -> str:
    return Statement.page_version(slug)


# A new signature, withdrawal or version shows at once; endorsement numbers follow their own
# aggregation every few seconds.
@cache_public_page(5, version=_last_change, params={"order": ORDERS})
def statement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for(request, slug)
    order = request.GET.get("order", BY_REGION)
    if order not in ORDERS:
        order = BY_REGION
    # People named in the published list; those who sign here are on their own, paginated page.
    people = statement.endorsements.filter(source=Source.IMPORTED).listed_publicly()
    # Read only when the page's cached list is out of date, or for the signing panel.
    listing = SimpleLazyObject(lambda: signatory_list(statement, order=order))
    reading = text_for_reader(statement, request.LANGUAGE_CODE)
    return render(
        request,
        "web/statement_detail.html",
        {
            "statement": statement,
            "text": reading.text,
            "original": statement.current_text(),
            "reading": reading,
            "translations": translations(statement),
            "translatable": [
                (code, name)
                for code, name in settings.LANGUAGES
                if code != statement.original_language
                and can_translate(request.user, statement, code)
            ],
            "signatories": listing,
            "order": order,
            "people": people,
            "formats": FORMATS,
            "signing": signing_panel(request.user, statement, listing),
            "can_edit": can_edit_statement(request.user, statement),
            "can_invite": can_invite_to_sign(request.user, statement),
            # The newest fifty, shown oldest first.
            "stats": endorsement_stats(statement),
            "endorse_form": EndorseForm(),
            "events": list(events_for_statement(statement).order_by("-id")[:50])[::-1],
        },
    )
