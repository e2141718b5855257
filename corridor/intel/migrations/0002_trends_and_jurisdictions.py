"""The technology trends and the governments Corridor tracks (reference data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "extraction" / "data"
TREND_NAMES = {
    "electrification": "Electrification",
    "batteries": "Batteries",
    "light-weighting": "Light-weighting",
    "propulsion": "Propulsion",
    "connectivity-autonomy": "Connectivity and autonomy",
    "automation-industry-4.0": "Automation and Industry 4.0",
    "lean-manufacturing": "Lean manufacturing",
    "skills-training": "Skills and training",
}


def add(apps: Any, schema_editor: Any) -> None:
    TrendTag = apps.get_model("intel", "TrendTag")
    Jurisdiction = apps.get_model("intel", "Jurisdiction")
    for order, (slug, name) in enumerate(TREND_NAMES.items()):
        TrendTag._base_manager.get_or_create(slug=slug, defaults={"name": name, "order": order})
    raw = json.loads((DATA / "jurisdictions.json").read_text(encoding="utf-8"))
    for name, entry in raw.items():
        if name.startswith("_"):
            continue
        Jurisdiction._base_manager.get_or_create(
            name=name, defaults={"kind": entry["kind"], "country": entry["country"]}
        )


class Migration(migrations.Migration):
    dependencies = [("intel", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
