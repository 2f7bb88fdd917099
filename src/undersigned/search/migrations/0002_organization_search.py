"""Organizations found by the database, not by reading all of them: their abbreviation, name and
English name in a full-text index, accents and case folded as the texts' index folds them
(SQLite FTS5 kept in step by triggers; PostgreSQL a GIN index over the unaccented words)."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_organization USING fts5(
        abbreviation, name, name_en,
        content='coalitions_organization', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS search_organization_insert
        AFTER INSERT ON coalitions_organization BEGIN
        INSERT INTO search_organization(rowid, abbreviation, name, name_en)
        VALUES (new.id, new.abbreviation, new.name, new.name_en);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_organization_delete
        AFTER DELETE ON coalitions_organization BEGIN
        INSERT INTO search_organization(search_organization, rowid, abbreviation, name, name_en)
        VALUES ('delete', old.id, old.abbreviation, old.name, old.name_en);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_organization_update
        AFTER UPDATE ON coalitions_organization BEGIN
        INSERT INTO search_organization(search_organization, rowid, abbreviation, name, name_en)
        VALUES ('delete', old.id, old.abbreviation, old.name, old.name_en);
        INSERT INTO search_organization(rowid, abbreviation, name, name_en)
        VALUES (new.id, new.abbreviation, new.name, new.name_en);
    END""",
    "INSERT INTO search_organization(search_organization) VALUES ('rebuild')",
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS search_organization_insert",
    "DROP TRIGGER IF EXISTS search_organization_delete",
    "DROP TRIGGER IF EXISTS search_organization_update",
    "DROP TABLE IF EXISTS search_organization",
]

# web_unaccent comes from 0001; the expression is the one undersigned.search.selectors queries.
POSTGRES = [
    """CREATE INDEX IF NOT EXISTS search_organization ON coalitions_organization USING gin (
        to_tsvector('simple', web_unaccent(abbreviation || ' ' || name || ' ' || name_en)))""",
]
POSTGRES_BACK = ["DROP INDEX IF EXISTS search_organization"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_text_search"),
        ("coalitions", "0002_invitation_statement"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_BACK, "postgresql": POSTGRES_BACK}),
        )
    ]
