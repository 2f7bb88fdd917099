"""Signatories named in running text, in scripts with and without capitals (issue 22).

The texts are written here in the shapes of real statements of the corpus (corpus/SOURCES.md,
15, 22, 25, 26); they are not copies of them. Before sentence_list, each parsed to no signatory.
"""

from undersigned.textformat import parse


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_persian_comma_list_with_and_inside_names_and_before_the_last() -> None:
    text = (
        "بیانیه مشترک\n\n"
        "سازمان الف، حزب ب، جبهه ج، حزب آزادی و رفاه، نهاد مردمی و جمعی از فعالان، "
        "امضاکنندگان این بیانیه هستند.\n"
    )
    assert names(text) == [
        "سازمان الف",
        "حزب ب",
        "جبهه ج",
        "حزب آزادی و رفاه",
        "نهاد مردمی",
        "جمعی از فعالان",
    ]


def test_italian_list_inside_a_sentence_stops_before_the_predicate() -> None:
    text = (
        "Appello per il clima\n\n"
        "Questo appello, sottoscritto da Legambiente, Greenpeace Italia, WWF, Arci, "
        "mette in evidenza il problema.\n"
    )
    assert names(text) == ["Legambiente", "Greenpeace Italia", "WWF", "Arci"]


def test_portuguese_articles_are_not_part_of_the_names() -> None:
    text = (
        "Nota das centrais\n\n"
        "Assinam a nota, além da Central Única dos Trabalhadores (CUT), a Força Sindical, "
        "a União Geral dos Trabalhadores (UGT) e a Pública – Central do Servidor.\n"
    )
    doc = parse(text)
    assert [(s.abbreviation, s.name) for s in doc.signatories] == [
        ("CUT", "Central Única dos Trabalhadores"),
        (None, "Força Sindical"),
        ("UGT", "União Geral dos Trabalhadores"),
        (None, "Pública – Central do Servidor"),
    ]


def test_a_year_glued_to_the_first_name_and_and_before_the_last() -> None:
    text = (
        "Campagna\n\n"
        "04 Novembre 2024ACLI, AGESCI, ARCI, Legambiente e Libera lanciano la campagna.\n"
    )
    assert names(text) == ["ACLI", "AGESCI", "ARCI", "Legambiente", "Libera"]


def test_a_list_of_demands_in_lower_case_is_not_a_list_of_signatories() -> None:
    text = (
        "Our demands\n\nWe demand clean air, safe water, fair wages, and decent housing for all.\n"
    )
    assert names(text) == []


def test_the_first_and_last_names_are_less_sure_than_the_middle_ones() -> None:
    text = "Appello\n\nFirmato da Legambiente, Greenpeace Italia, WWF, Arci, mette in evidenza.\n"
    sure = [s.confidence for s in parse(text).signatories]
    assert sure[0] < sure[1] and sure[-1] < sure[1]


def test_a_comma_without_a_space_and_a_lower_case_piece_inside_the_run() -> None:
    text = (
        "Siaran pers\n\n"
        "Jakarta, 5 Mei 2020\n\n"
        "KOPRA, SBTI,SBNI, Lembaga Hijau, LBH Medan, kawan LBH, Aliansi Tani Maju, "
        "Forum Warga, SERIKAT\n"
    )
    assert names(text) == [
        "KOPRA",
        "SBTI",
        "SBNI",
        "Lembaga Hijau",
        "LBH Medan",
        "kawan LBH",
        "Aliansi Tani Maju",
        "Forum Warga",
        "SERIKAT",
    ]


def test_an_ampersand_inside_the_last_name_after_a_spoken_and() -> None:
    text = (
        "Brief aan de minister\n\n"
        "De brief is ondertekend door: Bosgroep, Heidefonds, Duin & Strand, "
        "Stichting Veen en Water & Land. De organisaties vragen om aandacht.\n"
    )
    assert names(text) == [
        "Bosgroep",
        "Heidefonds",
        "Duin & Strand",
        "Stichting Veen",
        "Water & Land",
    ]


def test_quoted_names_and_and_before_the_last_quoted_one() -> None:
    text = (
        "Обращение\n\n"
        "Обращение подписали представители движений «Рассвет», «Вектор», «Мост» и "
        "«Зелёный Город».\n"
    )
    assert names(text) == ["«Рассвет»", "«Вектор»", "«Мост»", "«Зелёный Город»"]


def test_arabic_and_glued_after_the_comma_and_the_words_before_the_first_name() -> None:
    text = (
        "بيان\n\n"
        "وقعت على البيان جمعية النور، ونقابة الأطباء، ومنظمة الدفاع عن البيئة، "
        "واتحاد الكتاب.\n"
    )
    assert names(text) == ["جمعية النور", "نقابة الأطباء", "منظمة الدفاع عن البيئة", "اتحاد الكتاب"]
    text = (
        "بيان\n\nوقع على البيان كل من جمعية النور، نقابة الأطباء، رابطة الفنانين واتحاد الكتاب.\n"
    )
    assert names(text) == ["جمعية النور", "نقابة الأطباء", "رابطة الفنانين", "اتحاد الكتاب"]


def test_a_verb_of_signing_opening_the_sentence_is_not_part_of_the_first_name() -> None:
    text = (
        "Joint letter\n\n"
        "Signed by the Union of Bakers, the League of Potters, the Guild of Weavers "
        "and the Forum of Tailors.\n"
    )
    assert names(text) == [
        "Union of Bakers",
        "League of Potters",
        "Guild of Weavers",
        "Forum of Tailors",
    ]


