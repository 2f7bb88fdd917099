"""List shapes of non-Latin statements (issue 22): numbered lines without a dot, lead-ins
ending in a colon, lists in one sentence with the separators of each script.

Every text is written for the test in the shape of a real statement; the names are made up
or generic, never copied from a corpus text.
"""

from __future__ import annotations

from undersigned.textformat import parse
from undersigned.textformat.lines import nonblank_lines, read_marker
from undersigned.textformat.signatories import parse_signatory

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


def test_a_lead_in_with_a_space_before_the_colon_opens_a_list_of_lines() -> None:
    text = (
        f"فراخوان\n\n{BODY_FA}\n"
        "امضاکنندگان این فراخوان عبارتند از :\n"
        "اتحاد دموکراتیک الف\nجنبش جمهوریخواهان دموکرات و لائیک\nحزب تضامن ب\n"
    )
    assert names(text) == [
        "اتحاد دموکراتیک الف",
        "جنبش جمهوریخواهان دموکرات و لائیک",
        "حزب تضامن ب",
    ]


def test_a_lead_in_whose_entries_end_with_a_period_or_a_comma() -> None:
    arabic = (
        f"بيان\n\n{BODY_FA}\n\nوهذه لائحة الجمعيات الموقعة على البيان:\n\n"
        "المنظمة الأولى لحقوق الانسان.\n\nالائتلاف من أجل الحق في الصحة.\n\n"
        "جمعية الثقافة و حقوق الانسان.\n"
    )
    assert names(arabic) == [
        "المنظمة الأولى لحقوق الانسان",
        "الائتلاف من أجل الحق في الصحة",
        "جمعية الثقافة و حقوق الانسان",
    ]
    greek = (
        "Κείμενο\n\nΣήμερα οι οργανώσεις για την προστασία του περιβάλλοντος ενώνουν τη φωνή "
        "τους και δηλώνουν την ανησυχία τους για όσα συμβαίνουν.\n\n"
        "Οι οργανώσεις που συνυπογράφουν：\nΑλκυόνη,\nΑρίων,\nΔράση για την Άγρια Ζωή,\n"
    )
    assert names(greek) == ["Αλκυόνη", "Αρίων", "Δράση για την Άγρια Ζωή"]


def test_persons_ending_with_a_semicolon_under_a_lead_in() -> None:
    text = (
        "Pétition\n\nNous demandons le retrait du projet de loi.\n\n"
        "Plus de 100 personnalités sont les premiers signataires de cette pétition :\n"
        "Jeanne Martin, musicienne ;\nPaul Durand, président de\nl’Association des amis ;\n"
        "Claire Petit, autrice, metteuse en scène et réalisatrice ;\nLéa Roux, avocate ;\n"
    )
    assert names(text) == ["Jeanne Martin", "Paul Durand", "Claire Petit", "Léa Roux"]


def test_a_group_heading_with_a_colon_inside_a_list_is_not_a_lead_in() -> None:
    text = (
        "Declaration\n\nWe hold these truths to be self-evident, that all are created equal.\n\n"
        "- John Hancock\n\nMaryland:\n\n- Samuel Chase\n- William Paca\n- Thomas Stone\n"
    )
    assert "Maryland" not in " ".join(names(text))


def test_ideographic_commas_without_spaces_after_a_heading_line() -> None:
    text = (
        "案内\n\n共同声明に署名してくださったことに感謝もうしあげます。\n\n"
        "<署名参与団体>\n\n京畿進歩連帯、光州進歩連帯、国民主権連帯、釜山民衆連帯、全国農民総連盟、"
        "仁川自主平和連帯、在独平和女性会、全国貧民連合、\n"
    )
    assert names(text) == [
        "京畿進歩連帯",
        "光州進歩連帯",
        "国民主権連帯",
        "釜山民衆連帯",
        "全国農民総連盟",
        "仁川自主平和連帯",
        "在独平和女性会",
        "全国貧民連合",
    ]


def test_a_chinese_lead_in_on_the_same_line_and_the_list_closed_by_a_semicolon() -> None:
    text = (
        "呼籲各國領袖\n\n主辦單位:台灣青年協會、人權促進會、經濟民主連合、司法改革基金會;"
        "辦事處接陳情書代表為新聞主任。\n\n我們呼籲經濟的發展,絕對不能以犧牲人權作為代價。\n"
    )
    assert names(text) == ["台灣青年協會", "人權促進會", "經濟民主連合", "司法改革基金會"]


