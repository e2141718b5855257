"""Index the facilities already in the registry (new installations have none)."""

from django.db import migrations


def build(apps, schema_editor):
    from corridor.supplychain.search_index import rebuild_index

    rebuild_index(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("supplychain", "0003_supplier_search")]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
