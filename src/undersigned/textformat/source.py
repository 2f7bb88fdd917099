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


def decode_source(data: bytes, *, max_bytes: int = 5 * _MB) -> str:
    """Validate raw uploaded bytes and return them as text with "\\n" line ends."""
    if len(data) > max_bytes:
        raise FormatError(f"The file is {_size(len(data))}; the limit is {_size(max_bytes)}.")
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
        raise FormatError("The file is empty.")
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
