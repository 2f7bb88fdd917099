"""The embedded cache backend: diskcache's, kept open for the life of the process."""

from diskcache import DjangoCache


class OpenDiskCache(DjangoCache):
    """Django closes every cache at the end of each request; for diskcache that closes its
    SQLite connections, and opening them again costs several milliseconds (pragmas, schema
    checks): about 8 ms on each of an endorsement's rate-limit counts, where a count on an open
    connection costs 0.1 ms. The connections are per thread and safe to keep; nothing is held
    between requests but the open file."""

    def close(self, **kwargs) -> None:
        pass
