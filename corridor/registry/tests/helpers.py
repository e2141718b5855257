"""Small company lists for registry tests, written as CSV the way municipalities send them."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from corridor.core.history import change_context
from corridor.registry.importing import ImportReport, import_companies

HEADER = [
    "ID",
    "Company Name",
    "Address",
    "City",
    "Postal Code",
    "Phone",
    "Website",
    "NAICS",
    "Employees",
    "Products",
    "Lat",
    "Lon",
]

APEX = [
    "1",
    "Apex Stamping Inc.",
    "123 Main St",
    "Windsor",
    "N9A 1A1",
    "519-555-0101",
    "www.apexstamping.ca",
    "336370",
    "120",
    "Stampings",
    "42.31",
    "-83.03",
]
APEX_AGAIN = [
    "2",
    "APEX STAMPINGS INCORPORATED",
    "123 Main Street",
    "Windsor",
    "N9A1A1",
    "(519) 555-0101",
    "",
    "3363",
    "",
    "",
    "",
    "",
]
APEX_MAYBE = ["3", "Apex Stamping", "125 Main St", "Windsor", "", "", "", "", "", "", "", ""]
PRECISION = [
    "4",
    "Precision Tool & Die",
    "45 King St",
    "Oshawa",
    "L1H 1A1",
    "905-555-0199",
    "",
    "333511",
    "35",
    "Moulds",
    "43.90",
    "-78.86",
]


def write_list(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def import_list(
    path: Path, source: str | None = None, user: Any = None, **options: Any
) -> ImportReport:
    with change_context(user=user, source="tests"):
        return import_companies(path, source, user=user, **options)
