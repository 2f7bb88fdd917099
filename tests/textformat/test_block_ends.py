"""What ends a run of entries, and what does not (issue 22): a date between two runs of
signatures, a word cut short where the copied text stops. The texts are invented."""

from __future__ import annotations

from undersigned.textformat import parse

BODY = (
    "Мы требуем немедленно освободить всех задержанных участников мирной акции и прекратить "
    "давление на независимые организации, которые помогают их семьям."
)


def test_a_dated_line_between_two_runs_of_signatures_and_a_cut_off_last_line() -> None:
    text = (
        f"{BODY}\n"
        "Союз Северных Садоводов;\n"
        "Общество Любителей Книги;\n"
        "Клуб Речных Туристов;\n"
        "Фонд Городских Парков.\n"
        "12 апреля 2011 г. Тверь\n"
        "Лига Юных Шахматистов;\n"
        "Ассоциация Сельских Учителей;\n"
        "Движение Чистый Берег;\n"
        "Комитет Защиты Прав Жильцов;\n"
        "Объединение Волонтёров Севера;\n"
        "чл\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == [
        "Союз Северных Садоводов",
        "Общество Любителей Книги",
        "Клуб Речных Туристов",
        "Фонд Городских Парков",
        "Лига Юных Шахматистов",
        "Ассоциация Сельских Учителей",
        "Движение Чистый Берег",
        "Комитет Защиты Прав Жильцов",
        "Объединение Волонтёров Севера",
    ]
    assert doc.body[-1] == "12 апреля 2011 г. Тверь"


def test_and_glued_to_the_last_line_below_commas_and_an_article_after_and() -> None:
    text = (
        "بيان تضامني\n\n"
        "نطالب السلطات بالإفراج الفوري عن جميع المعتقلين واحترام حق التظاهر السلمي "
        "وحرية التعبير في كل المدن.\n\n"
        "الجمعيات الموقعة على البيان:\n"
        "جمعية الفجر،\n"
        "نقابة الصيادلة،\n"
        "وكالة الأخبار المستقلة،\n"
        "ورابطة الشعراء.\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == ["جمعية الفجر", "نقابة الصيادلة", "وكالة الأخبار المستقلة", "رابطة الشعراء"]
    text = (
        "Appel\n\n"
        "Nous demandons la libération immédiate de tous les prisonniers politiques.\n\n"
        "Les organisations signataires :\n"
        "Réseau Soleil (France),\n"
        "Collectif Lune (Belgique),\n"
        "et le Groupe Étoile (Suisse).\n"
    )
    doc = parse(text)
    assert [(s.name, s.country) for s in doc.signatories][-1] == ("Groupe Étoile", "CH")