def test_a_plural_kind_noun_leading_a_line_of_names_under_a_lead_in() -> None:
    text = (
        "Κάλεσμα\n\n"
        "Το κάλεσμα υπογράφουν:\n"
        "Το Κέντρο Εργασίας Πάτρας.\n"
        "Οι Ομοσπονδίες Ναυτικών Ελλάδας, Αρτοποιών - Ζαχαροπλαστών, Ξυλουργών, "
        "Μισθωτών Γραφείων και Καταστημάτων, Υδραυλικών - Θερμοϋδραυλικών - Ψυκτικών, "
        "Εργαζομένων Λιμένων Ελλάδας, Συνταξιούχων Ναυτικών.\n"
    )
    assert names(text) == [
        "Κέντρο Εργασίας Πάτρας",
        "Ναυτικών Ελλάδας",
        "Αρτοποιών - Ζαχαροπλαστών",
        "Ξυλουργών",
        "Μισθωτών Γραφείων και Καταστημάτων",
        "Υδραυλικών - Θερμοϋδραυλικών - Ψυκτικών",
        "Εργαζομένων Λιμένων Ελλάδας",
        "Συνταξιούχων Ναυτικών",
    ]


def test_persian_object_first_countries_in_parentheses_and_the_verb_last() -> None:
    text = (
        "بیانیه\n\n"
        "این بیانیه را حزب نان (ایران)، جنبش باران (ترکیه)، سازمان پل (عراق) و "
        "جبهه کوه (افغانستان) امضا کرده‌اند.\n"
    )
    doc = parse(text)
    assert [(s.name, s.country) for s in doc.signatories] == [
        ("حزب نان", "IR"),
        ("جنبش باران", "TR"),
        ("سازمان پل", "IQ"),
        ("جبهه کوه", "AF"),
    ]
    text = "بیانیه\n\nاین بیانیه را حزب نان، جنبش باران، سازمان پل و جبهه کوه امضا کرده‌اند.\n"
    assert names(text) == ["حزب نان", "جنبش باران", "سازمان پل", "جبهه کوه"]


def test_and_inside_the_last_name_when_every_name_ends_with_its_abbreviation() -> None:
    # "Name (ABBR), …, Name (ABBR) e Name e Name (ABBR).": where every name ends with its
    # parenthesis, the list's "and" follows one; the "e" inside the last name stays.
    text = (
        "Agenda comum\n\n"
        "As entidades signatárias são: Instituto Verde do Sul (IVS), Rede Aberta de Bairros "
        "(RAB), Fórum Popular da Água (FPA), Liga dos Rios (LR) e Associação de Pesca e "
        "Navegação do Norte (APNN).\n"
    )
    doc = parse(text)
    assert [(s.abbreviation, s.name) for s in doc.signatories] == [
        ("IVS", "Instituto Verde do Sul"),
        ("RAB", "Rede Aberta de Bairros"),
        ("FPA", "Fórum Popular da Água"),
        ("LR", "Liga dos Rios"),
        ("APNN", "Associação de Pesca e Navegação do Norte"),
    ]


def test_urdu_lead_in_ends_at_its_postposition_and_taking_part_is_a_cue() -> None:
    # "Among the organisations taking part in the meeting: A، B، C، D،" written as running
    # text: the lead-in ends at the postposition "میں" (in, among), and the first name is
    # all the words after it, longer than the others though it is.
    text = (
        "اجلاس کی خبر\n\n"
        "اجلاس میں شریک تنظیموں میں سندھ اساتذہ اینڈ طلبہ ایسوسی ایشن، "
        "مزدور یونین فیڈریشن پاکستان، کسان رابطہ کمیٹی، شہری حقوق فورم،\n"
    )
    assert names(text) == [
        "سندھ اساتذہ اینڈ طلبہ ایسوسی ایشن",
        "مزدور یونین فیڈریشن پاکستان",
        "کسان رابطہ کمیٹی",
        "شہری حقوق فورم",
    ]


def test_the_paragraph_whose_lead_in_says_taking_part_wins_over_one_that_says_it_after() -> None:
    # "Farmers', workers', teachers' and students' groups took part." names kinds of groups;
    # "Among the organisations taking part: A، B، C، D،" names them: its cue leads in.
    text = (
        "جلسے کی خبر\n\n"
        "جلسے میں کسانوں، مزدوروں، اساتذہ اور طلبہ کی تنظیموں نے شرکت کی۔\n\n"
        "جلسے میں شریک تنظیموں میں کسان اتحاد، مزدور محاذ، اساتذہ فورم، طلبہ یونین،\n"
    )
    assert names(text) == ["کسان اتحاد", "مزدور محاذ", "اساتذہ فورم", "طلبہ یونین"]


def test_arabic_lead_in_ending_with_of_and_a_dash_closing_the_run() -> None:
    # Invented: "the statement, signed by each of, A – unit, B, C, D - stated that …": the
    # piece before the first comma ends with "من" (of), a spaced dash ends the last name.
    text = (
        "وأشار البيان الذى وقع عليه كلا من، حزب النور – لجنة الحريات، حزب الأمل، "
        "جمعية الشباب، مؤسسة العدل والحرية - إلى أن الفترة الأخيرة شهدت انتهاكات كثيرة "
        "للحقوق والحريات فى البلاد وتراجعا كبيرا.\n"
    )
    assert names(text) == [
        "حزب النور – لجنة الحريات",
        "حزب الأمل",
        "جمعية الشباب",
        "مؤسسة العدل والحرية",
    ]
