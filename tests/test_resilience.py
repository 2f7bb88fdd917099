"""The site stays up: bounded diffs, a page cache that cannot be flooded, rate
limits that page caching cannot evict, a health check that checks, a busy database that
answers 503."""

import pytest
from django.core.cache import cache, caches
from django.db import OperationalError
from django.urls import path, reverse

from undersigned.statements import diff
from undersigned.statements.models import Text


def _text(pk: int, body: str, version: int = 1) -> Text:
    return Text(pk=pk, title="T", subtitle="", body=body, version=version, language="en")


def test_a_long_paragraph_is_diffed_by_sentence_and_a_huge_one_whole():
    """Two versions of one 99,000-character paragraph held a worker for 31 s (quadratic)."""
    words = " ".join(["alpha beta gamma delta"] * 400)  # 1,600 words, no sentence end
    sentences = ". ".join(f"Sentence {i} says {words[:40]}" for i in range(300))
    assert len(diff._WORDS.findall(words)) ** 2 > diff.MAX_PAIRS
    changed = diff._words_html(sentences, sentences.replace("Sentence 7 says", "Sentence 7 said"))
    assert "<del>Sentence 7 says" in changed  # a whole sentence, not one word
    whole = diff._words_html(words, words.replace("gamma", "GAMMA", 1))
    assert whole.count("<del>") == 1 and whole.count("<ins>") == 1
    huge = " ".join(["solidarity with the dockers"] * 5000)  # ~140,000 characters
    assert len(diff._words_html(huge, huge + " now")) > 2 * len(huge)


def test_short_paragraphs_are_still_diffed_by_word():
    html = diff._words_html("We call for solidarity.", "We call for unity.")
    assert html == "We call for <del>solidarity.</del><ins>unity.</ins>"


def test_a_diff_is_kept_per_pair_of_versions(db):
    old, new = _text(1, "We call for solidarity."), _text(2, "We call for unity.", 2)
    first = diff.text_diff(old, new)
    assert cache.get(diff._cache_key(old, new)) == first
    # Another text under the same ids (a draft edited) is another entry, never a stale diff.
    edited = _text(2, "We call for peace.", 2)
    assert "peace" in "".join(p.html for p in diff.text_diff(old, edited))


def test_many_paragraphs_are_paired_by_position():
    a = [f"Paragraph {i}." for i in range(3000)]
    b = [*a[:10], "Changed.", *a[11:]]
    ops = diff._paragraph_opcodes(a, b)
    assert ("replace", 10, 11, 10, 11) in ops


def test_the_page_cache_keys_only_on_what_the_page_reads(client, resolution):
    """Every ?utm_source=…, ?fbclid=… left an entry of its own (133,000 of them)."""
    from django.core.cache import caches

    default = caches["default"]
    url = reverse("statement", args=[resolution.slug])
    client.get(url)
    before = len(default)
    for i in range(20):
        response = client.get(f"{url}?utm_source=x{i}&fbclid={i}")
        assert response.status_code == 200
        assert f"fbclid={i}" not in response.content.decode()
    assert len(default) == before
    # A parameter the page reads still makes its own page, for the values it accepts only.
    client.get(f"{url}?order=signed")
    with_signed = len(default)
    assert with_signed > before
    client.get(f"{url}?order=nonsense-{1}")
    client.get(f"{url}?order=nonsense-{2}")
    assert len(default) == with_signed


def test_rate_limits_live_apart_from_the_page_cache():
    """Culling the page cache deleted rate-limit and lockout counters at random."""
    from undersigned.core import ratelimit

    assert ratelimit.hit("someone", 60) == 1
    caches["default"].clear()  # as full a cull as there can be
    assert ratelimit.hits("someone") == 1
    assert caches["limits"] is not caches["default"]


def test_healthz_checks_the_database_and_the_caches(client, db, monkeypatch):
    """/healthz said "ok" while every page answered 500 on a read-only data folder."""
    assert client.get("/healthz").status_code == 200

    def broken(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(caches["limits"], "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and b"readonly" in response.content


def test_healthz_fails_on_a_read_only_database(client, db, settings, tmp_path):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("a read-only SQLite connection is the case reported")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        response = client.get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert response.status_code == 503


def _locked(request):
    raise OperationalError("database is locked")


urlpatterns = [path("locked/", _locked)]


def test_a_busy_database_answers_503_not_500(client, db, settings):
    """A writer that waited its bounded time got a 500; it is a 503 to retry."""
    settings.ROOT_URLCONF = __name__
    response = client.get("/locked/")
    assert response.status_code == 503 and response["Retry-After"]
    assert b"try again" in response.content


def test_the_language_redirect_stays_on_the_site(client, db):
    """GET //evil.example/ with Accept-Language: de answered Location: //evil.example/de/."""
    response = client.get("//evil.example/", HTTP_ACCEPT_LANGUAGE="de")
    assert not (response.status_code == 302 and "evil.example" in response["Location"])
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/de/"


def test_the_organization_list_is_paginated_and_cached(client, db):
    """After a large import /organizations/ was 14.6 MB and took 9 s, uncached."""
    from undersigned.coalitions.models import Organization
    from undersigned.web.coalition_views import ORGANIZATIONS_PER_PAGE

    Organization.objects.bulk_create(
        Organization(
            abbreviation=f"O{i:04d}", name=f"Organization {i:04d}", slug=f"o-{i}", country="DE"
        )
        for i in range(ORGANIZATIONS_PER_PAGE + 5)
    )
    first = client.get("/organizations/")
    html = first.content.decode()
    assert html.count("<li>") <= ORGANIZATIONS_PER_PAGE + 20  # one page, not everything
    assert "Organization 0000" in html and "Organization 0204" not in html
    assert "Organization 0204" in client.get("/organizations/?page=2").content.decode()
    assert "s-maxage" in first["Cache-Control"]


def test_an_export_is_kept_per_last_change(client, resolution, carol, monkeypatch):
    """export.txt of a large list took 20 s, on every download."""
    from undersigned.transfer import views as statement_views

    calls = []
    real = statement_views.export_statement

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(statement_views, "export_statement", counted)
    url = f"/s/{resolution.slug}/export.txt"
    first = client.get(url).content
    assert client.get(url).content == first and len(calls) == 1
    resolution.touch()  # a signature, a withdrawal, a version
    client.get(url)
    assert len(calls) == 2
