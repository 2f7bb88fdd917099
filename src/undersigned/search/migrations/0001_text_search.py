"""A full-text index of every text of every statement, in all languages, accents and case
folded: SQLite's FTS5, kept in step with statements_text by triggers, or on PostgreSQL a GIN
index over an unaccented 'simple' text search vector. undersigned.search.selectors reads it.

Databases made before search had its own app have these objects already, from the migration
`web.0001_text_search` (hence the `web_` in their names, which stay so that such databases need
no rebuild): every statement here creates only what is missing.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS web_text_search USING fts5(
        title, subtitle, body,
        content='statements_text', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS web_text_search_insert AFTER INSERT ON statements_text BEGIN
        INSERT INTO web_text_search(rowid, title, subtitle, body)
        VALUES (new.id, new.title, new.subtitle, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS web_text_search_delete AFTER DELETE ON statements_text BEGIN
        INSERT INTO web_text_search(web_text_search, rowid, title, subtitle, body)
        VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS web_text_search_update AFTER UPDATE ON statements_text BEGIN
        INSERT INTO web_text_search(web_text_search, rowid, title, subtitle, body)
        VALUES ('delete', old.id, old.title, old.subtitle, old.body);
        INSERT INTO web_text_search(rowid, title, subtitle, body)
        VALUES (new.id, new.title, new.subtitle, new.body);
    END""",
    # Indexes the texts there are; on an index that exists, makes it again from the texts.
    "INSERT INTO web_text_search(web_text_search) VALUES ('rebuild')",
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS web_text_search_insert",
    "DROP TRIGGER IF EXISTS web_text_search_delete",
    "DROP TRIGGER IF EXISTS web_text_search_update",
    "DROP TABLE IF EXISTS web_text_search",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE.
    """CREATE OR REPLACE FUNCTION web_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent', $1) $$""",
    """CREATE INDEX IF NOT EXISTS web_text_search ON statements_text USING gin (
        to_tsvector('simple', web_unaccent(title || ' ' || subtitle || ' ' || body)))""",
]
POSTGRES_BACK = [
    "DROP INDEX IF EXISTS web_text_search",
    "DROP FUNCTION IF EXISTS web_unaccent(text)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("statements", "0003_statement_accepts_endorsements")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_BACK, "postgresql": POSTGRES_BACK}),
        )
    ]
