"""The reference data intelligence ships: the eight technology trends and the governments
of ``extraction/data/jurisdictions.json``. Idempotent; migrations and
``ensure_reference_data`` both call it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "extraction" / "data"
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


def load_reference_data(trend_model: Any, jurisdiction_model: Any) -> None:
    for order, (slug, name) in enumerate(TREND_NAMES.items()):
        trend_model._base_manager.get_or_create(slug=slug, defaults={"name": name, "order": order})
    raw = json.loads((DATA / "jurisdictions.json").read_text(encoding="utf-8"))
    for name, entry in raw.items():
        if not name.startswith("_"):
            jurisdiction_model._base_manager.get_or_create(
                name=name, defaults={"kind": entry["kind"], "country": entry["country"]}
            )
