"""List shapes the finder missed (fourth round, batch H/I development files): each test text
is invented for the test, in several languages where the shape applies."""

from __future__ import annotations

import pytest

from undersigned.textformat import parse
from undersigned.textformat.contacts import contact_line
from undersigned.textformat.headings import footer_line


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def _abbreviations(text: str) -> list[str | None]:
    return [s.abbreviation for s in parse(text).signatories]


# --- Name (ABBR) paragraphs closing a statement, then a site's contact block -------------

_SHORT_FORM_CLOSINGS = [
    (
        "We call on the authorities to respect the will of the people and to end the "
        "pressure on elected representatives at once.",
        [
            "Confederation of Progressive Workers (CPW)",
            "Union of Public Servants (UPS)",
            "Chamber of Engineers and Architects (CEA)",
            "Medical Association of the North (MAN)",
        ],
        "CONTACT: PWU – Public Welfare Workers' Union",
        "12 Harbour Road, Floor 3, 10020 Porttown Phone: (0212) 555 12 34 E-mail: info",
    ),
    (
        "Yetkilileri derhal halkın iradesine saygı göstermeye ve hak ihlallerine son "
        "vermeye çağırıyoruz.",
        [
            "Devrimci Emekçi Sendikaları Konfederasyonu (DESK)",
            "Kamu Çalışanları Birliği (KÇB)",
            "Mimarlar ve Mühendisler Odası (MMO)",
        ],
        "İLETİŞİM: SHE – Sosyal Hizmet Emekçileri Sendikası",
        "Kavaklıdere, Çiçek Sok. No:5 D: 2, 06680 Ankara Telefon: (0312) 444 55 66",
    ),
    (
        "Nous appelons le gouvernement à respecter la volonté des électeurs et à cesser "
        "toute pression sur les élus.",
        [
            "Confédération des travailleurs unis (CTU)",
            "Union syndicale des services publics (USSP)",
            "Ordre des architectes du Sud (OAS)",
        ],
        "Contact : SPS – Syndicat des personnels de santé",
        "8 rue des Lilas, 75011 Paris Tél. : 01 23 45 67 89",
    ),
]


@pytest.mark.parametrize(("body", "entries", "label", "address"), _SHORT_FORM_CLOSINGS)
def test_name_with_short_form_paragraphs_close_the_statement_before_a_contact_block(
    body, entries, label, address
):
    text = "\n\n".join([body, *entries, f"{label}\n{address}"]) + "\n"
    expected = [entry.rsplit(" (", 1)[0] for entry in entries]
    assert _names(text) == expected
    assert _abbreviations(text) == [entry.rsplit("(", 1)[1].rstrip(")") for entry in entries]


def test_two_short_form_paragraphs_are_too_few_to_close_a_statement():
    body = (
        "We call on the authorities to respect the will of the people and to end the "
        "pressure on elected representatives at once."
    )
    entries = "Confederation of Progressive Workers (CPW)\n\nUnion of Public Servants (UPS)"
    text = f"{body}\n\n{entries}\n"
    assert _names(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "Contact: Jane Doe, press officer",
        "İLETİŞİM: SES – Sağlık Emekçileri Sendikası",
        "Kontakt: Pressestelle",
        "Contacto: prensa",
    ],
)
def test_a_contact_label_with_its_colon_is_a_footer(line):
    assert footer_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "12 Harbour Road, 10020 Porttown Phone: (0212) 555 12 34",
        "Necatibey Cad. No:82 D: 4, 06420 Ankara Telefon: (0312) 232 61 22 e-Posta: x",
        "8 rue des Lilas, 75011 Paris Tél. : 01 23 45 67 89",
        "Hauptstraße 5, 10115 Berlin, Tel. +49 30 1234567",
    ],
)
def test_an_address_with_a_phone_number_is_a_contact_line(line):
    assert contact_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Union of Telephone Workers (UTW)",
        "Federation of Telecommunication Unions, Phone House, Lagos",
        "Türk Tabipleri Birliği (TTB)",
    ],
)
def test_a_name_with_a_phone_word_is_no_contact_line(line):
    assert not contact_line(line)


# --- a byline naming the issuers; a list that ends "and others" is only a mention ----------

