"""The archive: every public statement, filterable and paginated; the home page links to it."""

import datetime

from undersigned.statements.actions import change_state, create_statement
from undersigned.statements.models import State, Statement
from undersigned.statements.translations import save_translation


def _closed(user, coalition, n: int) -> list[Statement]:
    made = []
    for i in range(n):
        statement = create_statement(
            user=user,
            coalition=coalition,
            kind="declaration",
            issuer="",
            language="en",
            title=f"Old declaration {i}",
            subtitle="",
            body="Words.",
        )
        change_state(statement=statement, user=user, state=State.OPEN)
        change_state(statement=statement, user=user, state=State.CLOSED)
        made.append(statement)
    return made


def test_every_public_statement_is_reachable_page_by_page(client, carol, icor, draft, resolution):
    _closed(carol, icor, 25)
    assert 'href="/archive/"' in client.get("/").content.decode()
    first = client.get("/archive/").content.decode()
    assert "26 statements" in first  # 25 declarations and the resolution; never the draft
    assert draft.current_text().title not in first
    assert first.count('class="card"') == 20
    second = client.get("/archive/?page=2").content.decode()
    assert second.count('class="card"') == 6
    titles = {f"Old declaration {i}" for i in range(25)} | {resolution.current_text().title}
    shown = {t for t in titles if t in first + second}
    assert shown == titles


def test_the_archive_filters_by_coalition_kind_state_year_and_language(
    client, carol, icor, resolution, cipoml_statement, open_statement
):
    def count(query: str) -> int:
        return client.get(f"/archive/?{query}").content.decode().count('class="card"')

    assert count("") == 3
    assert count(f"coalition={icor.pk}") == 2
    assert count("kind=resolution") == 1
    opened = Statement.objects.filter(state=State.OPEN).count()
    assert count("state=open") == opened and count("state=closed") == 3 - opened
    Statement.objects.filter(pk=resolution.pk).update(issued_on=datetime.date(2021, 9, 15))
    assert count("year=2021") == 1
    assert count(f"year={open_statement.created_at.year}") == 2
    assert count("language=de") == 0
    save_translation(
        statement=open_statement,
        user=carol,
        language="de",
        title="Solidarität",
        subtitle="",
        body="Wörter.",
    )
    assert count("language=de") == 1
    assert count("state=draft") == 3  # not a public state: the filter is refused, all shown
    paged = client.get("/archive/?kind=resolution&page=1").content.decode()
    assert "1 statement" in paged
