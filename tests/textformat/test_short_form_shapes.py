"""Short forms that tell where a body's name starts and ends (issue 22): a name holding
"and" that a sentence's list split there, and a Devanagari short form spelled by syllables.
Invented examples, several languages, and near-misses that must stay apart."""

from undersigned.textformat import parse
from undersigned.textformat.short_form_joins import rejoined
from undersigned.textformat.short_forms import is_parenthesized_abbreviation


def test_and_inside_a_body_name_english() -> None:
    text = "The Union of Engineers and Architects (UEA) spoke, then Bob."
    items = ["Teachers Guild (TG)", "Union of Engineers", "Architects (UEA)"]
    assert rejoined(items, "Teachers Guild (TG), Union of Engineers and Architects (UEA).") == [
        "Teachers Guild (TG)",
        "Union of Engineers and Architects (UEA)",
    ]
    assert rejoined(["Union of Engineers", "Architects (UEA)"], text) == [
        "Union of Engineers and Architects (UEA)"
    ]


def test_and_inside_a_body_name_spanish_and_turkish() -> None:
    text = "Firmaron la Liga Obrera (LO) y Colegio de Médicos y Enfermeros (CME)."
    items = ["Liga Obrera (LO)", "Colegio de Médicos", "Enfermeros (CME)"]
    assert rejoined(items, text)[-1] == "Colegio de Médicos y Enfermeros (CME)"
    text = "Eğitim Sendikası (ES) ve Yazarlar ve Çevirmenler Derneği (YÇD) açıkladı."
    items = ["Eğitim Sendikası (ES)", "Yazarlar", "Çevirmenler Derneği (YÇD)"]
    assert rejoined(items, text)[-1] == "Yazarlar ve Çevirmenler Derneği (YÇD)"


def test_two_bodies_joined_by_and_stay_two() -> None:
    text = "Signed by Alpha Union and Beta Club (BC) today."
    assert rejoined(["Alpha Union", "Beta Club (BC)"], text) == ["Alpha Union", "Beta Club (BC)"]


def test_sentence_with_and_inside_a_name_parses_whole() -> None:
    text = (
        "Teachers Guild (TG), Nurses Federation (NF), Drivers Union (DU) and Union of "
        "Engineers and Architects (UEA) signed the joint statement on wages.\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names[-1] == "Union of Engineers and Architects"


def test_devanagari_short_form_by_syllables() -> None:
    assert is_parenthesized_abbreviation("एआईयूटीयूसी", "ऑल इंडिया यूनाइटेड ट्रेड यूनियन सेंटर")
    assert is_parenthesized_abbreviation("एचएमएस", "हिंद मजदूर सभा")
    # A long word in brackets is a gloss, not a short form.
    assert not is_parenthesized_abbreviation("राष्ट्रीयकरणवादियों", "हिंद मजदूर सभा")
