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
