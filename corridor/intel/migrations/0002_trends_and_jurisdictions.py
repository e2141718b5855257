"""The technology trends and the governments Corridor tracks (reference data)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

from corridor.intel.reference import load_reference_data


def add(apps: Any, schema_editor: Any) -> None:
    load_reference_data(apps.get_model("intel", "TrendTag"), apps.get_model("intel", "Jurisdiction"))


class Migration(migrations.Migration):
    dependencies = [("intel", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