_BYLINES = [
    (
        "Joint statement on behalf of ActionAid, Oxfam, CAFOD, Tearfund, and Save the Children",
        "The letter has been signed by the heads of Oxfam, CAFOD, Tearfund, Christian Aid "
        "and others and sets out several demands to the minister.",
        ["ActionAid", "Oxfam", "CAFOD", "Tearfund", "Save the Children"],
    ),
    (
        "Communiqué commun au nom de Greenpeace, WWF, Attac, LDH et Amis de la Terre",
        "La lettre a été signée par les dirigeants de WWF, Attac, Greenpeace, Oxfam et "
        "d'autres et formule plusieurs critiques contre le gouvernement.",
        ["Greenpeace", "WWF", "Attac", "LDH", "Amis de la Terre"],
    ),
]


@pytest.mark.parametrize(("byline", "body", "expected"), _BYLINES)
def test_a_byline_on_behalf_of_names_the_issuers_not_a_partial_mention(byline, body, expected):
    text = f"Charities criticise the government\n\n12 May 2011\n\n{byline}\n\n{body}\n"
    assert _names(text) == expected


# --- three bodies with their articles as the subject of a sentence -----------------------

_SUBJECTS = [
    (
        "Berlin (dpa) – Auf der Versammlung des Deutschen Lehrerverbands (DLV) haben sich der "
        "DLV, der Bundesverband Freier Schulen (BFS) und die GEW - Gewerkschaft Erziehung und "
        "Wissenschaft erneut klar gegen die Kürzungen der Landesregierung gestellt. Die Verbände "
        "fordern mehr Geld, wie sie betonen.",
        ["DLV", "Bundesverband Freier Schulen", "Gewerkschaft Erziehung und Wissenschaft"],
    ),
    (
        "Lyon (AFP) – Lors du congrès de la Fédération des usagers (FDU), la FDU, "
        "l'Association des familles rurales (AFR) et la CNL - Confédération Nationale du "
        "Logement se sont de nouveau opposées au projet du ministre. Les fédérations demandent "
        "un moratoire, selon elles.",
        ["FDU", "Association des familles rurales", "Confédération Nationale du Logement"],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), _SUBJECTS)
def test_three_bodies_with_articles_as_a_sentences_subject(paragraph, expected):
    text = f"Verbände warnen vor Kürzungen\n\n{paragraph}\n\nMehr dazu später.\n"
    assert _names(text) == expected


# --- bodies written one after the other with spaces only, in Arabic script ---------------

_AR_LIST = [
    "الجمعية الوطنية لحماية البيئة بتونس",
    "حزب العمال التونسي",
    "المنظمة الديمقراطية للشغل",
    "لجنة تحضيرية رابطة المواطنة للحقوق",
    "الرابطةالتونسية للدفاع عن الحريات",
    "جمعية النساء الديمقراطيات",
]
_FA_LIST = [
    "سازمان دانشجویان آزادیخواه ایران",
    "حزب سبزهای مردمی",
    "کانون نویسندگان مستقل",
    "انجمن معلمان آزاده تهران",
]


def test_arabic_bodies_written_with_spaces_only_after_a_lead_in():
    lead = "بيان مشترك للعديد من الهيئات الحقوقية والنقابية:"
    body = "يتابع الموقعون بقلق ما يجري في البلاد ويطالبون بالإفراج عن المعتقلين فورا."
    text = f"{lead} {' '.join(_AR_LIST)}. {body}\n"
    names = _names(text)
    # The glued article stays as written; "لجنة تحضيرية" (no definite word) is not a name
    # alone: the committee of the league that follows.
    assert names == _AR_LIST


def test_arabic_bodies_written_with_spaces_only_as_a_line_of_their_own():
    body = "يتابع الموقعون بقلق ما يجري في البلاد ويطالبون بالإفراج عن المعتقلين فورا."
    text = f"{' '.join(_AR_LIST[:4])}.\n\n{body}\n"
    assert _names(text) == _AR_LIST[:4]


def test_persian_bodies_written_with_spaces_only_after_a_lead_in():
    lead = "بیانیه مشترک تشکل‌های زیر:"
    body = "ما خواستار آزادی فوری همه زندانیان سیاسی هستیم."
    text = f"{lead} {' '.join(_FA_LIST)}. {body}\n"
    assert _names(text) == _FA_LIST


def test_arabic_prose_that_names_bodies_is_no_list():
    text = (
        "دعت الجمعية الوطنية الحزب الحاكم في البلاد إلى احترام المنظمة النقابية ولجنة "
        "الحوار والرابطة المحلية من أجل حل الأزمة.\n"
    )
    assert _names(text) == []


@pytest.mark.parametrize("line", ["Contacto Ciudadano (CC)", "İletişim Emekçileri Sendikası"])
def test_a_name_opening_with_a_contact_word_and_no_colon_is_no_footer(line):
    assert footer_line(line) is None
