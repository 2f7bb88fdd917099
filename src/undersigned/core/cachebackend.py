"""Our cache backends: Django's, minus two costs per operation that a busy page pays many times.

- The embedded one is diskcache's, kept open for the life of the process. Django closes every
  cache at the end of each request; for diskcache that closes its SQLite connections, and
  opening them again costs several milliseconds (pragmas, schema checks): about 8 ms on each
  of an endorsement's rate-limit counts, where a count on an open connection costs 0.1 ms. The
  connections are per thread and safe to keep.
- Django's Redis backend builds a new `redis.Redis` client for every operation, and each one
  copies redis-py's table of ~170 response callbacks: ~0.3 ms an operation, four per
  endorsement. One client per connection pool is enough: clients are meant to be kept.
"""

from diskcache import DjangoCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class OpenDiskCache(DjangoCache):
    def close(self, **kwargs) -> None:
        pass

    def __len__(self) -> int:
        """How many entries it holds (what the tests of the page cache count)."""
        return len(self._cache)


class _KeptRedisClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write: bool = False):
        index = self._get_connection_pool_index(write)
        if (client := self._clients.get(index)) is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _KeptRedisClient

    @property
    def kept_client(self) -> _KeptRedisClient:
        """The client that keeps one `redis.Redis` per connection pool."""
        return self._cache
