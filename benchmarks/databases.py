"""The databases a benchmark measures: a fresh PostgreSQL database on 127.0.0.1 when the server answers."""

from __future__ import annotations


def fresh_postgres(name: str) -> str | None:
    """URL of an empty database `name` (dropped and created anew), or None when PostgreSQL is not reachable."""
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True,
                             connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgres://postgres@127.0.0.1:5432/{name}"
    except Exception as error:
        print(f"PostgreSQL not reachable ({error.__class__.__name__}); skipped")
        return None
