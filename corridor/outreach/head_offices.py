"""The automakers' head offices shipped in ``data/head_offices.csv`` (with their sources)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corridor.core.datafiles import read_rows

DATA = Path(__file__).resolve().parent / "data" / "head_offices.csv"
FIELDS: tuple[str, ...] = ("automaker", "name", "scope", "street", "city", "region")
FIELDS += ("postal_code", "country", "registry_company", "source")


def rows() -> list[dict[str, Any]]:
    out = []
    for row in read_rows(DATA):
        values: dict[str, Any] = {f: row[f] for f in FIELDS}
        values["latitude"] = float(row["lat"])
        values["longitude"] = float(row["lon"])
        out.append({"key": row["key"], **values})
    return out


def load_head_offices(model: Any = None) -> int:
    """Create or refresh every head office of the data file (idempotent); returns how many."""
    from corridor.core.scoping import system_scope

    if model is None:
        from corridor.outreach.models import HeadOffice

        model = HeadOffice
    manager = model._base_manager
    with system_scope("loading the automakers' head offices"):
        for row in rows():
            key = row.pop("key")
            office = manager.filter(key=key).first() or model(key=key)
            changed = office.pk is None or any(getattr(office, k) != v for k, v in row.items())
            if changed:
                for name, value in row.items():
                    setattr(office, name, value)
                office.save()
    return len(rows())
