"""Load the occupations (NOC 2021) and economic regions shipped with Corridor."""

from django.db import migrations


def load(apps, schema_editor):
    from corridor.workforce.reference import load_reference

    load_reference(apps)


class Migration(migrations.Migration):
    dependencies = [("workforce", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
