"""Search: statements by the words of any of their texts, in any language, and organizations and
coalitions by name or country, accents and case ignored ("cote" finds "Côte d'Ivoire").

One interface, two engines: SQLite's FTS5 in the embedded mode, PostgreSQL's full-text search at
scale (the indexes of search/migrations/: 0001 for texts, 0002 for organizations). Both rank;
the snippets are cut and marked here, the same way for both, from the text as it reads (no
Markdown marks).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django_countries import countries

from undersigned.coalitions.models import Coalition, Organization
from undersigned.core.l10n import local_list
from undersigned.signing.models import Signature
from undersigned.statements.blockdiff import text_blocks
from undersigned.statements.models import Statement, Text

MAX_TERMS = 8
MAX_SIGNERS = 20  # organizations whose statements a query may list ("party" names hundreds)
_WORD = re.compile(r"\w+")
_TOKENS = re.compile(r"\w+|\W+")


def fold(text: str) -> str:
    """Lower case without accents: "Côte" and "COTE" both become "cote"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms_of(query: str) -> list[str]:
    """The words of a query, folded; operators and punctuation mean nothing here."""
    return _WORD.findall(fold(query))[:MAX_TERMS]


@dataclass
class Hit:
    statement_id: int
    text_id: int
    score: float  # higher is better


def _sqlite_hits(terms: list[str], limit: int) -> list[Hit]:
    # Every word must occur, as a word or the start of one; bm25 is lower for better matches,
    # and a word in the title counts more than one in the body.
    match = " ".join(f'"{term}"*' for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.statement_id, t.id, bm25(web_text_search, 10.0, 4.0, 1.0) AS score "
            "FROM web_text_search JOIN statements_text t ON t.id = web_text_search.rowid "
            "WHERE web_text_search MATCH %s ORDER BY score LIMIT %s",
            [match, limit],
        )
        return [Hit(statement, text, -score) for statement, text, score in cursor.fetchall()]


def _postgres_hits(terms: list[str], limit: int) -> list[Hit]:
    # The same expression as the index, so that the index serves the query.
    vector = "to_tsvector('simple', web_unaccent(title || ' ' || subtitle || ' ' || body))"
    query = " & ".join(f"{term}:*" for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT statement_id, id, ts_rank({vector}, q) "
            "+ ts_rank(to_tsvector('simple', web_unaccent(title)), q) AS score "
            f"FROM statements_text, to_tsquery('simple', %s) q WHERE {vector} @@ q "
            "ORDER BY score DESC LIMIT %s",
            [query, limit],
        )
        return [Hit(statement, text, float(score)) for statement, text, score in cursor.fetchall()]


def text_hits(terms: list[str], limit: int = 200) -> list[Hit]:
    """The texts that hold every term, best first."""
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _postgres_hits(terms, limit)
    return _sqlite_hits(terms, limit)


def snippet(text: Text, terms: list[str], words_around: int = 12) -> SafeString:
    """A few words of the text around the first match, the matching words marked."""
    readable = " ".join(block.text for block in text_blocks(text))
    tokens = _TOKENS.findall(readable)

    def matches(token: str) -> bool:
        folded = fold(token)
        return bool(_WORD.fullmatch(token)) and any(folded.startswith(t) for t in terms)

    first = next((i for i, token in enumerate(tokens) if matches(token)), 0)
    start, end = max(0, first - 2 * words_around), first + 4 * words_around
    parts = ["…"] if start else []
    for token in tokens[start:end]:
        parts.append(f"<mark>{escape(token)}</mark>" if matches(token) else escape(token))
    if end < len(tokens):
        parts.append("…")
    return mark_safe("".join(parts).strip())


def search_statements(query: str, statements, limit: int) -> list[Statement]:
    """Public statements whose texts hold every word of the query, best first, each with the
    `snippet` of its best text; then those signed by an organization the query names ("MLPD"),
    each with `signed_by`, the names of those organizations. `statements` is the queryset to
    take them from."""
    terms = terms_of(query)
    best: dict[int, Hit] = {}
    for hit in text_hits(terms):
        if hit.statement_id not in best or hit.score > best[hit.statement_id].score:
            best[hit.statement_id] = hit
    found = {s.pk: s for s in statements.filter(pk__in=best)}
    ranked = sorted(found.values(), key=lambda s: -best[s.pk].score)[:limit]
    texts = Text.objects.in_bulk([best[s.pk].text_id for s in ranked])
    for statement in ranked:
        statement.snippet = snippet(texts[best[statement.pk].text_id], terms)
    if len(ranked) < limit:
        ranked += _signed_by_organizations(terms, statements, {s.pk for s in ranked}, limit)
    return ranked[:limit]


def _signed_by_organizations(terms: list[str], statements, known: set[int], limit: int):
    signers = _organizations_matching(terms)[:MAX_SIGNERS]
    signatures = (
        Signature.objects.active()
        .filter(organization__in=signers)
        .exclude(statement__in=known)
        .select_related("organization")
    )
    by_statement: dict[int, list[Organization]] = {}
    for signature in signatures:
        by_statement.setdefault(signature.statement_id, []).append(signature.organization)
    signed = list(statements.filter(pk__in=by_statement)[:limit])
    for statement in signed:
        statement.signed_by = local_list([str(o) for o in by_statement[statement.pk]])
    return signed


@lru_cache(maxsize=16)
def _country_words(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((code, tuple(_WORD.findall(fold(str(name))))) for code, name in countries)


def _countries_named(term: str) -> list[str]:
    """The codes of the countries whose name in the reader's language has a word that starts
    with the term ("cote" names CI)."""
    named = _country_words(get_language() or "en")
    return [code for code, words in named if any(word.startswith(term) for word in words)]


def _name_holds(term: str) -> Q:
    """Organizations with a word starting with the term in their abbreviation, name or English
    name, found by the index of search/migrations/0002_organization_search.py."""
    if connection.vendor == "postgresql":
        # The same expression as the index, so that the index serves the query.
        sql = (
            "SELECT id FROM coalitions_organization WHERE to_tsvector('simple', "
            "web_unaccent(abbreviation || ' ' || name || ' ' || name_en)) "
            "@@ to_tsquery('simple', %s)"
        )
        return Q(pk__in=RawSQL(sql, [f"{term}:*"]))
    sql = "SELECT rowid FROM search_organization WHERE search_organization MATCH %s"
    return Q(pk__in=RawSQL(sql, [f'"{term}"*']))


def _organizations_matching(terms: list[str]):
    """Every term in the abbreviation, the name, the English name or the country's name in the
    reader's language."""
    found = Organization.objects.all()
    for term in terms:
        codes = _countries_named(term)
        found = found.filter(
            _name_holds(term) | Q(country__in=codes) if codes else _name_holds(term)
        )
    return found


def search_organizations(query: str, limit: int) -> list[Organization]:
    """Organizations by abbreviation, name, English name or country name in the reader's
    language, accents and case ignored; the database finds them."""
    terms = terms_of(query)
    if not terms:
        return []
    return list(_organizations_matching(terms)[:limit])


def _holds_all(terms: list[str], *fields: str) -> bool:
    words = _WORD.findall(fold(" ".join(f for f in fields if f)))
    return all(any(word.startswith(term) for word in words) for term in terms)


def search_coalitions(query: str) -> list[Coalition]:
    """Coalitions by abbreviation or name: a short list, folded in Python."""
    terms = terms_of(query)
    if not terms:
        return []
    return [c for c in Coalition.objects.all() if _holds_all(terms, c.abbreviation, c.name)]
