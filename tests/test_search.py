"""Full-text search over every text in every language, accents and case ignored, ranked, with
marked snippets; the same answers on SQLite (FTS5) and PostgreSQL."""

from undersigned.coalitions.models import Organization
from undersigned.search.selectors import search_statements, snippet, terms_of
from undersigned.statements.actions import create_statement, edit_text
from undersigned.statements.models import Text
from undersigned.statements.translations import save_translation


def _found(client, query: str) -> str:
    return client.get("/search/", {"q": query}).content.decode()


def test_it_finds_statements_by_the_words_of_their_text(client, resolution, cipoml_statement):
    html = _found(client, "Guantanamo")  # in the resolution's body only, never in a title
    assert resolution.current_text().title in html
    assert cipoml_statement.current_text().title not in html
    assert "<mark>Guantanamo</mark>" in html


def test_accents_and_case_are_ignored(client, open_statement, carol):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="Solidarity with the workers of **Côte d'Ivoire**.",
    )
    html = _found(client, "cote")
    assert "Solidarity with the dockers" in html
    assert "<mark>Côte</mark>" in html and "**" not in html
    assert "Solidarity with the dockers" in _found(client, "CÔTÉ IVOIRE")


def test_it_searches_every_language_and_counts_signatories_once(client, resolution, carol):
    original = resolution.current_text()
    Text.objects.create(
        statement=resolution,
        language="de",
        title="Nein zu jeder imperialistischen Intervention!",
        body="Die Kräfte der Arbeiterklasse in Afghanistan.",
        translation_of=original,
    )
    html = _found(client, "Arbeiterklasse")
    assert "Nein zu jeder" in html
    both = _found(client, "imperialist")
    assert "34 signatory organizations" in both and "68" not in both


def test_the_best_match_comes_first(client, carol, icor, open_statement, resolution):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Dockers and dockers",
        subtitle="",
        body="Dockers of Antwerp, dockers of Hamburg, dockers everywhere.",
    )
    ranked = search_statements("dockers", resolution.__class__.objects.public(), 10)
    assert ranked[0] == open_statement
    hidden = create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="",
        language="en",
        title="A draft about dockers",
        subtitle="",
        body="Dockers.",
    )
    assert hidden not in search_statements("dockers", resolution.__class__.objects.public(), 10)
    assert "A draft about dockers" not in _found(client, "dockers")


def test_the_index_follows_changes(client, open_statement, carol):
    assert "Solidarity" in _found(client, "strike")
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="Other words entirely.",
    )
    # The first version still holds the word: the statement is still found by it.
    assert "Solidarity" in _found(client, "strike")
    assert "Solidarity" in _found(client, "entirely")
    save_translation(
        statement=open_statement,
        user=carol,
        language="fa",
        title="همبستگی با کارگران بندر",
        subtitle="",
        body="اعتصاب کارگران بندر",
    )
    assert "همبستگی" in _found(client, "کارگران")


def test_organizations_by_name_or_country_without_accents(client, icor):
    Organization.objects.create(abbreviation="PCPCI", name="Parti Prolétarien", country="CI")
    Organization.objects.create(abbreviation="MLPD", name="Marxistisch", country="DE")
    html = _found(client, "cote")
    assert "PCPCI" in html and "MLPD" not in html
    assert "PCPCI" in _found(client, "proletarien")


def test_queries_that_are_not_words_find_nothing_and_break_nothing(client, resolution):
    for query in ['"', "*", "NEAR(", "a OR", "-", "'; DROP TABLE statements_text; --"]:
        assert client.get("/search/", {"q": query}).status_code == 200
    assert terms_of('"Côte" AND *') == ["cote", "and"]


def test_snippets_escape_the_text():
    text = Text(title="T", body="A <script>alert(1)</script> strike.")
    assert "<script>" not in snippet(text, ["strike"])
    assert "<mark>strike</mark>" in snippet(text, ["strike"])
