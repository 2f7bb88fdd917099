"""Reading a statement file for the parse and import commands."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from undersigned.textformat import Document, FormatError, check_recognizable, decode_source, parse


def read_document(path: str) -> Document:
    """Read, validate and parse FILE ("-" for standard input); CommandError says what is wrong."""
    text = read_text(path)
    try:
        document = parse(text)
        check_recognizable(document)
    except FormatError as error:
        raise CommandError(f"{path}: {error.message}") from None
    return document


def read_text(path: str) -> str:
    """Read and validate FILE ("-" for standard input) as text; CommandError says what is wrong."""
    limit = settings.IMPORT_MAX_BYTES
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(path).open("rb") as f:
                data = f.read(limit + 1)
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a file.") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror}).") from None
    try:
        size = None if path == "-" else Path(path).stat().st_size
        return decode_source(data, max_bytes=limit, size=size)
    except FormatError as error:
        raise CommandError(f"{path}: {error.message}") from None
