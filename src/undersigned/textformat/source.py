"""Turning uploaded bytes into text, with messages a person can act on."""

from __future__ import annotations

import unicodedata


class FormatError(ValueError):
    """A file or text that cannot be read as a statement."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_MB = 1024 * 1024


def _size(n: int) -> str:
    if n >= _MB:
        value = f"{n / _MB:.1f}".removesuffix(".0")
        return f"{value} MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def _sizes(size: int, limit: int) -> tuple[str, str]:
    """Both sizes, one decimal; in bytes when that shows no difference (5 MB and one byte)."""
    shown = _size(size), _size(limit)
    if shown[0] == shown[1] and size != limit:
        return f"{size:,} bytes", f"{limit:,} bytes"
    return shown


def _looks_binary(data: bytes) -> bool:
    # NUL never occurs in text; otherwise judge a sample by its share of control bytes
    # (tab, newline, carriage return and form feed are ordinary in text files).
    if b"\x00" in data:
        return True
    sample = data[:65536]
    allowed = {9, 10, 12, 13}
    controls = sum(1 for b in sample if (b < 32 and b not in allowed) or b == 127)
    return controls > max(8, len(sample) // 10)


# No name, title or paragraph of a statement comes near this; a longer line is a file
# without line breaks or not a statement, and would only make every later step slow.
MAX_LINE_CHARACTERS = 20_000

# What one request (the import page, the API) reads, parses, plans and shows row by row in a
# few seconds (412,000 lines took 25 s to preview and outlived the API's worker). Longer lists
# are imported in parts, or from the command line, which has no request to outlive.
MAX_LINES = 2_000


def check_line_count(text: str) -> None:
    """Raise FormatError for a text of more than MAX_LINES lines."""
    count = text.count("\n") + 1
    if count > MAX_LINES:
        raise FormatError(
            f"The text has {count:,} lines; an import reads at most {MAX_LINES:,} lines at once. "
            "Split the list into parts and import them one after the other: the same statement "
            "imported again adds only what is new."
        )


def check_line_lengths(text: str) -> None:
    """Raise FormatError for a line longer than MAX_LINE_CHARACTERS, saying which one."""
    if len(text) <= MAX_LINE_CHARACTERS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARACTERS:
            raise FormatError(
                f"Line {number} is {len(line):,} characters long; a line can have at most "
                f"{MAX_LINE_CHARACTERS:,}. A signatory's name or a paragraph is never that long: "
                "check that the file has one signatory per line and line breaks between "
                "paragraphs.",
                line=number,
            )


def decode_source(
    data: bytes, *, max_bytes: int = 5 * _MB, size: int | None = None, pasted: bool = False
) -> str:
    """Validate raw uploaded bytes and return them as text with "\\n" line ends.

    `size`: the whole file's size, when only its first max_bytes + 1 bytes were read. `pasted`:
    the text was pasted, not a file, and the messages say so.
    """
    what = "The pasted text" if pasted else "The file"
    size = len(data) if size is None else size
    if size > max_bytes:
        shown, limit = _sizes(size, max_bytes)
        raise FormatError(f"{what} is {shown}; the limit is {limit}.")
    if _looks_binary(data):
        raise FormatError(
            "The file looks like a binary file, not plain text. "
            "Save the statement as plain text (UTF-8) and try again."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - line_start + 1
        raise FormatError(
            f"Line {line} is not valid UTF-8 (byte 0x{data[error.start]:02x} at position "
            f"{column}). Save the file as UTF-8 and try again.",
            line=line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FormatError(f"{what} is empty.")
    check_line_lengths(text)
    # Control characters decoded fine but are still a sign of a binary file.
    controls = sum(
        1 for ch in text[:65536] if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f"
    )
    if controls > max(8, min(len(text), 65536) // 10):
        raise FormatError(
            "The file looks like a binary file, not plain text. "
            "Save the statement as plain text (UTF-8) and try again."
        )
    return text
