"""``corridor import-workforce``: bad rows, rejects, one transaction, idempotence."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from corridor.core.scoping import system_scope
from corridor.registry.sheets import ImportFileError
from corridor.workforce.importing import import_workforce
from corridor.workforce.models import Demand, DemandKind, LabourSupply, TrainingProgram

SUPPLY = """region,noc,period,employed,unemployed,source
3570,72106,2025,3100,140,LFS test
Windsor–Sarnia,72400,2025,2400,60,LFS test
Atlantis,72106,2025,10,1,LFS test
3570,99999,2025,10,1,LFS test
3570,72101,2025,many,4,LFS test
London,72106,2025-07,900,30,
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _supply_rows() -> list[tuple[str, str, int]]:
    with system_scope("tests"):
        return sorted(
            LabourSupply.objects.values_list("region__code", "occupation__noc_code", "unemployed")
        )


def test_bad_rows_are_rejected_naming_file_row_and_field_and_good_rows_imported(
    world: Any, tmp_path: Path
) -> None:
    report = import_workforce("supply", _file(tmp_path, "supply.csv", SUPPLY))
    assert (report.rows, report.created, len(report.rejects)) == (6, 3, 3)
    assert report.lines() == [
        "supply.csv, row 4, region: 'Atlantis' is not an economic region of the corridor",
        "supply.csv, row 5, noc: '99999' is not a NOC 2021 code Corridor counts",
        "supply.csv, row 6, employed: 'many' is not a whole number of 0 or more",
    ]
    assert _supply_rows() == [("3560", "72106", 30), ("3570", "72106", 140), ("3570", "72400", 60)]
    with system_scope("tests"):
        london = LabourSupply.objects.get(region__code="3560")
    assert london.raw["employed"] == "900"  # the raw row is kept
    assert london.source == "labour supply import" and london.period.month == 7


def test_importing_the_same_file_again_changes_nothing(world: Any, tmp_path: Path) -> None:
    path = _file(tmp_path, "supply.csv", SUPPLY)
    import_workforce("supply", path)
    again = import_workforce("supply", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert len(_supply_rows()) == 3


def test_a_changed_figure_updates_its_row(world: Any, tmp_path: Path) -> None:
    import_workforce("supply", _file(tmp_path, "supply.csv", SUPPLY))
    changed = import_workforce(
        "supply", _file(tmp_path, "s2.csv", SUPPLY.replace("3100,140", "3100,155"))
    )
    assert (changed.updated, changed.unchanged) == (1, 2)
    assert ("3570", "72106", 155) in _supply_rows()


def test_a_file_without_a_required_column_writes_nothing(world: Any, tmp_path: Path) -> None:
    path = _file(tmp_path, "postings.csv", "region,noc,count\n3570,72106,4\n")
    with pytest.raises(ImportFileError, match=r"postings.csv: missing required column 'month'"):
        import_workforce("postings", path)
    with system_scope("tests"):
        assert not Demand.objects.exists()


def test_postings_import_from_excel(world: Any, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Region", "NOC code", "Month", "Job postings", "Source"])
    sheet.append(["3570", "72106", "2026-09", 41, "Job Bank test"])
    sheet.append(["3570", "72106", "2026-13", 41, "Job Bank test"])
    path = tmp_path / "postings.xlsx"
    book.save(path)
    report = import_workforce("postings", path)
    assert (report.created, [(r.row, r.field) for r in report.rejects]) == (1, [(3, "month")])
    with system_scope("tests"):
        (row,) = Demand.objects.all()
    assert (row.kind, row.count, row.month.isoformat()) == (DemandKind.POSTINGS, 41, "2026-09-01")


PROGRAMS = (
    "institution,code,program,credential,length_months,campuses,noc,seats,graduates,delivery\n"
    """Test College,W-1,Welding Techniques,certificate,8,South (Windsor),72106,40,32,in person
Test College,W-2,Millwright,diploma,24,South (Windsor); Oshawa,72400;72101,30,24,hybrid
Test College,W-3,Broken,diploma,24,Nowhere,72400,30,24,
Test College,W-4,Broken too,badge,24,Windsor,72400,30,24,
"""
)


def test_programs_import_with_their_campuses_and_occupations(world: Any, tmp_path: Path) -> None:
    report = import_workforce("programs", _file(tmp_path, "programs.csv", PROGRAMS))
    assert report.created == 2
    assert [(r.row, r.field) for r in report.rejects] == [(4, "campuses"), (5, "credential")]
    with system_scope("tests"):
        millwright = TrainingProgram.objects.get(code="W-2")
        assert sorted(c.name for c in millwright.campuses.all()) == ["Oshawa", "South"]
        assert sorted(o.noc_code for o in millwright.occupations.all()) == ["72101", "72400"]
        assert millwright.delivery_mode == "hybrid"
        assert not TrainingProgram.objects.filter(code="W-3").exists()
    again = import_workforce("programs", _file(tmp_path, "programs.csv", PROGRAMS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_the_command_writes_the_rejects_file_and_says_nothing_was_imported_on_a_bad_file(
    world: Any, tmp_path: Path
) -> None:
    rejects = tmp_path / "rejects.csv"
    call_command("import_workforce", "supply", str(_file(tmp_path, "supply.csv", SUPPLY)),
                 "--rejects", str(rejects))  # fmt: skip
    with rejects.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["file"], r["row"], r["field"]) for r in rows] == [
        ("supply.csv", "4", "region"),
        ("supply.csv", "5", "noc"),
        ("supply.csv", "6", "employed"),
    ]
    assert rows[0]["region"] == "Atlantis"
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_workforce", "supply", str(tmp_path / "missing.csv"))


def test_an_unexpected_failure_halfway_leaves_nothing_written(
    world: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from corridor.workforce import importing

    real = importing.WRITERS["supply"]
    calls = {"n": 0}

    def failing(*args: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setitem(importing.WRITERS, "supply", failing)
    with pytest.raises(RuntimeError):
        import_workforce("supply", _file(tmp_path, "supply.csv", SUPPLY))
    assert _supply_rows() == []


def test_a_program_rejected_for_its_campus_leaves_no_new_institution(
    world: Any, tmp_path: Path
) -> None:
    from corridor.workforce.models import Institution

    text = PROGRAMS.splitlines()[0] + "\nNew College,N-1,Welding,certificate,8,Nowhere,72106,4,3,\n"
    report = import_workforce("programs", _file(tmp_path, "p.csv", text))
    assert [(r.row, r.field) for r in report.rejects] == [(2, "campuses")]
    with system_scope("tests"):
        assert not Institution.objects.filter(name="New College").exists()