def test_slashes_separate_where_no_comma_does_but_not_inside_parentheses() -> None:
    text = (
        "賛同人紹介\n\n氏名/所属\n\n"
        "山田太郎(市民連合共同代表) /佐藤花子(弁護士)/鈴木一郎/田中次郎(理事長・元都議会/議員)/"
        "高橋三郎(作家)/伊藤四郎/渡辺五郎(医師)/中村六郎(牧師)/\n"
    )
    found = [s.name for s in parse(text).signatories]
    assert len(found) == 8
    assert found[3].startswith("田中次郎")


def test_commas_inside_a_parenthesis_do_not_split_an_item() -> None:
    text = (
        "Appello\n\nFirmato da Legambiente (Roma, Italia), Greenpeace Italia, WWF, Arci, "
        "mette in evidenza il problema.\n"
    )
    assert len(parse(text).signatories) == 4


def test_names_joined_by_a_glued_and_split_only_before_the_shared_head_word() -> None:
    text = (
        "لقاء\n\n"
        'ومن بين الأحزاب المشاركة كان الحزب الشيوعي "الأول" والحزب الشيوعي في "المدينة" '
        'والحزب الشيوعي "الثالث" وحزب "الرابع" للسلم والديمقراطية والحزب الاشتراكي الخامس '
        "وغيرهم من الأحزاب جميعها جاءت تناصر قضايانا\n"
    )
    assert names(text) == [
        'الحزب الشيوعي "الأول"',
        'الحزب الشيوعي في "المدينة"',
        'الحزب الشيوعي "الثالث"',
        'حزب "الرابع" للسلم والديمقراطية',
        "الحزب الاشتراكي الخامس",
    ]


def test_a_glued_and_between_words_of_prose_is_not_a_list() -> None:
    text = (
        "بيان\n\nتقاطرت على المدينة الوفود العالمية والعمالية وتابعت أعمالها وناقشت "
        "القضايا المطروحة وأصدرت بيانها الختامي\n"
    )
    assert names(text) == []


def test_a_line_under_a_lead_in_that_names_several_bodies_gives_each() -> None:
    text = (
        "Κάλεσμα\n\nΚαλούμε τους εργαζόμενους να συμμετέχουν στη μεγάλη συγκέντρωση.\n\n"
        "Το κάλεσμα μέχρι στιγμής υπογράφουν:\n"
        "Εργατικό Κέντρο Λαυρίου.\n"
        "Οι Ομοσπονδίες Οικοδόμων Ελλάδας, Εργατοϋπαλλήλων Κλωστοϋφαντουργίας Δέρματος, "
        "Μισθωτών Τύπου και Βιομηχανίας Χάρτου, Εργατοϋπαλλήλων Γάλακτος Τροφίμων Ποτών, "
        "Λογιστών, Συνταξιούχων ΙΚΑ Ελλάδος.\n"
    )
    found = names(text)
    assert found[0] == "Εργατικό Κέντρο Λαυρίου"
    assert found[2:] == [
        "Εργατοϋπαλλήλων Κλωστοϋφαντουργίας Δέρματος",
        "Μισθωτών Τύπου και Βιομηχανίας Χάρτου",
        "Εργατοϋπαλλήλων Γάλακτος Τροφίμων Ποτών",
        "Λογιστών",
        "Συνταξιούχων ΙΚΑ Ελλάδος",
    ]


def test_russian_parties_that_took_part_with_lower_case_words_and_a_also() -> None:
    text = (
        "Заседание\n\nВ заседании участвовали представители компартий, — руководство "
        "Коммунистической партии Армении, Коммунистической партии Грузии, Партии коммунистов "
        "Киргизии, Компартии Узбекистана, Коммунистической партии Украины, а также Народного "
        "совета Республики.\n"
    )
    assert names(text) == [
        "Коммунистической партии Армении",
        "Коммунистической партии Грузии",
        "Партии коммунистов Киргизии",
        "Компартии Узбекистана",
        "Коммунистической партии Украины",
        "Народного совета Республики",
    ]


def test_after_a_signing_verb_the_last_name_runs_to_the_end_of_the_sentence() -> None:
    text = (
        "Заявление\n\nЗаявление подписали Мемориал, Московская Хельсинкская группа, Голос "
        "и Союз комитетов солдатских матерей. Они требуют освободить задержанных.\n"
    )
    assert names(text) == [
        "Мемориал",
        "Московская Хельсинкская группа",
        "Голос",
        "Союз комитетов солдатских матерей",
    ]


