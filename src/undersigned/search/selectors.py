"""Search: statements by the words of any of their texts, in any language, and organizations and
coalitions by name or country, accents and case ignored ("cote" finds "Côte d'Ivoire").

One interface, two engines: SQLite's FTS5 in the embedded mode, PostgreSQL's full-text search at
scale (the index of search/migrations/0001_text_search.py). Both rank; the snippets are cut and
marked here, the same way for both, from the text as it reads (no Markdown marks).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from undersigned.coalitions.models import Coalition, Organization
from undersigned.statements.blockdiff import text_blocks
from undersigned.statements.models import Statement, Text

MAX_TERMS = 8
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
    `snippet` of its best text. `statements` is the queryset to take them from."""
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
    return ranked


def _holds_all(terms: list[str], *fields: str) -> bool:
    words = _WORD.findall(fold(" ".join(f for f in fields if f)))
    return all(any(word.startswith(term) for word in words) for term in terms)


def search_organizations(query: str, limit: int) -> list[Organization]:
    """Organizations by abbreviation, name, English name or country name in the reader's
    language. Folded in Python: the list of organizations is short, and so the same on both
    databases."""
    terms = terms_of(query)
    if not terms:
        return []
    found = [
        organization
        for organization in Organization.objects.all()
        if _holds_all(
            terms,
            organization.abbreviation,
            organization.name,
            organization.name_en,
            str(organization.country.name) if organization.country else "",
        )
    ]
    return found[:limit]


def search_coalitions(query: str) -> list[Coalition]:
    terms = terms_of(query)
    if not terms:
        return []
    return [c for c in Coalition.objects.all() if _holds_all(terms, c.abbreviation, c.name)]
