"""Rows keyed by place: the full-text index's rowid is the facility's grid cell in
Morton order, so that a cell is a run of keys (``grid.py``), instead of an R*Tree
(SQLite) or a btree on (latitude, longitude) (PostgreSQL). Existing rows are
rewritten (unless CORRIDOR_DEFER_SEARCH_INDEX is set: a large registry can then be
indexed later with `corridor reindex-suppliers --no-retag`); on a new installation
nothing is indexed yet.
"""

import os

from django.db import migrations, models


def forwards(apps, schema_editor):
    from corridor.supplychain.search_index import SQLITE_TRIGGERS, rebuild_index

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS supplychain_supplierrtree")
        for sql in SQLITE_TRIGGERS.values():
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS supplychain_supplierdoc_lat_lon")
    facility = apps.get_model("registry", "Facility")
    if facility._base_manager.exists() and not os.environ.get("CORRIDOR_DEFER_SEARCH_INDEX"):
        rebuild_index(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("supplychain", "0004_index_existing_facilities")]
    operations = [
        migrations.AddField(
            model_name="supplierdoc",
            name="place_key",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="supplierdoc",
            index=models.Index(
                fields=["place_key", "facility", "x", "y", "z", "employees", "tier"],
                name="supplychain_supplierdoc_place",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
