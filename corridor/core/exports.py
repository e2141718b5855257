"""Corridor's one export mechanism: CSV (UTF-8 with a byte-order mark, for Excel) and
XLSX of rows a view has already filtered through the access policy.

A list view builds its rows from the same queryset it shows, and calls
``export(request, name, header, rows)``: with ``?format=csv`` or ``?format=xlsx`` it
returns the file, otherwise ``None`` and the view renders its page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse

FORMATS = ("csv", "xlsx")


def _cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )  # the byte-order mark lets spreadsheet programs read accents
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = True
    for title, header, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = title[:31]
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(v) for v in row])
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export(
    request: HttpRequest, name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse | None:
    """The file asked for by ``?format=`` (``corridor-<name>.csv|xlsx``), or ``None``."""
    wanted = request.GET.get("format", "")
    if wanted == "csv":
        return csv_response(f"corridor-{name}.csv", header, rows)
    if wanted == "xlsx":
        return xlsx_response(f"corridor-{name}.xlsx", [(name, header, rows)])
    return None


def export_links(request: HttpRequest) -> dict[str, str]:
    """The "Download CSV / Excel" links of a list page, keeping its filters."""
    params = request.GET.copy()
    params.pop("page", None)
    links = {}
    for fmt in FORMATS:
        params["format"] = fmt
        links[f"{fmt}_url"] = "?" + params.urlencode()
    return links
