"""The database's full-text structures over the search documents: on PostgreSQL the extensions
`unaccent` and `pg_trgm`, a stored tsvector column with a GIN index and a trigram index on the vocabulary;
on SQLite an FTS5 table kept in step by triggers. Other databases get nothing (and no search)."""

from django.db import migrations


PG_VECTOR = ("setweight(to_tsvector('simple'::regconfig, coalesce(folded_title, '')), 'A') || "
             "setweight(to_tsvector('simple'::regconfig, coalesce(folded_body, '')), 'B')")
PG_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ({PG_VECTOR}) STORED",
    # Two partial indexes: the plans' text and organisations (ranked) apart from the many report entries.
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector) WHERE kind <> 'report'",
    "CREATE INDEX search_doc_vector_reports ON search_searchdocument USING gin (vector) WHERE kind = 'report'",
    "CREATE INDEX search_term_trgm ON search_searchterm USING gist (word gist_trgm_ops)",
]
PG_TEARDOWN = [
    "DROP INDEX IF EXISTS search_term_trgm",
    "DROP INDEX IF EXISTS search_doc_vector_reports",
    "DROP INDEX IF EXISTS search_doc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]
SQLITE_SETUP = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded_title, folded_body, content='search_searchdocument', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.id, new.folded_title, new.folded_body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body) "
    "VALUES ('delete', old.id, old.folded_title, old.folded_body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body) "
    "VALUES ('delete', old.id, old.folded_title, old.folded_body); "
    "INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.id, new.folded_title, new.folded_body); END",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_documents")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_SETUP, "sqlite": SQLITE_SETUP}),
            _run({"postgresql": PG_TEARDOWN, "sqlite": SQLITE_TEARDOWN}),
        ),
    ]
