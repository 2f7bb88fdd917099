"""Rate limits through Django's cache, and the client address they count by.

The cache is Redis when REDIS_URL is set, else files under var/, which all processes on one
machine share. A fixed window per key: one add and one incr, no hashing, so it stays cheap on
the signing path.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


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


def over_limit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit on key; True once more than `limit` hits fall in the current window."""
    if limit <= 0:
        return False
    cache_key = f"rl:{key}"
    cache.add(cache_key, 0, window_seconds)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        hits = 1
    return hits > limit
