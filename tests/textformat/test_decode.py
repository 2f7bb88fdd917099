from __future__ import annotations

import pytest

from undersigned.textformat import FormatError, check_recognizable, decode_source, parse


def test_it_decodes_utf8_and_normalizes_line_ends():
    assert decode_source(b"\xef\xbb\xbfTitle\r\nLine\rEnd\n") == "Title\nLine\nEnd\n"
    assert decode_source("Côte d'Ivoire".encode()) == "Côte d'Ivoire"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_it_rejects_empty_files(data):
    with pytest.raises(FormatError, match="empty"):
        decode_source(data)


def test_it_rejects_files_over_the_limit_with_sizes():
    with pytest.raises(FormatError) as error:
        decode_source(b"a" * int(7.2 * 1024 * 1024))
    assert error.value.message == "The file is 7.2 MB; the limit is 5 MB."


def test_it_rejects_binary_files():
    with pytest.raises(FormatError, match="binary"):
        decode_source(b"PK\x03\x04\x00\x00 zip")
    with pytest.raises(FormatError, match="binary"):
        decode_source(bytes(range(1, 32)) * 20)


def test_it_names_the_line_and_position_of_a_bad_byte():
    data = b"Title\n\nLa d\xc3\xa9claration\ncaf\xe9 au lait"
    with pytest.raises(FormatError) as error:
        decode_source(data)
    assert error.value.line == 4
    assert error.value.message == (
        "Line 4 is not valid UTF-8 (byte 0xe9 at position 4). Save the file as UTF-8 and try again."
    )


def test_it_says_when_no_statement_is_found():
    with pytest.raises(FormatError, match=r"^No statement found"):
        check_recognizable(parse("\n\n2021-09-15\n"))
    check_recognizable(parse("A title"))
