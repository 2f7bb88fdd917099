"""Our cache backends keep what Django would throw away per operation (an open diskcache, a
redis client) and still count rate limits exactly, in the embedded mode and on Redis."""

import socket
import time

import pytest
from django.core.cache import caches

from undersigned.core import ratelimit
from undersigned.core.cachebackend import RedisCache


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_limits(settings):
    if not _redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        ratelimit.LIMITS: {
            "BACKEND": "undersigned.core.cachebackend.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"test-{time.monotonic_ns()}",
        },
    }
    # Changing CACHES makes Django build its caches anew.
    yield caches[ratelimit.LIMITS]
    caches[ratelimit.LIMITS].clear()


def _counts_exactly():
    key = f"someone-{time.monotonic_ns()}"
    assert [ratelimit.hit(key, 60) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.hits(key) == 3
    assert not ratelimit.over_limit(key, 4, 60) and ratelimit.over_limit(key, 4, 60)
    ratelimit.reset(key)
    assert ratelimit.hits(key) == 0 and ratelimit.hit(key, 60) == 1


def test_the_embedded_limits_survive_the_end_of_a_request():
    _counts_exactly()
    caches.close_all()  # what Django does after every request
    key = f"after-{time.monotonic_ns()}"
    ratelimit.hit(key, 60)
    caches.close_all()
    assert ratelimit.hit(key, 60) == 2


def test_a_window_ends_on_time():
    key = f"window-{time.monotonic_ns()}"
    assert ratelimit.hit(key, 1) == 1
    time.sleep(1.1)
    assert ratelimit.hit(key, 1) == 1


def test_redis_limits_count_exactly_with_one_kept_client(redis_limits):
    _counts_exactly()
    client = redis_limits.kept_client
    assert client.get_client() is client.get_client(write=True)
    assert isinstance(redis_limits, RedisCache)
