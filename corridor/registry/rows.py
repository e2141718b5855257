"""Turning one raw row into an InputRecord for matching, or a reject with its reason."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from corridor.registry.models import Company, Facility, SourceRecord
from corridor.registry.naics import clean_naics
from corridor.registry.resolution.records import InputRecord


def _shortest(*columns: tuple[type[Any], str]) -> int:
    return min(int(model._meta.get_field(name).max_length) for model, name in columns)


# The longest value of each field a row may carry: the shortest column that stores it whole
# (the facility keeps only the first characters of a province, postal code and phone).
# Longer, the row is rejected naming its field; a cell of more than MAX_CELL_CHARS stops the
# whole file before this (sheets.py).
MAX_LENGTHS = {
    "source_id": _shortest((SourceRecord, "source_id")),
    "name": _shortest((Company, "name"), (Facility, "name"), (SourceRecord, "name")),
    "street": _shortest((Facility, "street"), (SourceRecord, "street")),
    "city": _shortest((Facility, "city"), (SourceRecord, "city")),
    "province": _shortest((SourceRecord, "province")),
    "postal_code": _shortest((SourceRecord, "postal_code")),
    "phone": _shortest((SourceRecord, "phone")),
    "website": _shortest((Company, "website"), (Facility, "website"), (SourceRecord, "website")),
}


@dataclass(frozen=True, slots=True)
class Reject:
    row: int
    source_id: str
    field: str
    reason: str
    raw: dict[str, str]


def content_hash(raw: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(raw, sort_keys=True).encode("utf-8")).hexdigest()


def _number(value: str, field: str) -> float | None:
    if not value:
        return None
    try:
        return float(value.replace(",", "").replace(" ", ""))
    except ValueError:
        raise ValueError(f"{field}: {value!r} is not a number") from None


def parse_row(
    source: str, row: int, raw: dict[str, str], columns: dict[str, str]
) -> InputRecord | Reject:
    """The row as an InputRecord, or a Reject naming the row, field and reason."""

    def cell(field: str) -> str:
        header = columns.get(field)
        return raw.get(header, "").strip() if header else ""

    source_id = cell("source_id")
    if not source_id:
        return Reject(row, "", "source_id", "the source id is empty", raw)
    name = cell("name")
    if not name:
        return Reject(row, source_id, "name", "the company name is empty", raw)
    for field, longest in MAX_LENGTHS.items():
        length = len(cell(field))
        if length > longest:
            reason = (
                f"{length:,} characters in column {columns[field]!r}; "
                f"the registry keeps at most {longest} for the {field.replace('_', ' ')}"
            )
            return Reject(row, source_id, field, reason, raw)
    try:
        employees_value = _number(cell("employees"), "employees")
        lat = _number(cell("lat"), "lat")
        lon = _number(cell("lon"), "lon")
        naics = clean_naics(cell("naics"))
    except ValueError as exc:
        field, _, reason = str(exc).partition(": ")
        if not reason:
            field, reason = "naics", str(exc)
        return Reject(row, source_id, field, reason, raw)
    if employees_value is not None and (
        employees_value < 0 or employees_value != int(employees_value)
    ):
        return Reject(
            row, source_id, "employees", f"{cell('employees')!r} is not a head count", raw
        )
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        return Reject(row, source_id, missing, "a coordinate needs both lat and lon", raw)
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return Reject(row, source_id, "lat", f"({lat}, {lon}) is outside the world", raw)
    return InputRecord(
        source=source,
        source_id=source_id,
        name=name,
        street=cell("street") or None,
        city=cell("city") or None,
        province=cell("province") or None,
        postal_code=cell("postal_code") or None,
        phone=cell("phone") or None,
        website=cell("website") or None,
        naics=naics,
        employees=int(employees_value) if employees_value is not None else None,
        products=cell("products") or None,
        lat=lat,
        lon=lon,
    )
