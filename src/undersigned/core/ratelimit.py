"""Rate limits and log-in throttling, and the client address they count by.

Counters live in the "limits" cache, apart from the page cache: however many pages are cached,
no counter is evicted to make room (an evicted counter is a limit lifted). Redis when REDIS_URL
is set, else an SQLite-backed store under var/ that every process of one machine shares. A fixed
window per key: one add and one incr, each O(1). Keys are hashed: they hold e-mail addresses
and client addresses, which have no business lying around in a cache folder.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

LIMITS = "limits"


def limits_cache():
    return caches[LIMITS]


def client_ip(request: HttpRequest) -> str:
    """The address of the person, not of our proxy.

    X-Forwarded-For is trusted only through the number of proxies the settings name: each proxy
    appends the address it received from, so the one we want is that many places from the right.
    Anything further left came from the client and may be forged.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, key: str) -> str:
    return f"{kind}:{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def hit(key: str, window_seconds: int) -> int:
    """Count one hit on key in the current window; the number of hits so far."""
    cache, cache_key = limits_cache(), _key("rl", key)
    if cache.add(cache_key, 1, window_seconds):  # the first hit: one operation, not two
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        return 1


def hits(key: str) -> int:
    """Hits on key in the current window, without counting one."""
    return limits_cache().get(_key("rl", key), 0)


def reset(key: str) -> None:
    limits_cache().delete(_key("rl", key))


def over_limit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit on key; True once more than `limit` hits fall in the current window."""
    if limit <= 0:
        return False
    return hit(key, window_seconds) > limit


def would_exceed(key: str, limit: int) -> bool:
    """Whether one more hit on key would be over its limit, without counting it."""
    return limit > 0 and hits(key) >= limit


def set_not_before(key: str, seconds: float) -> None:
    """Refuse key until `seconds` from now (a growing delay after failures)."""
    limits_cache().set(_key("nb", key), time.time() + seconds, int(seconds) + 1)


def wait_left(key: str) -> float:
    """Seconds until key may be tried again; 0 when it may now."""
    until = limits_cache().get(_key("nb", key), 0)
    return max(0.0, until - time.time())
