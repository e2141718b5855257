"""Reading company lists (CSV or XLSX) into rows, with clear errors.

Column names are matched case-insensitively, ignoring spaces, hyphens and dots,
and each field accepts the aliases municipalities' spreadsheets use
(``COLUMN_ALIASES``). Columns Corridor does not know are kept in the raw row.
"""

from __future__ import annotations

import codecs
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


# The longest cell read (docs/registry.md): a company name, an address or a list of products is
# never near it. Python's csv module itself stops at 131,072 characters with an error.
MAX_CELL_CHARS = 10_000


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


def column_letter(index: int) -> str:
    """A spreadsheet's name for a column: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _CellError(Exception):
    """A cell that stops the whole file; read_rows names its file, row and column."""

    def __init__(self, row: int, index: int | None, problem: str) -> None:
        super().__init__(problem)
        self.row, self.index, self.problem = row, index, problem


_TOO_LONG = (
    "Corridor reads at most {limit:,} characters in a cell (no name, address or list of "
    'products is that long). A quote (") left open in the row runs the rest of the file into '
    "one cell: close it, or shorten the cell."
)


def _check_cells(row: int, values: list[str]) -> None:
    for index, value in enumerate(values):
        if len(value) > MAX_CELL_CHARS:
            raise _CellError(
                row,
                index,
                f"the cell is {len(value):,} characters long. "
                + _TOO_LONG.format(limit=MAX_CELL_CHARS),
            )
        if "\x00" in value:
            raise _CellError(
                row,
                index,
                "the cell holds a NUL character (byte 0), which is never text: the file is "
                "damaged, or was not saved as text. Save it again as CSV UTF-8.",
            )


def _decode(path: Path, raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without a byte-order mark) or Windows-1252."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            f'{path.name}: the file is UTF-16 text (Excel\'s "Unicode Text"); '
            "save it as CSV UTF-8 (comma delimited)."
        )
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as not_utf8:
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError as not_cp1252:
            # Name the byte where the encoding that reads further stops: the file's own
            # encoding, most likely.
            bad = max(not_utf8.start, not_cp1252.start)
            encoding = "utf-8" if not_utf8.start >= not_cp1252.start else "cp1252"
            before = body[:bad].decode(encoding)
            line = before.count("\n") + 1
            raise ImportFileError(
                f"{path.name}: row {_rows_in(before + 'x')} (line {line}): byte "
                f"0x{body[bad]:02X} is neither UTF-8 nor Windows-1252 text. Save the file as "
                "CSV UTF-8."
            ) from None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _rows_in(text: str) -> int:
    """How many rows ``text`` starts (a last one unfinished counts)."""
    try:
        return sum(1 for _ in csv.reader(text.splitlines(), _dialect(text)))
    except csv.Error:  # a cell too long for csv: count lines instead
        return len(text.splitlines())


def _long_cell(lines: list[str], dialect: type[csv.Dialect] | csv.Dialect) -> int | None:
    """Which cell of a row too long for Python's csv module (131,072 characters a cell) is the
    long one: the row's first characters, short enough for csv, are read again and the first
    cell over MAX_CELL_CHARS in them is it (None when the row's start does not show it)."""
    budget = csv.field_size_limit() - 1
    head: list[str] = []
    for line in lines:
        if budget <= 0:
            break
        head.append(line[:budget])
        budget -= len(head[-1])
    try:
        values = next(csv.reader(head, dialect), [])
    except csv.Error:
        return None
    return next((i for i, v in enumerate(values) if len(v) > MAX_CELL_CHARS), None)


def _csv_rows(path: Path) -> Iterator[list[str]]:
    text = _decode(path, path.read_bytes())
    dialect = _dialect(text)
    lines = text.splitlines()
    reader = csv.reader(lines, dialect)
    row = 0
    while True:
        first_line = reader.line_num
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row += 1
            if "field larger than field limit" not in str(exc):
                raise _CellError(row, None, f"not readable as CSV ({exc}).") from None
            raise _CellError(
                row,
                _long_cell(lines[first_line : reader.line_num], dialect),
                f"the cell holds more than {csv.field_size_limit():,} characters. "
                + _TOO_LONG.format(limit=MAX_CELL_CHARS),
            ) from None
        row += 1
        yield values


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(f"{path.name}: not a readable Excel workbook ({exc})") from exc
    row = 0
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            row += 1
            yield [_cell(v) for v in values]
    except Exception as exc:  # the sheet itself is damaged (read-only mode reads it lazily)
        raise ImportFileError(
            f"{path.name}: row {row + 1}: not a readable Excel workbook ({exc})"
        ) from exc
    finally:
        workbook.close()


def _place(row: int, index: int | None, headers: list[str]) -> str:
    if index is None:
        return f"row {row}"
    header = headers[index] if index < len(headers) else ""
    return f"row {row}, column {column_letter(index)}" + (f" ({header!r})" if header else "")


def read_rows(
    path: Path, *, comments: bool = False
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header row and the non-empty rows (with their row numbers as a spreadsheet shows
    them) of a CSV or XLSX file. ``comments``: lines starting with "#" before the header
    (a data file's notes on its source) are passed over. Raises ImportFileError when the
    file cannot be read at all, naming the row and column when one cell is the reason (longer
    than MAX_CELL_CHARS, a NUL); every importer reads its files through here."""
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
    try:
        for number, values in enumerate(source, start=1):
            _check_cells(number, values)
            if not headers:
                if any(v.strip() for v in values) and not (comments and values[0].startswith("#")):
                    headers = [v.strip() for v in values]
                continue
            if not any(v.strip() for v in values):
                continue
            raw = {
                h: (values[i].strip() if i < len(values) else "")
                for i, h in enumerate(headers)
                if h
            }
            rows.append((number, raw))
    except _CellError as exc:
        raise ImportFileError(
            f"{path.name}: {_place(exc.row, exc.index, headers)}: {exc.problem}"
        ) from None
    if not headers:
        raise ImportFileError(f"{path.name}: the file is empty")
    return headers, rows


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX list. Raises ImportFileError when it cannot be imported at all."""
    headers, rows = read_rows(path)
    return Table(path=path, headers=headers, columns=map_columns(path, headers), rows=rows)
