"""Lists inside one pair of quotes, lists of countries, and two signers joined by "and" as
the subject of a joint statement (issue 22).

Invented texts in the shapes of real statements; none is copied from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.quoted_lists import country_run, quoted_runs


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_persian_list_inside_curly_quotes_is_bounded_by_them() -> None:
    text = (
        "بیانیه مشترک درباره حقوق کارگران\n\n"
        "چند تشکل از جمله “سندیکای کارگران نانوا، انجمن معلمان و مربیان شیراز، شورای "
        "بازنشستگان تبریز، کانون صنفی رانندگان و جمعی از فعالان مدنی” در این باره بیانیه "
        "مشترک را امضا کردند.\n"
    )
    assert names(text) == [
        "سندیکای کارگران نانوا",
        "انجمن معلمان و مربیان شیراز",
        "شورای بازنشستگان تبریز",
        "کانون صنفی رانندگان",
        "جمعی از فعالان مدنی",
    ]


def test_arabic_list_inside_guillemets() -> None:
    text = (
        "بيان مشترك\n\n"
        "وقعت عدة منظمات «جمعية النور، رابطة الحقوقيين، نقابة الصحفيين، مركز الدراسات "
        "و منتدى الشباب» على هذا البيان المشترك.\n"
    )
    assert names(text) == [
        "جمعية النور",
        "رابطة الحقوقيين",
        "نقابة الصحفيين",
        "مركز الدراسات",
        "منتدى الشباب",
    ]


def test_quoted_runs_need_four_pieces() -> None:
    assert quoted_runs("Sie riefen „Frieden, Brot und Land“ in den Straßen.") == []
    runs = quoted_runs("Signed by “Alpha Group, Beta Union, Gamma League, Delta Forum” today.")
    assert [run.pieces for run in runs] == [
        ["Alpha Group", "Beta Union", "Gamma League", "Delta Forum"]
    ]


def test_a_list_of_countries_is_not_a_list_of_signers() -> None:
    assert country_run(["Australia", "Canada", "Sweden", "Italy"])
    assert country_run(["Deutschland", "Frankreich", "Italien", "Globale Allianz"])
    assert not country_run(["Oxfam", "Greenpeace", "Amnesty France", "Attac"])
    assert not country_run(["Oxfam", "Kenya", "Brasil", "Attac", "Greenpeace", "WWF", "Arci"])
    # Each body with its country after a comma: half of the items are countries.
    assert not country_run(["Oxfam", "Kenya", "Attac", "Uganda", "Arci", "Tanzania"])
    assert not country_run(
        ["Norway", "Kenya", "Chile"], "The governments of Norway, Kenya and Chile signed."
    )


def test_english_list_inside_guillemets() -> None:
    text = (
        "Joint appeal on water\n\n"
        "The appeal was signed by several groups, among them «River Watch, Clean Water Now, "
        "Delta Farmers Union and Blue Planet Trust», on Monday.\n"
    )
    assert names(text) == [
        "River Watch",
        "Clean Water Now",
        "Delta Farmers Union",
        "Blue Planet Trust",
    ]


def test_bengali_countries_where_the_signers_live_give_no_entries() -> None:
    text = (
        "প্রবাসী নেতাদের যৌথ বিবৃতি\n\n"
        "অস্ট্রেলিয়া, কানাডা, সুইডেন, ইতালি, বেলজিয়াম ও ফিনল্যান্ডের প্রবাসী নেতারা এক "
        "যৌথ বিবৃতিতে সংলাপের আহবান জানিয়েছেন।\n"
    )
    assert names(text) == []


def test_japanese_countries_where_supporters_work_give_no_entries() -> None:
    text = (
        "平和共同声明について\n\n"
        "現在、日本、韓国、台湾、タイ、マレーシア、インドネシアで活動する20の団体から"
        "賛同が寄せられています。\n"
    )
    assert names(text) == []


def test_spanish_countries_named_in_a_statement_give_no_entries() -> None:
    text = (
        "Declaración conjunta\n\n"
        "La declaración fue firmada por organizaciones de Argentina, Chile, Perú, "
        "Colombia y México.\n"
    )
    assert names(text) == []


def test_japanese_two_senders_as_the_subject_not_the_recipients() -> None:
    text = (
        "市民平和会議と農民連合は、各国の首相と大使館などに「平和共同声明」を届けました。\n"
        "以下はその声明に添えた手紙です。\n\n"
        "私たちは平和を願う市民の団体です。\n"
    )
    assert names(text) == ["市民平和会議", "農民連合"]


def test_japanese_pair_without_a_statement_is_no_pair() -> None:
    text = "山田市と川口町は、来年の祭りについて話し合いました。\n\n天気は晴れでした。\n"
    assert names(text) == []


def test_chinese_title_of_two_governments_keeps_ji_inside_a_name() -> None:
    text = (
        "公文写作范例\n\n"
        "例:\n\n"
        "甲共和国政府和北方及南方联合王国政府关于渔业合作的联合声明\n\n"
        "甲共和国政府和北方及南方联合王国政府回顾了两国之间的友好关系。\n"
    )
    assert names(text) == ["甲共和国政府", "北方及南方联合王国政府"]


def test_chinese_subject_pair_issuing_a_statement() -> None:
    text = "两会声明\n\n青年环保协会与城市居民联合会共同发表声明，呼吁保护湿地。\n"
    assert names(text) == ["青年环保协会", "城市居民联合会"]


def test_korean_and_cased_titles_of_a_joint_statement() -> None:
    korean = (
        "환경운동연합과 시민행동네트워크의 공동성명\n\n우리는 기후 위기에 대응할 것을 촉구한다.\n"
    )
    english = (
        "Joint statement by Coastal Rights Network and Fishers Union of Lamu\n\n"
        "We call on the government to protect the coast.\n"
    )
    french = (
        "Déclaration commune de Terre Solidaire et Alliance Paysanne\n\n"
        "Nous demandons au gouvernement de protéger les semences.\n"
    )
    assert names(korean) == ["환경운동연합", "시민행동네트워크"]
    assert names(english) == ["Coastal Rights Network", "Fishers Union of Lamu"]
    assert names(french) == ["Terre Solidaire", "Alliance Paysanne"]


def test_a_statement_of_the_two_governments_unnamed_is_no_pair() -> None:
    text = (
        "Joint statement of the two governments\n\nWe met in Geneva and agreed to work together.\n"
    )
    assert names(text) == []


def test_a_statement_of_two_bodies_in_lower_case_is_no_pair() -> None:
    text = "Joint statement of the unions and the employers\n\nWe agree on wages.\n"
    assert names(text) == []


def test_a_quoted_slogan_is_no_list() -> None:
    text = (
        "Rally in the square\n\n"
        "Thousands gathered on Sunday and chanted “Bread, Work, Freedom, Dignity” until dark.\n"
    )
    assert names(text) == []
