"""Signatories headings in the languages beyond the first seven of the format, and names in
sentence case under them ("Kuća ljudskih prava", "Rädda barnen").

Every statement here is written for the test; the organizations' names are invented or
common public names.
"""

from __future__ import annotations

import pytest

from undersigned.textformat import parse, render_text

# language: (title, body, names)
STATEMENTS = {
    "pl": (
        "Wspólne oświadczenie w sprawie praw pracowniczych",
        "Wzywamy rząd do natychmiastowego wycofania projektu ustawy, który ogranicza prawa "
        "pracownicze i wolność zrzeszania się.",
        ["Związek nauczycieli wiejskich", "Fundacja wolnego słowa", "Stowarzyszenie Klon"],
    ),
    "nl": (
        "Gezamenlijke verklaring over klimaatbeleid",
        "Wij roepen het kabinet op om de klimaatdoelen niet af te zwakken en de uitstoot "
        "sneller te verminderen.",
        ["Vereniging leefbaar dorp", "Stichting schone rivieren", "Milieudefensie"],
    ),
    "ro": (
        "Scrisoare deschisă privind statul de drept",
        "Solicităm Parlamentului să respingă modificările aduse legilor justiției, care "
        "slăbesc independența procurorilor.",
        ["Asociația cetățenilor activi", "Centrul pentru resurse juridice", "Expert Forum"],
    ),
    "el": (
        "Κοινή δήλωση για το περιβάλλον",
        "Καλούμε την κυβέρνηση να αποσύρει το νομοσχέδιο που απειλεί τις προστατευόμενες "
        "περιοχές της χώρας.",
        ["Ελληνική ορνιθολογική εταιρεία", "Σύλλογος φίλων του δάσους", "Καλλιστώ"],
    ),
    "ru": (
        "Совместное заявление правозащитных организаций",
        "Мы требуем немедленно освободить всех задержанных участников мирных акций и "
        "прекратить их преследование.",
        ["Комитет против пыток", "Гражданское содействие", "Союз солдатских матерей"],
    ),
    "hu": (
        "Közös nyilatkozat a civil szervezetek védelmében",
        "Felszólítjuk a kormányt, hogy vonja vissza a civil szervezetek működését korlátozó "
        "törvényjavaslatot.",
        ["Társaság a szabadságjogokért", "Városi kertek egyesülete", "Zöld kör"],
    ),
    "sv": (
        "Gemensamt uttalande om asylrätten",
        "Vi uppmanar regeringen att dra tillbaka förslaget som begränsar rätten att söka "
        "asyl i Sverige.",
        ["Rädda barnen", "Svenska kyrkans unga", "Föreningen för öppna gränser"],
    ),
    "fi": (
        "Yhteinen kannanotto",
        "Vaadimme hallitusta perumaan esityksen, joka heikentää työntekijöiden oikeuksia ja "
        "lakko-oikeutta.",
        ["Suomen opettajien liitto", "Kylätoiminnan verkosto", "Akava"],
    ),
    "hr": (
        "Zajednička izjava organizacija civilnog društva",
        "Pozivamo Vladu da povuče prijedlog zakona koji ograničava rad udruga i slobodu "
        "okupljanja.",
        ["Kuća ljudskih prava", "Centar za mirovne studije", "Zelena akcija"],
    ),
    "ar": (
        "بيان مشترك حول حرية التعبير",
        "نطالب السلطات بالإفراج الفوري عن جميع الصحفيين المعتقلين ووقف الملاحقات القضائية بحقهم.",
        ["الشبكة العربية للمعلومات", "مركز الدراسات القانونية", "مؤسسة حرية الفكر"],
    ),
    "id": (
        "Pernyataan bersama masyarakat sipil",
        "Kami mendesak DPR untuk menunda pengesahan rancangan undang-undang yang mengancam "
        "kebebasan sipil.",
        ["Lembaga bantuan hukum rakyat", "Jaringan petani muda", "KontraS"],
    ),
    "he": (
        "הצהרה משותפת של ארגוני זכויות אדם",
        "אנו קוראים לממשלה לבטל את הצעת החוק המגבילה את פעילותם של ארגוני החברה האזרחית.",
        ["האגודה לזכויות האזרח", "רופאים לזכויות אדם", "עמותת שכנים טובים"],
    ),
}

HEADINGS = [
    ("pl", "Sygnatariusze"),
    ("pl", "Podpisali:"),
    ("nl", "Ondertekenaars"),
    ("nl", "Ondertekend door:"),
    ("ro", "Semnatari"),
    ("ro", "Semnează:"),
    ("el", "Υπογράφουν"),
    ("ru", "Подписали"),
    ("ru", "Подписанты:"),
    ("hu", "Aláírók"),
    ("sv", "Undertecknare"),
    ("sv", "Undertecknat av:"),
    ("fi", "Allekirjoittajat"),
    ("hr", "Potpisnici"),
    ("hr", "Potpisnice:"),
    ("ar", "الموقعون"),
    ("id", "Penandatangan"),
    ("id", "Penandatangan:"),
    ("he", "החתומים"),
    ("he", "על החתום:"),
]


@pytest.mark.parametrize(("language", "heading"), HEADINGS)
def test_a_heading_in_the_statements_language_opens_the_list(language, heading):
    title, body, names = STATEMENTS[language]
    text = f"{title}\n\n{body}\n\n{heading}\n" + "\n".join(names) + "\n"
    doc = parse(text)
    assert [s.name for s in doc.signatories] == names
    assert doc.title == title
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def test_the_heading_is_no_entry_and_the_body_stays_the_body():
    title, body, names = STATEMENTS["hr"]
    text = f"{title}\n\n{body}\n\nPotpisnici\n" + "\n".join(names) + "\n"
    doc = parse(text)
    assert "Potpisnici" not in [s.name for s in doc.signatories]
    assert body in doc.body


def test_a_sentence_with_a_signing_word_opens_no_list():
    # "Podpisy zbieramy do końca miesiąca." is a sentence about signing, not a heading.
    title, body, _names = STATEMENTS["pl"]
    text = f"{title}\n\n{body}\n\nPodpisy zbieramy do końca miesiąca w całym kraju.\n\n{body}\n"
    assert parse(text).signatories == []


@pytest.mark.parametrize(
    ("language", "closing"),
    [("ar", "مع خالص التحية،"), ("he", "בברכה,"), ("pl", "Z poważaniem"), ("nl", "Hoogachtend")],
)
def test_a_closing_formula_in_the_statements_language_is_followed_by_the_list(language, closing):
    # Scripts without capitals have no "short capitalized line ending with a comma" to go by:
    # the formula itself must be known.
    title, body, names = STATEMENTS[language]
    text = f"{title}\n\n{body}\n\n{closing}\n\n" + "\n".join(names) + "\n"
    assert [s.name for s in parse(text).signatories] == names


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        ("참여단체", ["참여연대", "민주사회를 위한 변호사모임", "한국진보연대"]),
        ("参加団体", ["日本労働組合総連合会", "全国労働組合総連合", "日本弁護士連合会"]),
        ("参与团体：", ["中国人权捍卫者", "国际特赦组织", "人权观察"]),
    ],
)
def test_a_cjk_heading_of_the_organizations_taking_part(heading, names):
    text = "共同声明\n\n我们呼吁政府立即撤回法案。\n\n" + heading + "\n" + "\n".join(names) + "\n"
    assert [s.name for s in parse(text).signatories] == names
