"""The benchmark's denominator: /robots.txt goes through the whole middleware stack and touches
neither the database nor a cache (bench/run.py measures every other figure against it). If it
ever did, every "% of the bare request" in BENCHMARKS.md would read better than the code is,
as happened when /healthz, the old yardstick, came to read and write both."""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

SEEN: list[str] = []


class SpyCache(LocMemCache):
    """Records every key asked for: each operation of Django's caches makes its key here."""

    def make_and_validate_key(self, key, version=None):
        SEEN.append(key)
        return super().make_and_validate_key(key, version)


@pytest.fixture
def spied_caches(settings):
    settings.CACHES = {
        name: {"BACKEND": "tests.test_bare_request.SpyCache", "LOCATION": name}
        for name in ("default", "limits")
    }
    SEEN.clear()
    yield SEEN


@pytest.mark.django_db
def test_robots_txt_touches_neither_database_nor_cache(client, spied_caches):
    client.get("/robots.txt")  # a first request may load what every later one reuses
    spied_caches.clear()
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="de")
    assert answer.status_code == 200
    assert answer["Content-Security-Policy"], "it went through the middleware stack"
    assert [q["sql"] for q in queries.captured_queries] == []
    assert spied_caches == []


@pytest.mark.django_db
def test_the_spy_sees_a_request_that_does_use_the_cache(client, spied_caches):
    """The check above can fail: /healthz, which writes two caches, is seen."""
    client.get("/healthz")
    assert spied_caches
