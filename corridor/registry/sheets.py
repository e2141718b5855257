"""Reading company lists (CSV or XLSX) into rows, with clear errors.

Column names are matched case-insensitively, ignoring spaces, hyphens and dots,
and each field accepts the aliases municipalities' spreadsheets use
(``COLUMN_ALIASES``). Columns Corridor does not know are kept in the raw row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REQUIRED = ("source_id", "name")
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "source_id": ("source_id", "id", "record_id", "ref", "reference", "company_id", "account_id"),
    "name": ("name", "company", "company_name", "business_name", "legal_name", "business"),
    "street": ("street", "address", "street_address", "address1", "address_1", "address_line_1"),
    "city": ("city", "town", "municipality", "location", "community"),
    "province": ("province", "prov", "state", "province_state"),
    "postal_code": ("postal_code", "postal", "postcode", "zip", "zip_code", "postal_zip"),
    "phone": ("phone", "telephone", "tel", "phone_number", "main_phone"),
    "website": ("website", "web", "url", "web_site", "site", "web_address"),
    "naics": ("naics", "naics_code", "industry_code", "naics_2022"),
    "employees": ("employees", "employment", "staff", "headcount", "num_employees", "jobs"),
    "products": ("products", "product", "description", "capabilities", "products_services"),
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
}


class ImportFileError(Exception):
    """The file cannot be imported at all; nothing was written."""


@dataclass(frozen=True, slots=True)
class Table:
    path: Path
    headers: list[str]
    columns: dict[str, str]  # Corridor field -> header in the file
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, raw values)


def header_key(header: str) -> str:
    return re.sub(r"[\s\-.]+", "_", header.strip().lower()).strip("_")


def map_columns(path: Path, headers: list[str]) -> dict[str, str]:
    by_key = {header_key(h): h for h in headers if h}
    columns: dict[str, str] = {}
    for field, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in by_key:
                columns[field] = by_key[alias]
                break
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        accepted = "; ".join(f"{f}: {', '.join(COLUMN_ALIASES[f])}" for f in missing)
        raise ImportFileError(
            f"{path.name}: missing required column {', '.join(repr(m) for m in missing)} "
            f"(accepted names — {accepted}). Columns found: {', '.join(headers) or 'none'}."
        )
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path) -> Iterator[list[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError(f"{path.name}: the text encoding is not UTF-8 or Windows-1252")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(text.splitlines(), dialect)


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(f"{path.name}: not a readable Excel workbook ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell(v) for v in row]
    finally:
        workbook.close()


def read_rows(
    path: Path, *, comments: bool = False
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header row and the non-empty rows (with their row numbers as a spreadsheet shows
    them) of a CSV or XLSX file. ``comments``: lines starting with "#" before the header
    (a data file's notes on its source) are passed over. Raises ImportFileError when the
    file cannot be read at all; every importer reads its files through here."""
    if not path.exists():
        raise ImportFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        source = _xlsx_rows(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        source = _csv_rows(path)
    else:
        raise ImportFileError(f"{path.name}: Corridor reads .csv and .xlsx files, not {suffix!r}")
    headers: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(source, start=1):
        if not headers:
            if any(v.strip() for v in values) and not (comments and values[0].startswith("#")):
                headers = [v.strip() for v in values]
            continue
        if not any(v.strip() for v in values):
            continue
        raw = {
            h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(headers) if h
        }
        rows.append((number, raw))
    if not headers:
        raise ImportFileError(f"{path.name}: the file is empty")
    return headers, rows


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX list. Raises ImportFileError when it cannot be imported at all."""
    headers, rows = read_rows(path)
    return Table(path=path, headers=headers, columns=map_columns(path, headers), rows=rows)
