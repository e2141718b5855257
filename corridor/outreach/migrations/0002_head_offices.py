"""Load the automakers' head offices shipped with Corridor (data/head_offices.csv)."""

from django.db import migrations


def load(apps, schema_editor):
    from corridor.outreach.head_offices import load_head_offices

    load_head_offices(apps.get_model("outreach", "HeadOffice"))


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
