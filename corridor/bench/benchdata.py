"""Writing benchmark data fast: the benchmarks' own databases, and plain bulk inserts.

Used by `corridor bench search` and `corridor bench web`; never by Corridor's pages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def ensure_pg_database(url: str) -> None:
    """Create the benchmark database named by ``url`` when it is missing."""
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        name = url.rsplit("/", 1)[1]
        exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            db.execute(f'CREATE DATABASE "{name}"')


_MISSING = object()


def bulk_insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """Plain multi-row INSERTs: no signals, no history (benchmark data only)."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.name in rows[0]]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})"
    now = dt.datetime.now(dt.UTC)
    # values the rows do not give are the same for every row: prepare them once
    fixed = {
        f.attname: f.get_db_prep_save(
            now if f.name in ("created_at", "updated_at") else f.get_default(), connection
        )
        for f in fields
    }
    values = []
    for row in rows:
        out = []
        for f in fields:
            value = row.get(f.attname, row.get(f.name, _MISSING))
            out.append(
                fixed[f.attname] if value is _MISSING else f.get_db_prep_save(value, connection)
            )
        values.append(out)
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