def test_items_followed_by_their_country_in_parentheses() -> None:
    text = (
        "Statement\n\nThe statement is signed by ActionAid (Kenya), Oxfam (United Kingdom), "
        "Greenpeace (Germany) and WWF (Switzerland).\n"
    )
    found = [(s.name, s.country) for s in parse(text).signatories]
    assert found == [("ActionAid", "KE"), ("Oxfam", "GB"), ("Greenpeace", "DE"), ("WWF", "CH")]


def test_chinese_and_glued_between_the_last_two_names() -> None:
    text = (
        "聲明\n\n簽署團體:台灣人權促進會、經濟民主連合、民間司法改革基金會、台灣勞工陣線、"
        "環境保護聯盟和台灣公民陣線。\n"
    )
    assert names(text)[-2:] == ["環境保護聯盟", "台灣公民陣線"]


def test_peace_is_not_and_inside_a_chinese_name() -> None:
    text = (
        "聲明\n\n簽署團體:台灣人權促進會、經濟民主連合、民間司法改革基金會、台灣勞工陣線、"
        "台灣和平基金會。\n"
    )
    assert names(text)[-1] == "台灣和平基金會"


def test_a_run_of_persons_with_parentheses_that_goes_on_after_as_well_as() -> None:
    text = (
        "Sommet\n\nLe sommet réunissait les dirigeants des confédérations syndicales "
        "Jean Dupont (Président de la CES et de la CGT, France), Ana Pérez (UGT, Espagne), "
        "Piet Jansen (FNV, Pays-Bas), Eva Novak (CMKOS, République tchèque) ainsi que les "
        "responsables des syndicats italiens Maria Rossi (CGIL), Luca Bianchi et "
        "Anna Verdi (UIL).\n"
    )
    assert names(text) == [
        "Jean Dupont",
        "Ana Pérez",
        "Piet Jansen",
        "Eva Novak",
        "Maria Rossi",
        "Luca Bianchi",
        "Anna Verdi",
    ]


def test_a_list_of_demands_under_a_colon_in_the_middle_is_not_the_list() -> None:
    text = (
        "Open letter\n\nWe are writing to you about the new law on associations.\n\n"
        "We demand:\n- Stop the War\n- Free All Prisoners\n- Lift the Sanctions\n\n"
        "The law would weaken civil society in every region of the country and silence the "
        "organizations that defend the rights of workers, of women and of minorities, which "
        "is why we ask the parliament to reject it when it comes to the vote next month.\n\n"
        "Sincerely,\n\nAmnesty International\nAccess Now\nPrivacy International\n"
    )
    assert names(text) == ["Amnesty International", "Access Now", "Privacy International"]


def test_a_lead_in_list_ending_with_commas_is_not_cut_by_a_short_line_with_a_comma() -> None:
    text = (
        "Περιβάλλον\n\nΣήμερα οι οργανώσεις για την προστασία του φυσικού περιβάλλοντος "
        "ενώνουν τη φωνή τους και δηλώνουν την έντονη ανησυχία τους.\n\n"
        "Οι οργανώσεις και φορείς που συνυπογράφουν:\n"
        "Αλκυόνη,\nΑΝΙΜΑ,\nΑρίων,\nΑρκτούρος,\nΑΡΧΕΛΩΝ,\nΔράση για την Άγρια Ζωή,\n"
    )
    assert len(names(text)) == 6


def test_a_trailing_run_does_not_swallow_the_title_and_the_lead_in() -> None:
    text = (
        "Изявление\n\nПодписали:\n\n1. Българска социалистическа партия\n"
        "2. Комунистическа партия на България\n3. Партия на българските комунисти\n"
    )
    assert [(s.number, s.name) for s in parse(text).signatories] == [
        (1, "Българска социалистическа партия"),
        (2, "Комунистическа партия на България"),
        (3, "Партия на българските комунисти"),
    ]


def test_names_in_sentence_case_in_a_run_under_a_lead_in() -> None:
    text = (
        "Заявление\n\nМы требуем освободить задержанных и прекратить преследования.\n\n"
        "Подписи :\nМемориал\nМосковская Хельсинкская группа\nГолос\n"
        "Союз комитетов солдатских матерей\n"
    )
    assert names(text)[-1] == "Союз комитетов солдатских матерей"


