"""Trigram indexes for the registry's name search on PostgreSQL.

The facility list and the API find "every word somewhere in the facility's or its
company's name" (``icontains``, which PostgreSQL runs as ``UPPER(name) LIKE``).
Without an index each search reads every row of both tables; a GIN index of
trigrams (the ``pg_trgm`` extension, shipped with PostgreSQL's contrib and
trusted, so the database's owner may create it) answers it from the index.
Where the extension cannot be created the search still works, only slower.
SQLite needs nothing: the search reads its rows as before.
"""

from django.db import migrations, transaction

INDEXES = {
    "registry_facility_name_trgm": "registry_facility",
    "registry_company_name_trgm": "registry_company",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - no contrib or no right to add it: stay unindexed
        return
    for name, table in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER(name) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_import_run_rejects")]
    operations = [migrations.RunPython(forwards, backwards)]
