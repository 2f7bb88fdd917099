"""Signers in a flattened table where a date cell closes each entry (issue 22)."""

from undersigned.textformat import parse
from undersigned.textformat.dated_cells import dated_cells
from undersigned.textformat.lines import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(i, t, False, None, t) for i, t in enumerate(texts)]


def test_persian_two_columns() -> None:
    found = dated_cells(
        _lines(
            "نام تاريخ نام تاريخ",
            "انجمن دانشجويان آزاد ۱۲/۰۳ کانون نويسندگان تبعيدي ۱۲/۰۳",
            "حزب مردم سبز ۱۳/۰۳ جمعيت دفاع از زندانيان ۱۴/۰۳",
        )
    )
    assert found is not None
    assert found[1] == [
        "انجمن دانشجويان آزاد",
        "کانون نويسندگان تبعيدي",
        "حزب مردم سبز",
        "جمعيت دفاع از زندانيان",
    ]


def test_latin_one_column() -> None:
    found = dated_cells(
        _lines("Union of Weavers 03/05", "Harbour Residents Group 03/05", "Ana Moreno 04/05")
    )
    assert found is not None and found[1][2] == "Ana Moreno"


def test_arabic_indic_with_year() -> None:
    found = dated_cells(
        _lines("جمعية النهضة ٠٣/٠٥/٢٠١٠ رابطة الكتاب ٠٤/٠٥/٢٠١٠", "نادي الشباب ٠٥/٠٥/٢٠١٠")
    )
    assert found is not None and len(found[1]) == 3


def test_schedule_with_times_gives_nothing() -> None:
    lines = _lines("Opening 10.30 Lunch 12.30", "Talks by 3 speakers 14.00 Close 17.00")
    assert dated_cells(lines) is None


def test_single_line_gives_nothing() -> None:
    assert dated_cells(_lines("Alpha Group 01/02 Beta Group 01/02 Gamma Group 02/02")) is None


def test_prose_with_a_date_gives_nothing() -> None:
    lines = _lines(
        "The statement was published on 12/03 and many groups joined it later",
        "It was read out on 14/03",
    )
    assert dated_cells(lines) is None


def test_parse_finds_the_table() -> None:
    text = (
        "بيانيه مشترک\n\n"
        "ما امضاکنندگان اين بيانيه از همه مي خواهيم که در انتخابات شرکت نکنند، "
        "زيرا اين انتخابات آزاد نيست و حقوق مردم، آزادي ها و عدالت را ناديده مي گيرد.\n"
        "امضا ها\n\n"
        "تاريخ تاريخ\n"
        "انجمن دانشجويان آزاد ۱۲/۰۳ کانون نويسندگان تبعيدي ۱۲/۰۳\n"
        "حزب مردم سبز ۱۳/۰۳ جمعيت دفاع از زندانيان ۱۴/۰۳\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == [
        "انجمن دانشجويان آزاد",
        "کانون نويسندگان تبعيدي",
        "حزب مردم سبز",
        "جمعيت دفاع از زندانيان",
    ]