def test_hebrew_names_with_the_and_glued_to_the_last_one() -> None:
    text = (
        "מכתב\n\nעל המכתב חתמו האגודה לזכויות האזרח, בצלם, שוברים שתיקה, יש דין "
        "ורופאים לזכויות אדם.\n"
    )
    assert names(text) == [
        "האגודה לזכויות האזרח",
        "בצלם",
        "שוברים שתיקה",
        "יש דין",
        "רופאים לזכויות אדם",
    ]


def test_and_opening_the_last_line_of_a_list_ending_with_commas() -> None:
    greek = (
        "Περιβάλλον\n\nΣήμερα οι οργανώσεις για την προστασία του περιβάλλοντος ενώνουν τη "
        "φωνή τους και δηλώνουν την ανησυχία τους.\n\nΟι οργανώσεις που συνυπογράφουν:\n"
        "Αλκυόνη,\nΑΝΙΜΑ,\nΑρίων,\nκαι ΑΡΧΕΛΩΝ.\n"
    )
    assert names(greek) == ["Αλκυόνη", "ΑΝΙΜΑ", "Αρίων", "ΑΡΧΕΛΩΝ"]
    english = (
        "Statement\n\nWe ask the parliament to reject the law on associations.\n\n"
        "The statement is supported by:\nAmnesty International,\nAccess Now,\n"
        "and Privacy International.\n"
    )
    assert names(english) == ["Amnesty International", "Access Now", "Privacy International"]


def test_a_country_named_mid_line_in_arabic_script() -> None:
    text = (
        "لقاء\n\nشارك في اللقاء:\n- المنبر التقدمي في البحرين\n- الحزب الشيوعي اللبناني\n"
        "- حزب الشعب الفلسطيني\n"
    )
    first = parse(text).signatories[0]
    assert (first.name, first.country) == ("المنبر التقدمي", "BH")
    # "in" inside a name, before no country, stays in the name.
    assert parse_signatory("حزب الشعب في المهجر").country is None


def test_a_short_name_in_parentheses_in_a_script_without_capitals() -> None:
    found = parse_signatory("التجمع من أجل بديل عالمي للتنمية (راد)")
    assert (found.name, found.abbreviation) == ("التجمع من أجل بديل عالمي للتنمية", "راد")
    gloss = parse_signatory("劇団コレ(くじら)")
    assert gloss.abbreviation is None


def test_a_contact_block_under_a_colon_after_the_list_is_not_the_list() -> None:
    text = (
        "Open letter\n\nWe ask the parliament to reject the law on associations, which would "
        "silence civil society.\n\nSincerely,\n\nAmnesty International\nAccess Now\n"
        "Privacy International\n\nPress contact:\nJane Doe\nCampaign Office Berlin\n"
        "Mail jane@example.org\n"
    )
    assert names(text) == ["Amnesty International", "Access Now", "Privacy International"]


def test_small_words_after_the_last_name_in_hindi_and_persian_are_cut() -> None:
    hindi = (
        "भारत बंद\n\nइस बंद का आह्वान इंटक, एटक, एचएमएस, सीटू, टीयूसीसी, सेवा, एलपीएफ और "
        "यूटीयूसी ने किया है। सरकार की नीतियों के खिलाफ यह हड़ताल होगी।\n"
    )
    assert names(hindi)[-2:] == ["एलपीएफ", "यूटीयूसी"]


def test_the_greek_article_before_a_name_under_a_lead_in_goes() -> None:
    text = (
        "Κάλεσμα\n\nΚαλούμε τους εργαζόμενους να συμμετέχουν στη μεγάλη συγκέντρωση.\n\n"
        "Το κάλεσμα υπογράφουν:\nΤο Εργατικό Κέντρο Λαυρίου.\nΗ Ομοσπονδία Οικοδόμων.\n"
        "Ο Σύλλογος Λογιστών.\n"
    )
    assert names(text) == ["Εργατικό Κέντρο Λαυρίου", "Ομοσπονδία Οικοδόμων", "Σύλλογος Λογιστών"]


def test_bare_numbers_count_on_across_a_wrapped_line() -> None:
    lines = nonblank_lines(["1 حزب الف", "و جبهه متحد", "2 سازمان ب", "3 جبهه ج"])
    assert [(line.marked, line.number) for line in lines] == [
        (True, 1),
        (False, None),
        (True, 2),
        (True, 3),
    ]
