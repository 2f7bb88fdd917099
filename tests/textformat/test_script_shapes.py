"""List shapes of non-Latin statements (issue 22): numbered lines without a dot, lead-ins
ending in a colon, lists in one sentence with the separators of each script.

Every text is written for the test in the shape of a real statement; the names are made up
or generic, never copied from a corpus text.
"""

from __future__ import annotations

from undersigned.textformat import parse
from undersigned.textformat.lines import nonblank_lines, read_marker

BODY_FA = (
    "در این نشست نمایندگان احزاب و سازمان های سیاسی برنامه های خود را برای همکاری مشترک "
    "به بحث گذاشتند و بر ادامه مبارزه مشترک در جهت تحقق حقوق مردم تاکید نمودند."
)


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_markers_in_any_digits_and_with_a_dash() -> None:
    assert read_marker("۱۲. حزب الف") == (True, 12, "حزب الف")
    assert read_marker("١٢) حزب ب") == (True, 12, "حزب ب")
    assert read_marker("3- جبهه ج") == (True, 3, "جبهه ج")
    assert read_marker("3 - جبهه ج") == (True, 3, "جبهه ج")


def test_a_bare_number_is_a_marker_only_in_a_counting_run() -> None:
    lines = nonblank_lines(["1 حزب الف", "", "2 سازمان ب", "25 March 2006 was cold"])
    assert [(line.marked, line.number, line.content) for line in lines] == [
        (True, 1, "حزب الف"),
        (True, 2, "سازمان ب"),
        (False, None, "25 March 2006 was cold"),
    ]
    lonely = nonblank_lines(["3 members agreed on the text."])
    assert not lonely[0].marked


def test_numbered_lines_without_a_dot_in_persian_digits() -> None:
    text = (
        f"اطلاعیه\n\n{BODY_FA}\n\nامضاء کنندگان:\n\n"
        "۱ سازمان اتحاد ملی\n\n۲ حزب مردم\n\n۳ جبهه ملی\n\n۴ جنبش فدرال دمکرات\n"
    )
    doc = parse(text)
    assert [(s.number, s.name) for s in doc.signatories] == [
        (1, "سازمان اتحاد ملی"),
        (2, "حزب مردم"),
        (3, "جبهه ملی"),
        (4, "جنبش فدرال دمکرات"),
    ]
