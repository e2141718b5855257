"""Importing company lists: matching, idempotence, updates, rejects, and nothing half-written."""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from corridor.core.history import change_context
from corridor.core.models import ChangeRecord, Municipality
from corridor.core.scoping import system_scope
from corridor.registry.importing import write_rejects
from corridor.registry.models import Company, Facility, ImportRun, MatchStatus, SourceRecord
from corridor.registry.services import export_links
from corridor.registry.sheets import ImportFileError
from corridor.registry.tests.helpers import (
    APEX,
    APEX_AGAIN,
    APEX_MAYBE,
    HEADER,
    PRECISION,
    import_list,
    write_list,
)


def records() -> list[SourceRecord]:
    with system_scope("test"):
        return list(SourceRecord.objects.order_by("source_id"))


def count(model: Any) -> int:
    with system_scope("test"):
        return int(model.objects.count())


def test_spellings_of_one_plant_become_one_facility(world: Any, tmp_path: Path) -> None:
    report = import_list(write_list(tmp_path / "windsor.csv", [APEX, APEX_AGAIN, PRECISION]))
    assert (report.created, report.matched, report.review, report.rejected) == (2, 1, 0, 0)
    apex, again, precision = records()
    assert apex.facility_id == again.facility_id != precision.facility_id
    assert again.status == MatchStatus.AUTO and apex.status == MatchStatus.NEW
    with system_scope("test"):
        facility = Facility.objects.select_related("municipality").get(pk=apex.facility_id)
    assert facility.municipality == world.windsor
    assert facility.naics == "336370" and facility.employees == 120
    assert apex.raw["Company Name"] == "Apex Stamping Inc."  # the row as it arrived


def test_an_uncertain_row_waits_for_review_instead_of_merging(world: Any, tmp_path: Path) -> None:
    report = import_list(write_list(tmp_path / "a.csv", [APEX, APEX_MAYBE]))
    assert report.review == 1
    apex, maybe = records()
    assert maybe.status == MatchStatus.REVIEW
    assert maybe.facility_id != apex.facility_id  # parked apart, not merged silently
    assert maybe.candidate_id == apex.facility_id
    assert maybe.reasons


def test_reimporting_the_same_file_changes_nothing(world: Any, tmp_path: Path) -> None:
    path = write_list(tmp_path / "windsor.csv", [APEX, APEX_AGAIN, PRECISION])
    import_list(path)
    before = (count(Facility), count(SourceRecord), count(ChangeRecord))
    report = import_list(path)
    assert report.unchanged == 3 and report.created == report.matched == report.updated == 0
    assert (count(Facility), count(SourceRecord), count(ChangeRecord)) == before


def test_an_updated_file_updates_the_linked_records_and_keeps_history(
    world: Any, tmp_path: Path
) -> None:
    import_list(write_list(tmp_path / "windsor.csv", [APEX, PRECISION]))
    changed = [*APEX[:8], "140", *APEX[9:]]
    report = import_list(write_list(tmp_path / "windsor.csv", [changed, PRECISION]))
    assert report.updated == 1 and report.unchanged == 1
    apex = records()[0]
    with system_scope("test"):
        facility = Facility.objects.get(pk=apex.facility_id)
        change = ChangeRecord.objects.filter(
            content_type__model="facility", object_id=facility.pk, action="update"
        ).get()
    assert apex.employees == 140 and facility.employees == 140
    assert (change.before or {})["employees"] == 120 and (change.after or {})["employees"] == 140


def test_bad_rows_are_rejected_with_row_and_field_and_the_rest_imports(
    world: Any, tmp_path: Path
) -> None:
    rows = [
        APEX,
        ["5", "", "1 Nowhere Rd", "Windsor", "", "", "", "", "", "", "", ""],
        ["6", "Bad Numbers Ltd", "", "Windsor", "", "", "", "", "lots", "", "", ""],
        ["7", "Far Away Corp", "", "Windsor", "", "", "", "", "", "", "95", "-80"],
        ["1", "Duplicate Id Inc", "", "Windsor", "", "", "", "", "", "", "", ""],
        ["8", "Half Point Ltd", "", "Windsor", "", "", "", "", "", "", "42.3", ""],
        ["9", "Odd Code Inc", "", "Windsor", "", "", "", "33x", "", "", "", ""],
        PRECISION,
    ]
    report = import_list(write_list(tmp_path / "windsor.csv", rows))
    found = {(r.row, r.field) for r in report.rejects}
    assert found == {
        (3, "name"),
        (4, "employees"),
        (5, "lat"),
        (6, "source_id"),
        (7, "lon"),
        (8, "naics"),
    }
    assert report.created == 2
    out = tmp_path / "rejects.csv"
    write_rejects(report, out)
    text = out.read_text()
    assert "windsor.csv,4,6,employees,'lots' is not a number" in text
    assert "Bad Numbers Ltd" in text  # the raw row travels with its reason


def test_a_missing_required_column_stops_the_import_and_names_it(
    world: Any, tmp_path: Path
) -> None:
    path = write_list(tmp_path / "no-names.csv", [["1", "x"]], header=["ID", "Street"])
    with pytest.raises(ImportFileError, match=r"no-names.csv: missing required column 'name'"):
        import_list(path)
    assert count(SourceRecord) == count(ImportRun) == 0


