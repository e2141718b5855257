"""Grid-cell tokens in the full-text index instead of a separate spatial index.

SQLite: the R*Tree and its triggers go, the FTS5 triggers are written again
without it, and a narrow index (id, unit vector, size, tier) serves the checks
of single rows. PostgreSQL: the btree on (latitude, longitude) goes. Existing
rows are rewritten so that they carry their cells.
"""

from django.db import migrations

SQLITE_NARROW = (
    "CREATE INDEX supplychain_supplierdoc_narrow ON supplychain_supplierdoc "
    "(facility_id, x, y, z, employees, tier)"
)


def forwards(apps, schema_editor):
    from corridor.supplychain.search_index import SQLITE_TRIGGERS, rebuild_index

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS supplychain_supplierrtree")
        for sql in SQLITE_TRIGGERS.values():
            schema_editor.execute(sql)
        schema_editor.execute(SQLITE_NARROW)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS supplychain_supplierdoc_lat_lon")
    if apps.get_model("supplychain", "SupplierDoc")._base_manager.exists():
        rebuild_index(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("supplychain", "0004_index_existing_facilities")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
