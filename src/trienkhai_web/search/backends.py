"""The database's own full-text search, one class per vendor, behind the same three questions:
rows matching all words (or the phrase), their rank, and the vocabulary's neighbours of a word.

- SQLite: an FTS5 table `search_fts` over `folded_title`, `folded_body` (external content, kept in step
  by triggers), ranked by bm25 with the title weighing more.
- PostgreSQL: a stored `tsvector` column `vector` (title weight A, body B, configuration 'simple': the
  text is already folded), a GIN index on it, `ts_rank_cd`; the query goes through `unaccent` too, and
  typo candidates come from a trigram (pg_trgm, GiST) index on the vocabulary.

A query is a list of groups; each group is a list of alternative words (a word and its corrections).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

Groups = list[list[str]]


class SQLiteBackend:
    @staticmethod
    def _match(groups: Groups, phrase: bool) -> str:
        if phrase:
            return '"' + " ".join(g[0] for g in groups) + '"'
        return " AND ".join("(" + " OR ".join(f'"{w}"' for w in group) + ")" for group in groups)

    def filter(self, qs: QuerySet, groups: Groups, *, phrase: bool = False) -> QuerySet:
        return qs.extra(
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchdocument.id", "search_fts MATCH %s"],
            params=[self._match(groups, phrase)],
        )

    def ranked(self, qs: QuerySet, groups: Groups, *, phrase: bool = False) -> QuerySet:
        # bm25: smaller is better; a title word weighs four body words.
        return self.filter(qs, groups, phrase=phrase).extra(
            select={"rank": "-bm25(search_fts, 4.0, 1.0)"}).order_by("-rank", "id")

    def newest(self, qs: QuerySet, groups: Groups, *, phrase: bool, limit: int, window: int) -> list[int]:
        """Ids of the newest `limit` matches among the newest `window` rows of `qs`."""
        inner, params = qs.order_by("-id").values("id")[:window].query.sql_with_params()
        return _ids(f"SELECT w.id FROM ({inner}) w JOIN search_fts ON search_fts.rowid = w.id "
                    "WHERE search_fts MATCH %s ORDER BY w.id DESC LIMIT %s",
                    [*params, self._match(groups, phrase), limit])

    def neighbours(self, word: str, spread: int) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT word FROM search_searchterm WHERE length(word) BETWEEN %s AND %s",
                           [len(word) - spread, len(word) + spread])
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend:
    @staticmethod
    def _tsquery(groups: Groups, phrase: bool) -> str:
        if phrase:
            return " <-> ".join(f"'{g[0]}'" for g in groups)
        return " & ".join("(" + " | ".join(f"'{w}'" for w in group) + ")" for group in groups)

    def filter(self, qs: QuerySet, groups: Groups, *, phrase: bool = False) -> QuerySet:
        # unaccent is only STABLE: in a sub-select it runs once per query, not once per row.
        return qs.extra(where=["vector @@ to_tsquery('simple', (SELECT unaccent(%s)))"],
                        params=[self._tsquery(groups, phrase)])

    def ranked(self, qs: QuerySet, groups: Groups, *, phrase: bool = False) -> QuerySet:
        tsquery = self._tsquery(groups, phrase)
        return self.filter(qs, groups, phrase=phrase).extra(
            select={"rank": "ts_rank_cd(vector, to_tsquery('simple', (SELECT unaccent(%s))), 1)"},
            select_params=[tsquery]).order_by("-rank", "id")

    def newest(self, qs: QuerySet, groups: Groups, *, phrase: bool, limit: int, window: int) -> list[int]:
        """Ids of the newest `limit` matches among the newest `window` rows of `qs`: a backward walk on the
        primary key that stops as soon as enough rows match (cheap however common the words are)."""
        inner, params = (qs.order_by("-id").extra(select={"vector": "search_searchdocument.vector"})
                         .values("id", "vector")[:window].query.sql_with_params())
        return _ids(f"SELECT w.id FROM ({inner}) w WHERE w.vector @@ to_tsquery('simple', (SELECT unaccent(%s))) "
                    "ORDER BY w.id DESC LIMIT %s", [*params, self._tsquery(groups, phrase), limit])

    def neighbours(self, word: str, spread: int) -> list[str]:
        with connection.cursor() as cursor:
            # The trigram distance finds candidates through the GiST index; the edit distance decides.
            cursor.execute("SELECT word FROM search_searchterm ORDER BY word <-> %s LIMIT 40", [word])
            return [row[0] for row in cursor.fetchall()]


def _ids(sql: str, params: list) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def backend() -> SQLiteBackend | PostgresBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
