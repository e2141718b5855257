"""Ship version 1 of the common call template."""

from django.db import migrations


def publish_first_version(apps, schema_editor):
    from corridor.calls.template_versions import ensure_first_version

    ensure_first_version(apps.get_model("calls", "CallTemplate"))


class Migration(migrations.Migration):
    dependencies = [("calls", "0001_initial")]
    operations = [migrations.RunPython(publish_first_version, migrations.RunPython.noop)]
