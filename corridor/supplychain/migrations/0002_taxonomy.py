"""Load the capability taxonomy shipped with Corridor (data/capabilities.csv)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "capabilities.csv"


def load_taxonomy(apps, schema_editor):
    Capability = apps.get_model("supplychain", "Capability")
    manager = Capability._base_manager
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_key = {c.key: c for c in manager.all()}
    for row in rows:  # parents come before their children in the file
        capability = by_key.get(row["key"]) or Capability(key=row["key"])
        capability.parent = by_key.get(row["parent"]) if row["parent"] else None
        capability.kind = row["kind"]
        capability.label = row["label"]
        capability.synonyms = row["synonyms"]
        capability.save()
        by_key[row["key"]] = capability


class Migration(migrations.Migration):
    dependencies = [("supplychain", "0001_initial")]
    operations = [migrations.RunPython(load_taxonomy, migrations.RunPython.noop)]
