"""Models to the API's dictionaries, from what the selectors already loaded."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from undersigned.coalitions.models import Coalition, Organization
from undersigned.signing.models import Signature
from undersigned.signing.selectors import SignatoryList
from undersigned.statements.models import State, Statement


def absolute(request: HttpRequest, path: str) -> str:
    """From SITE_URL, not the client's Host header."""
    return settings.SITE_URL.rstrip("/") + path


def organization(request: HttpRequest, org: Organization) -> dict:
    return {
        "slug": org.slug,
        "abbreviation": org.abbreviation,
        "name": org.name,
        "name_en": org.name_en,
        "country": org.country.code or "",
        "region": org.region,
        "website": org.website,
        "url": absolute(request, org.get_absolute_url()),
    }


def coalition(request: HttpRequest, item: Coalition, *, members: bool = False) -> dict:
    data = {
        "slug": item.slug,
        "abbreviation": item.abbreviation,
        "name": item.name,
        "description": item.description,
        "website": item.website,
        "url": absolute(request, item.get_absolute_url()),
        "member_count": getattr(item, "member_count", None) or item.members.count(),
    }
    if members:
        ordered = item.members.order_by("country", "abbreviation", "name")
        data["members"] = [organization(request, org) for org in ordered]
    return data


def statement(request: HttpRequest, item: Statement) -> dict:
    text = item.current_text()
    return {
        "slug": item.slug,
        "url": absolute(request, item.get_absolute_url()),
        "kind": item.kind,
        "state": item.state_now,
        "coalition": item.coalition.slug if item.coalition else None,
        "issuer": item.issuer,
        "issued_on": item.issued_on,
        "original_language": item.original_language,
        "title": text.title if text else "",
        "subtitle": text.subtitle if text else "",
        "signatory_count": getattr(item, "signatory_count", None)
        if hasattr(item, "signatory_count")
        else Signature.objects.active().filter(statement=item).count(),
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def statement_detail(request: HttpRequest, item: Statement) -> dict:
    texts = sorted(item.texts.all(), key=lambda t: (t.language, -t.version))
    by_id = {t.pk: t for t in texts}
    return {
        **statement(request, item),
        "deadline": item.deadline,
        "withdrawn_reason": item.withdrawn_reason,
        "languages": sorted({t.language for t in texts}),
        "texts": [
            {
                "language": t.language,
                "version": t.version,
                "title": t.title,
                "subtitle": t.subtitle,
                "body": t.body,
                "translates_version": by_id[t.translation_of_id].version
                if t.translation_of_id in by_id
                else None,
                "created_at": t.created_at,
            }
            for t in texts
        ],
        "pdf_url": absolute(request, reverse("statement-pdf", args=[item.slug])),
        "feed_url": absolute(request, reverse("feed-statement", args=[item.slug])),
        "embed_url": absolute(request, reverse("statement-embed", args=[item.slug])),
    }


def signatories(request: HttpRequest, item: Statement, listing: SignatoryList) -> dict:
    return {
        "as_of": listing.as_of,
        "count": listing.count,
        "further_signatories_possible": item.state == State.OPEN,
        "groups": [
            {
                "name": str(group.name) if group.name else None,
                "entries": [
                    {
                        "number": entry.number,
                        "organization": organization(request, entry.organization),
                        "signed_version": entry.signature.text.version,
                        "signed_at": entry.signature.signed_at,
                    }
                    for entry in group.entries
                ],
            }
            for group in listing.groups
        ],
        "withdrawn": [
            {
                "organization": organization(request, s.organization),
                "withdrawn_at": s.withdrawn_at,
                "reason": s.withdrawal_reason,
            }
            for s in listing.withdrawn
        ],
    }


def signature(request: HttpRequest, item: Signature) -> dict:
    return {
        "statement": item.statement.slug,
        "organization": organization(request, item.organization),
        "signed_version": item.text.version,
        "signed_at": item.signed_at,
        "withdrawn_at": item.withdrawn_at,
    }
