"""Lists that cannot be read as they are: a cell longer than any field, a NUL byte, bytes that
are not text, a damaged workbook. Each stops the import with a message naming the file, the
row and the column; nothing is written, the import page shows the message (never a server
error) and ``corridor import-companies`` exits non-zero. A value that is merely longer than
the registry keeps for its field rejects its row only (row and field named)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.registry import sheets
from corridor.registry.importing import import_companies
from corridor.registry.models import Company, Facility, ImportRun, SourceRecord
from corridor.registry.sheets import ImportFileError, read_rows

HEADER = ["id", "name", "street", "city", "products"]
OVER_CSV_LIMIT = 128 * 1024 + 1  # Python's csv module stops at 131,072 characters
MAX_CELL_CHARS = 10_000  # docs/registry.md


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _big_products(length: int = OVER_CSV_LIMIT) -> list[list[str]]:
    return [
        ["W1", "Maple Stamping Ltd", "120 Industrial Rd", "Windsor", "stampings"],
        ["W2", "Lakeshore Plastics", "55 Harmony Rd", "Windsor", "x" * length],
        ["W3", "Oshawa Brake Works", "9 Simcoe St", "Oshawa", "brakes"],
    ]


def _counts() -> tuple[int, ...]:
    with system_scope("test counts"):
        return (
            Company.all_objects.count(),
            Facility.all_objects.count(),
            SourceRecord.objects.count(),
            ImportRun.objects.count(),
            ChangeRecord.objects.count(),
        )


def _refusal(path: Path) -> str:
    """The message with which importing ``path`` is refused as a whole."""
    with pytest.raises(ImportFileError) as refused:
        import_companies(path)
    return str(refused.value)


@pytest.fixture
def before(world: Any) -> tuple[int, ...]:
    """The counts before the test imports anything (the world has its own history)."""
    return _counts()


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


# The 128 KiB cell that Python's csv module refuses


def test_a_cell_over_128_kib_on_the_preview_page_names_the_row_and_column(
    world: Any, as_user: Any, tmp_path: Path, settings: Any
) -> None:
    before = _counts()
    data = _csv(tmp_path / "windsor-list.csv", _big_products()).read_bytes()
    response = as_user("carol").post(
        "/registry/import/",
        {"file": SimpleUploadedFile("windsor-list.csv", data, content_type="text/csv")},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "windsor-list.csv: row 3, column E (&#x27;products&#x27;)" in page
    assert "more than 131,072 characters" in page
    assert f"at most {MAX_CELL_CHARS:,}" in page
    assert "Nothing was imported" in page
    assert "Import these rows" not in page
    assert _counts() == before
    assert not list((Path(settings.VAR_DIR) / "uploads").glob("*/windsor-list.csv"))


def test_a_cell_over_128_kib_stops_the_command_naming_the_row_and_column(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "windsor-list.csv", _big_products())
    with pytest.raises(
        CommandError,
        match=r"windsor-list\.csv: row 3, column E \('products'\): .*Nothing was imported",
    ):
        call_command("import_companies", str(path))
    assert _counts() == before


def test_the_console_command_exits_non_zero_on_such_a_file(tmp_path: Path) -> None:
    path = _csv(tmp_path / "windsor-list.csv", _big_products())
    env = {
        "CORRIDOR_VAR_DIR": str(tmp_path / "var"),
        "PATH": "/usr/bin:/bin",
        **({"DATABASE_URL": os.environ["DATABASE_URL"]} if "DATABASE_URL" in os.environ else {}),
    }
    result = subprocess.run(
        [sys.executable, "-m", "corridor.cli", "import-companies", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode != 0
    assert "windsor-list.csv: row 3, column E ('products')" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_quote_left_open_is_named_where_it_opens(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    """An unclosed quote makes the rest of the file one cell: the message points at it."""
    lines = ["id,name,city", '1,"Maple Stamping Ltd,Windsor']
    lines += [f"{n},Supplier number {n} of a long list,Windsor" for n in range(2, 6000)]
    path = tmp_path / "open-quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = _refusal(path)
    assert message.startswith("open-quote.csv: row 2, column B ('name'): ")
    assert "left open" in message
    assert _counts() == before


# Cells Corridor refuses before csv does


def test_a_cell_over_the_limit_is_refused_with_its_length(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "long.csv", _big_products(20_000))
    with pytest.raises(
        ImportFileError,
        match=r"long\.csv: row 3, column E \('products'\): the cell is 20,000 characters long",
    ):
        import_companies(path)
    assert _counts() == before


def test_a_cell_of_exactly_the_limit_is_read(world: Any, tmp_path: Path) -> None:
    assert getattr(sheets, "MAX_CELL_CHARS", None) == MAX_CELL_CHARS
    path = _csv(tmp_path / "edge.csv", _big_products(MAX_CELL_CHARS))
    report = import_companies(path)
    assert (report.created, report.rejected) == (3, 0)


def test_the_header_row_is_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("id,name," + "h" * 20_000 + "\n1,Acme,x\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"header\.csv: row 1, column C: the cell is 20,000"):
        read_rows(path)


def test_a_nul_byte_names_the_row_and_column(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,name,city\n1,Maple,Windsor\n2,Lake\x00shore,Windsor\n")
    message = _refusal(path)
    assert message.startswith("nul.csv: row 3, column B ('name'): ")
    assert "NUL" in message
    assert _counts() == before


def test_a_nul_byte_on_the_preview_page_is_explained(world: Any, as_user: Any) -> None:
    """On PostgreSQL the dry run used to fail writing the row (no text column holds NUL)."""
    before = _counts()
    upload = SimpleUploadedFile("nul.csv", b"id,name\n1,Lake\x00shore\n", content_type="text/csv")
    response = as_user("carol").post("/registry/import/", {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "nul.csv: row 2, column B (&#x27;name&#x27;)" in page
    assert "Nothing was imported" in page
    assert _counts() == before


def test_bytes_that_are_not_text_name_the_row(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    path = tmp_path / "bytes.csv"
    # é in Windows-1252 (so not UTF-8), then 0x81, which Windows-1252 does not define either
    path.write_bytes(b"id,name\n1,Caf\xe9 Tool\n2,Bad\x81Byte\n")
    message = _refusal(path)
    assert message.startswith("bytes.csv: row 3 (line 3): ")
    assert "0x81" in message and "UTF-8" in message and "Windows-1252" in message
    assert _counts() == before


def test_a_utf16_file_is_named_as_such(world: Any, tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes("id\tname\n1\tMaple\n".encode("utf-16"))
    with pytest.raises(ImportFileError, match=r"unicode\.csv: .*UTF-16"):
        import_companies(path)


# Workbooks


def test_a_huge_excel_cell_names_the_row_and_column(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Record ID", "Business Name", "Street Address"])
    sheet.append([101, "Maple Stamping Ltd", "120 Industrial Rd"])
    sheet.append([102, "Lakeshore Plastics", "5" * 30_000])
    workbook.save(tmp_path / "list.xlsx")
    with pytest.raises(
        ImportFileError,
        match=r"list\.xlsx: row 3, column C \('Street Address'\): the cell is 30,000 characters",
    ):
        import_companies(tmp_path / "list.xlsx")
    assert _counts() == before


def test_a_workbook_whose_sheet_is_damaged_is_a_clear_error(
    before: tuple[int, ...], world: Any, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "name"])
    sheet.append([1, "Maple"])
    workbook.save(tmp_path / "good.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "good.xlsx") as good,
        zipfile.ZipFile(tmp_path / "damaged.xlsx", "w") as damaged,
    ):
        for item in good.infolist():
            data = good.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"Maple", b"Ma&#1;ple")  # no XML 1.0 text holds U+0001
            damaged.writestr(item, data)
    with pytest.raises(ImportFileError, match=r"damaged\.xlsx: .*not a readable Excel workbook"):
        import_companies(tmp_path / "damaged.xlsx")
    assert _counts() == before


# A value longer than its field: the row is rejected, the others import


def test_a_value_longer_than_its_field_rejects_its_row_only(world: Any, tmp_path: Path) -> None:
    rows = [
        ["W1", "Maple Stamping Ltd", "120 Industrial Rd", "Windsor", ""],
        ["W2", "L" * 250, "55 Harmony Rd", "Windsor", ""],
        ["W3", "Oshawa Brake Works", "9 Simcoe St", "O" * 150, ""],
    ]
    report = import_companies(_csv(tmp_path / "names.csv", rows))
    assert (report.created, report.rejected) == (1, 2)
    assert [(r.row, r.source_id, r.field) for r in report.rejects] == [
        (3, "W2", "name"),
        (4, "W3", "city"),
    ]
    assert "250 characters" in report.rejects[0].reason
    assert "at most 200" in report.rejects[0].reason
    assert "'name'" in report.rejects[0].reason  # the file's column
    with system_scope("test"):
        assert list(SourceRecord.objects.values_list("source_id", flat=True)) == ["W1"]


# The other importers read through the same reader


def test_the_workforce_and_project_imports_refuse_a_huge_cell_the_same_way(
    world: Any, tmp_path: Path
) -> None:
    from corridor.programs.importing import import_projects
    from corridor.workforce.importing import import_workforce

    supply = tmp_path / "supply.csv"
    supply.write_text(
        "region,noc,period,employed,unemployed,source\n"
        f"3570,72106,2025,3100,140,{'s' * OVER_CSV_LIMIT}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError, match=r"supply\.csv: row 2, column F \('source'\)"):
        import_workforce("supply", supply)
    grants = tmp_path / "grants.csv"
    grants.write_text(f"ref_number,agreement_value\nA-1,{'9' * 20_000}\n", encoding="utf-8")
    with pytest.raises(
        ImportFileError, match=r"grants\.csv: row 2, column B \('agreement_value'\)"
    ):
        import_projects(grants)