def test_an_unreadable_workbook_is_a_clear_error(world: Any, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a workbook")
    with pytest.raises(ImportFileError, match=r"broken\.xlsx: not a readable Excel workbook"):
        import_list(path)


def test_an_excel_workbook_imports_like_a_csv(world: Any, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Record ID", "Business Name", "Street Address", "Municipality", "Employment"])
    sheet.append([101, "Apex Stamping Inc.", "123 Main St", "Windsor", 120])
    sheet.append([102, "Precision Tool & Die", "45 King St", "Oshawa", 35.0])
    workbook.save(tmp_path / "list.xlsx")
    report = import_list(tmp_path / "list.xlsx")
    assert report.created == 2 and report.rejected == 0
    assert [r.source_id for r in records()] == ["101", "102"]
    assert records()[1].employees == 35


def test_a_dry_run_reports_but_writes_nothing(world: Any, tmp_path: Path) -> None:
    report = import_list(write_list(tmp_path / "a.csv", [APEX, PRECISION]), dry_run=True)
    assert report.created == 2 and report.dry_run
    assert count(Facility) == count(SourceRecord) == count(ImportRun) == 0


def test_an_import_stopped_midway_leaves_nothing_half_written(world: Any, tmp_path: Path) -> None:
    def stop_after_first_row(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_list(
            write_list(tmp_path / "a.csv", [APEX, APEX_AGAIN, PRECISION]),
            progress=stop_after_first_row,
        )
    assert count(Facility) == count(SourceRecord) == count(ImportRun) == 0


def test_community_names_find_their_municipality(world: Any, tmp_path: Path) -> None:
    with system_scope("test"):
        place = Municipality.objects.create(
            name="New Tecumseth",
            census_division="Simcoe",
            economic_region="x",
            latitude=44.15,
            longitude=-79.87,
            aliases="Alliston;Tottenham",
        )
    row = [
        "10",
        "Alliston Trim Ltd",
        "1 Industrial Pkwy",
        "ALLISTON",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    import_list(write_list(tmp_path / "simcoe.csv", [row]))
    with system_scope("test"):
        assert Facility.objects.get().municipality == place


def test_export_links_lists_every_record_under_its_current_facility(
    world: Any, tmp_path: Path
) -> None:
    import_list(write_list(tmp_path / "w.csv", [APEX, APEX_MAYBE]))
    out = tmp_path / "links.csv"
    assert export_links(out) == 2
    apex, maybe = records()
    assert out.read_text().splitlines() == [
        "source,source_id,facility_id",
        f"w,1,{apex.facility_id}",
        f"w,3,{maybe.facility_id}",
    ]


def test_the_command_reports_and_writes_rejects(world: Any, tmp_path: Path, capsys: Any) -> None:
    path = write_list(tmp_path / "w.csv", [APEX, ["5", "", "", "", "", "", "", "", "", "", "", ""]])
    call_command(
        "import_companies",
        str(path),
        "--source",
        "windsor-edc",
        "--rejects",
        str(tmp_path / "rej.csv"),
    )
    out = capsys.readouterr().out
    assert "from source 'windsor-edc'" in out and "row 3: name: the company name is empty" in out
    assert (tmp_path / "rej.csv").exists()
    assert records()[0].source == "windsor-edc"


def test_the_command_refuses_an_unusable_file_clearly(world: Any, tmp_path: Path) -> None:
    path = write_list(tmp_path / "w.csv", [["1"]], header=["Name only"])
    with pytest.raises(CommandError, match=r"missing required column 'source_id'.*Nothing was"):
        call_command("import_companies", str(path))


def test_header_aliases_are_accepted(world: Any, tmp_path: Path) -> None:
    header = [
        "ref",
        "business",
        "street_address",
        "town",
        "postcode",
        "tel",
        "url",
        "naics_2022",
        "headcount",
        "description",
        "y",
        "x",
        "Account Manager",
    ]
    import_list(write_list(tmp_path / "w.csv", [[*APEX, "J. Doe"]], header=header))
    record = records()[0]
    assert (record.name, record.city, record.employees, record.latitude) == (
        "Apex Stamping Inc.",
        "Windsor",
        120,
        42.31,
    )
    assert record.raw["Account Manager"] == "J. Doe"  # unknown columns are kept


def test_the_header_list_matches_the_documented_aliases() -> None:
    from corridor.registry.sheets import COLUMN_ALIASES, header_key

    for header in HEADER:
        assert any(header_key(header) in aliases for aliases in COLUMN_ALIASES.values()), header


def test_rejected_rows_are_kept_with_the_import(world: Any, tmp_path: Path) -> None:
    bad = ["6", "Bad Numbers Ltd", "", "Windsor", "", "", "", "", "lots", "", "", ""]
    report = import_list(write_list(tmp_path / "w.csv", [APEX, bad]))
    with system_scope("test"):
        run = ImportRun.objects.get(pk=report.run_id or 0)
    assert run.rejected == 1
    assert run.rejects == [
        {
            "row": 3,
            "source_id": "6",
            "field": "employees",
            "reason": "'lots' is not a number",
            "raw": dict(zip(HEADER, bad, strict=True)),
        }
    ]


def test_a_facility_entered_by_hand_is_found_by_an_import(world: Any, tmp_path: Path) -> None:
    with system_scope("test"), change_context(source="tests"):
        company = Company.objects.create(name="Apex Stamping Inc.")
        facility = Facility.objects.create(
            company=company,
            name="Apex Stamping Inc.",
            street="123 Main St",
            city="Windsor",
            postal_code="N9A 1A1",
            phone="519-555-0101",
            municipality=world.windsor,
        )
    report = import_list(write_list(tmp_path / "w.csv", [APEX_AGAIN]))
    assert report.matched == 1 and report.created == 0
    assert records()[0].facility_id == facility.pk
