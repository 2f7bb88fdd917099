"""A few signers named after "among them are -", in South Asian scripts (issue 22).

Invented texts in the shape of a news report on a joint statement; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.among_runs import among_entries


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_bengali_run_broken_off_keeps_the_complete_names() -> None:
    text = (
        "প্রবাসী নেতাদের যৌথ বিবৃতি\n\n"
        "প্রবাসী নেতারা এক যৌথ বিবৃতিতে সংলাপের আহবান জানিয়েছেন।\n"
        "যৌথ বিবৃতিতে আহবানকারীদের মধ্যে রয়েছেন- কানাডা প্রবাসী করিম উদ্দিন আহমেদ, "
        "রফিকুল ইসলাম খান, ঢাকা সমিতির সাবেক সভাপতি "
    )
    found = parse(text).signatories
    assert [s.name for s in found] == ["করিম উদ্দিন আহমেদ", "রফিকুল ইসলাম খান"]
    assert found[0].country == "CA"


def test_hindi_two_names_in_a_closed_sentence() -> None:
    paragraph = "बयान पर हस्ताक्षर करने वालों में शामिल हैं: सुनीता देवी और रमेश कुमार।"
    assert among_entries(paragraph, ends_text=False) == ["सुनीता देवी", "रमेश कुमार"]


def test_urdu_two_names_after_a_colon() -> None:
    paragraph = "مشترکہ بیان پر دستخط کرنے والوں میں شامل ہیں: احمد علی اور فاطمہ بی بی۔"
    assert among_entries(paragraph, ends_text=False) == ["احمد علی", "فاطمہ بی بی"]


def test_among_without_a_statement_names_no_signers() -> None:
    paragraph = "মেলায় অতিথিদের মধ্যে রয়েছেন- করিম উদ্দিন, রফিকুল ইসলাম।"
    assert among_entries(paragraph, ends_text=False) == []


def test_an_open_run_inside_the_text_is_not_read() -> None:
    # No sentence end, yet text follows: a heading or a broken line, not a cut-off run.
    paragraph = "যৌথ বিবৃতিতে স্বাক্ষরকারীদের মধ্যে রয়েছেন- করিম উদ্দিন, রফিকুল ইসলাম"
    assert among_entries(paragraph, ends_text=False) == []
