"""collectstatic without what no page loads: source maps, and ReDoc from django-ninja's folder
(the API docs use Swagger UI), and without compressing Swagger UI, which only developers read.
With them, `serve` spent 18 s of CPU at every start instead of 5."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# What `serve` leaves out of collectstatic (an operator's own collectstatic may keep them).
NOT_COLLECTED = ["*.map", "redoc.standalone.js"]


def _without_source_maps(patterns):
    return tuple(
        (glob, tuple(p for p in rules if "sourceMappingURL" not in str(p)))
        for glob, rules in patterns
    )


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed files whose `sourceMappingURL` comments are left alone: the maps
    are not collected, and a reference to a missing file would stop collectstatic."""

    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)

    def compress_files(self, paths):
        # Brotli on the 1.5 MB Swagger bundle, twice (hashed and not), cost most of the start.
        return super().compress_files([path for path in paths if not path.startswith("ninja/")])
